import Foundation
import Testing

/// `clinic-plan rebook` end to end: what it prints, what --apply writes, and that an interrupted
/// --apply never leaves a torn data folder.
@Suite struct RebookCommandTests {
    private let closeTuesday = ["--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14", "--close", "2026-12-01:Staff training"]

    @Test func withoutApplyNothingChanges() throws {
        let folder = try copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let before = try snapshot(folder)
        let run = try Tool.run(["rebook", "--data", folder.path] + closeTuesday)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Rebooking 2026-11-29…2026-12-12 (UTC), solver glpk: optimal, objective 284 day(s), bound 284"))
        #expect(try snapshot(folder) == before)
    }

    @Test func greedyAndGLPKAgreeOnTheSampleAndJSONHasTheSpecShape() throws {
        let glpk = try json(["rebook", "--data", Tool.sample, "--format", "json"] + closeTuesday)
        let greedy = try json(["rebook", "--data", Tool.sample, "--format", "json", "--solver", "greedy"] + closeTuesday)
        let summary = try #require(glpk["summary"] as? [String: Any])
        #expect(summary["status"] as? String == "optimal")
        #expect(summary["objective"] as? Int == 284)
        #expect(summary["appointments"] as? [String: Int] == ["moved": 5, "unplaced": 0, "objective": 21])
        #expect(summary["rep_visits"] as? [String: Int] == ["moved": 11, "unplaced": 0, "objective": 263])
        let greedyObjective = try #require((greedy["summary"] as? [String: Any])?["objective"] as? Int)
        #expect(greedyObjective >= 284)
        let moves = try #require(glpk["moves"] as? [[String: Any]])
        #expect(moves.count == 16)
        // Dr. Ahmed Hassan's closed-day appointment of Thursday 2026-12-03 goes to his next working day.
        let closedDay = try #require(moves.first { $0["id"] as? String == "65f00006000000000000001c" })
        #expect(closedDay["from"] as? String == "2026-12-03T11:00")
        #expect((closedDay["to"] as? String)?.hasPrefix("2026-12-06T") == true)
        #expect(closedDay["delay_days"] as? Int == 3)
    }

