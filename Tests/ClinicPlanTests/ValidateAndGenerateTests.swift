import Foundation
import Testing

@Suite struct ValidateAndGenerateTests {
    @Test func theSampleIsValid() throws {
        let run = try Tool.run(["validate", "--data", Tool.sample])
        #expect(run.status == 0)
        #expect(run.stdout == "\(Tool.sample): 0 error(s), 0 warning(s); 51 users, 10 doctors, 30 patients, 10 medical reps, 31 appointments, 100 rep visits, 25 schedules, 10 clinic days\n")
    }

    @Test func aBrokenFolderExitsTwoAndNamesEveryProblem() throws {
        let folder = try copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("appointments.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"time\":\"10:40\"", with: "\"time\":\"25:61\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try Tool.run(["validate", "--data", folder.path])
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("errors:\n  appointments.json: document 10 (_id 65f00006000000000000000a): time \"25:61\" is not a valid HH:MM time\n"))
        // Every other command refuses the folder too, with the same line, and does nothing.
        let plan = try Tool.run(["plan", "--data", folder.path, "--week", "2026-11-29"])
        #expect(plan.status == 2)
        #expect(plan.stdout.isEmpty)
        #expect(plan.stderr == "error: 1 error(s) in \(folder.path); nothing was done (see `clinic-plan validate --data \(folder.path)`)\n"
                + "appointments.json: document 10 (_id 65f00006000000000000000a): time \"25:61\" is not a valid HH:MM time\n")
    }

    @Test func generationIsDeterministicAndValid() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["generate", "--doctors", "12", "--reps", "8", "--patients", "60", "--rescheduled", "15",
                         "--seed", "42", "--from", "2026-12-06"]
        let first = try Tool.run(arguments + ["-o", folder.appendingPathComponent("a").path])
        let second = try Tool.run(arguments + ["-o", folder.appendingPathComponent("b").path])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a").path).sorted()
        #expect(names == ["Schedules.json", "appointments.json", "clinic-plan.json", "clinic_days.json", "doctors.json",
                          "medical_reps.json", "patients.json", "rep_visits.json", "users.json"].sorted()
                || names.contains("schedules.json"))
        for name in names {
            let a = try Data(contentsOf: folder.appendingPathComponent("a/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("b/\(name)"))
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
        let validate = try Tool.run(["validate", "--data", folder.appendingPathComponent("a").path])
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout.contains(": 0 error(s), 0 warning(s); 81 users, 12 doctors, 60 patients, 8 medical reps"))
        let rescheduled = try String(contentsOf: folder.appendingPathComponent("a/rep_visits.json"), encoding: .utf8)
            .components(separatedBy: "\"status\":\"rescheduled\"").count - 1
        #expect(rescheduled == 15)
    }

    @Test func generateTakesAShapeAndRefusesAWeakPasswordCost() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["generate", "--doctors", "6", "--reps", "4", "--patients", "30", "--rescheduled", "5",
                         "--seed", "3", "--from", "2026-12-06"]
        let made = try Tool.run(arguments + ["--shape", "no-closures", "-o", folder.appendingPathComponent("a").path])
        #expect(made.status == 0, "\(made.stderr)")
        let days = try String(contentsOf: folder.appendingPathComponent("a/clinic_days.json"), encoding: .utf8)
        #expect(!days.contains("\"is_open\":false"))
        let weak = try Tool.run(arguments + ["--password-cost", "3", "-o", folder.appendingPathComponent("b").path])
        #expect(weak.status == 2)
        #expect(weak.stderr.contains("--password-cost must be between 4 and 31"))
        let unknown = try Tool.run(arguments + ["--shape", "crowded", "-o", folder.appendingPathComponent("c").path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("near-cap"), "the error lists the shapes")
    }

    private func copyOfSample() throws -> URL {
        let folder = try Tool.temporaryFolder().appendingPathComponent("data")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Tool.sample), to: folder)
        return folder
    }
}