    @Test func applyWritesTheMovesAndCreatesNoNewConflict() throws {
        let folder = try copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let conflictsBefore = try conflictSet(folder)
        let run = try Tool.run(["rebook", "--data", folder.path, "--apply", "--as", "admin@clinicplan.example"] + closeTuesday,
                               environment: Self.withPassword("clinic-demo"))
        #expect(run.status == 0, "\(run.stderr)")
        let audit = try String(contentsOf: folder.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        #expect(audit.split(separator: "\n").count == 1)
        #expect(audit.contains("\"action\":\"rebook\"") && audit.contains("\"outcome\":\"confirmed\""))
        #expect(!audit.contains("clinic-demo"))
        let validate = try Tool.run(["validate", "--data", folder.path])
        #expect(validate.status == 0, "\(validate.stdout)")
        let conflictsAfter = try conflictSet(folder)
        #expect(conflictsAfter.isSubset(of: conflictsBefore), "new: \(conflictsAfter.subtracting(conflictsBefore))")
        // The closed-day conflict is gone, and so is every reason to rebook again.
        #expect(!conflictsAfter.contains { $0.hasPrefix("closed_day") })
        let again = try json(["rebook", "--data", folder.path, "--format", "json"] + closeTuesday)
        #expect((again["summary"] as? [String: Any])?["objective"] as? Int == 0)
        // The weekly booking moved off Tuesday 2026-12-01 now skips that date.
        let appointments = try String(contentsOf: folder.appendingPathComponent("appointments.json"), encoding: .utf8)
        #expect(appointments.contains(#""time":"09:20","status":"booked","skip_dates":[{"$date":"2026-12-01T00:00:00Z"}]}"#))
        let days = try String(contentsOf: folder.appendingPathComponent("clinic_days.json"), encoding: .utf8)
        #expect(days.components(separatedBy: "Staff training").count - 1 == 3)
    }

    @Test func applyNeedsAnAllowedSignedInUser() throws {
        let folder = try copyOfSample()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let before = try snapshot(folder)
        let anonymous = try Tool.run(["rebook", "--data", folder.path, "--apply"] + closeTuesday)
        #expect(anonymous.status == 2)
        #expect(anonymous.stderr.contains("say who you are with --as EMAIL"))
        let wrongPassword = try Tool.run(["rebook", "--data", folder.path, "--apply", "--as", "admin@clinicplan.example"]
                                         + closeTuesday, environment: Self.withPassword("guess"))
        #expect(wrongPassword.status == 3)
        // A doctor may rebook their own practice only; a patient not at all.
        let otherDoctor = try Tool.run(["rebook", "--data", folder.path, "--apply", "--as", "ahmed.hassan@clinicplan.example",
                                        "--doctor", "65f000010000000000000002"] + closeTuesday,
                                       environment: Self.withPassword("clinic-demo"))
        #expect(otherDoctor.status == 3)
        #expect(otherDoctor.stderr.contains("only for their own practice"))
        let patient = try Tool.run(["rebook", "--data", folder.path, "--apply", "--as", "mohamed.saeed@clinicplan.example"]
                                   + closeTuesday, environment: Self.withPassword("clinic-demo"))
        #expect(patient.status == 3)
        var after = try snapshot(folder)
        let audit = after.removeValue(forKey: "audit.jsonl").map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(after == before)
        #expect(audit.split(separator: "\n").count == 3)
        let ownPractice = try Tool.run(["rebook", "--data", folder.path, "--apply", "--as", "ahmed.hassan@clinicplan.example",
                                        "--doctor", "65f000010000000000000001"] + closeTuesday,
                                       environment: Self.withPassword("clinic-demo"))
        #expect(ownPractice.status == 0, "\(ownPractice.stderr)")
    }

    @Test func outputWritesACopyAndMongoshPrintsTheSameChanges() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("rebooked")
        let run = try Tool.run(["rebook", "--data", Tool.sample, "--output", target.path] + closeTuesday)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Tool.run(["validate", "--data", target.path]).status == 0)
        let script = try Tool.run(["rebook", "--data", Tool.sample, "--format", "mongosh", "--database", "clinic"] + closeTuesday)
        let lines = script.stdout.split(separator: "\n")
        #expect(lines.contains(#"db = db.getSiblingDB("clinic");"#))
        #expect(lines.filter { $0.hasPrefix(#"  {collection: "rep_visits", what: "update rep_visits"#) }.count == 11)
        #expect(lines.filter { $0.hasPrefix(#"  {collection: "clinic_days", what: "insert clinic_days"#) }.count == 3)
        // The dated appointment of Thursday 2026-12-03 moves only if it is still as exported.
        #expect(lines.contains { $0.hasPrefix(#"  {collection: "appointments", what: "update appointments 65f00006000000000000001c", filter: {_id: ObjectId("65f00006000000000000001c"), day: "Thursday", time: "11:00", status: "booked", date: ISODate("2026-12-03T00:00:00Z")}, update: {$set: {"#) })
        #expect(lines.last == "if (clinicPlanFailed.length > 0) quit(1);")
    }

    @Test func exportedModelIsReadableByGlpsol() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("rebook.lp").path
        let run = try Tool.run(["rebook", "--data", Tool.sample, "--export-model", model] + closeTuesday)
        #expect(run.status == 0, "\(run.stderr)")
        let glpsol = Process()
        glpsol.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        glpsol.arguments = ["--lp", model, "-o", folder.appendingPathComponent("solution.txt").path]
        glpsol.standardOutput = FileHandle.nullDevice
        try glpsol.run()
        glpsol.waitUntilExit()
        #expect(glpsol.terminationStatus == 0)
        let solution = try String(contentsOf: folder.appendingPathComponent("solution.txt"), encoding: .utf8)
        #expect(solution.contains("INTEGER OPTIMAL"))
        #expect(solution.contains("Objective:  obj = 284 (MINimum)"))
    }

    @Test func killedApplyNeverLeavesATornFolder() throws {
        let root = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let generated = root.appendingPathComponent("generated")
        let made = try Tool.run(["generate", "--doctors", "60", "--reps", "30", "--patients", "600", "--rescheduled", "40",
                                 "--seed", "9", "--from", "2026-12-06", "-o", generated.path])
        #expect(made.status == 0)
        let original = try snapshot(generated)
        let users = try String(contentsOf: generated.appendingPathComponent("users.json"), encoding: .utf8)
        let admin = try #require(users.split(separator: "\n").first { $0.contains("\"role\":\"admin\"") })
        let email = try #require(admin.firstMatch(of: /"email":"([^"]+)"/)?.1)
        for attempt in 0..<12 {
            let folder = root.appendingPathComponent("run\(attempt)")
            try FileManager.default.copyItem(at: generated, to: folder)
            let process = Process()
            process.executableURL = Tool.productsDirectory.appendingPathComponent("clinic-plan")
            process.arguments = ["rebook", "--data", folder.path, "--from", "2026-12-06", "--not-before", "2026-12-06", "--days", "21",
                                 "--solver", "greedy", "--apply", "--as", String(email)]
            process.environment = Self.withPassword("clinic-demo")
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill it at a different moment each time: while loading, solving or writing (the whole
            // run takes about half a second in a debug build).
            usleep(UInt32(30_000 + attempt * 60_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let validate = try Tool.run(["validate", "--data", folder.path])
            #expect(validate.status == 0, "attempt \(attempt): \(validate.stdout)")
            // Each file is either exactly the old one or a complete new one.
            let now = try snapshot(folder)
            for (name, bytes) in now where original[name] != bytes {
                #expect(name.hasSuffix(".json") || name == "audit.jsonl", "attempt \(attempt): stray file \(name)")
            }
        }
    }

    // MARK: - helpers

    static func withPassword(_ password: String) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["CLINIC_PASSWORD": password]) { _, new in new }
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try Tool.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    private func conflictSet(_ folder: URL) throws -> Set<String> {
        let run = try Tool.run(["conflicts", "--data", folder.path, "--from", "2026-11-29", "--days", "14", "--format", "csv"])
        return Set(run.stdout.split(separator: "\r\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return cells[0...5].joined(separator: ",")
        })
    }

    /// The data files (not the lock file) and their bytes.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    private func copyOfSample() throws -> URL {
        let folder = try Tool.temporaryFolder().appendingPathComponent("data")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Tool.sample), to: folder)
        return folder
    }
}
