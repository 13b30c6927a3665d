import Foundation
import Testing

/// Issue 13, point 2, on the sample: people found by _id, email or a unique part of the name in
/// every option that names one; ambiguous names list the candidates; `people` lists them with ids.
@Suite struct PeopleCommandTests {
    @Test func peopleListsDoctorsWithIdsEmailsAndWhatTellsThemApart() throws {
        let run = try Tool.run(["people", "doctors", "--data", Tool.sample, "--search", "cardio"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            doctors (2)
              _ID                       NAME                 EMAIL                               SPECIALIZATION, CLINIC
              ------------------------  -------------------  ----------------------------------  -----------------------------
              65f000010000000000000001  Dr. Ahmed Hassan     ahmed.hassan@clinicplan.example     Cardiology, Heart Care Clinic
              65f000010000000000000009  Dr. Youssef Ibrahim  youssef.ibrahim@clinicplan.example  Cardiology, Heart Care Clinic

            """)
    }

    @Test func everyKindAsJSONAndCSV() throws {
        let json = try Tool.run(["people", "--data", Tool.sample, "--search", "nada", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == #"{"doctors":[],"patients":[{"_id":"65f00002000000000000000a","name":"Nada Essam","email":"nada.essam@clinicplan.example"}],"reps":[]}"# + "\n")
        let csv = try Tool.run(["people", "reps", "--data", Tool.sample, "--search", "pfizer", "--format", "csv"])
        #expect(csv.stdout == "kind,_id,name,email,details\r\nrep,65f000030000000000000006,Marwa Abdelaziz,marwa.abdelaziz@clinicplan.example,Pfizer Egypt\r\n")
        let all = try Tool.run(["people", "--data", Tool.sample, "--format", "csv"])
        // 10 doctors, 30 patients, 10 reps, and the header.
        #expect(all.stdout.split(separator: "\r\n").count == 51)
        let none = try Tool.run(["people", "patients", "--data", Tool.sample, "--search", "nobody at all"])
        #expect(none.stdout == "patients (0)\n  (none)\n")
    }

    @Test func aDoctorIsFoundByIdEmailOrName() throws {
        func doctorOfPlan(_ text: String) throws -> String? {
            let run = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-11-29", "--format", "json", "--doctor", text])
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (json?["doctors"] as? [[String: Any]])?.first?["doctor_id"] as? String
        }
        let hassan = "65f000010000000000000001"
        #expect(try doctorOfPlan(hassan) == hassan)
        #expect(try doctorOfPlan(hassan.uppercased()) == hassan)
        #expect(try doctorOfPlan("Ahmed.Hassan@ClinicPlan.example") == hassan)
        #expect(try doctorOfPlan("ahmed hassan") == hassan)
        #expect(try doctorOfPlan("HASSAN") == hassan)
    }

    @Test func anAmbiguousNameListsTheCandidatesAndAnUnknownOneSaysWhereToLook() throws {
        let unknown = try Tool.run(["conflicts", "--data", Tool.sample, "--from", "2026-11-29", "--doctor", "Heart"])
        #expect(unknown.status == 2)
        // "Heart" is in no name (only in a clinic's): names, emails and ids are what is searched.
        #expect(unknown.stderr == "error: no doctor matches --doctor \"Heart\" in \(Tool.sample)/doctors.json (by _id, email or name); "
                + "`clinic-plan people doctors --data \(Tool.sample)` lists them\n")
        let slip = try Tool.run(["plan", "--data", Tool.sample, "--doctor", "Ahmad Hasan"])
        #expect(slip.status == 2)
        #expect(slip.stderr.hasSuffix("lists them\ndid you mean Dr. Ahmed Hassan (65f000010000000000000001)?\n"), "\(slip.stderr)")
        let one = try Tool.run(["conflicts", "--data", Tool.sample, "--from", "2026-11-29", "--doctor", "Ibrahim"])
        // One match, Dr. Youssef Ibrahim, who has no conflict that week.
        #expect(one.status == 0 && one.stdout == "Conflicts 2026-11-29…2026-12-05 (7 days, UTC): 0 found\n", "\(one.stderr)")
        let many = try Tool.run(["report", "closed-days", "--data", Tool.sample, "--doctor", "Ma"])
        #expect(many.status == 2)
        #expect(many.stderr == """
            error: --doctor "Ma" matches 3 doctors; give more of the name, the email or the _id:
              Dr. Salma Nabil (65f000010000000000000004) <salma.nabil@clinicplan.example>
              Dr. Omar Khaled (65f000010000000000000005) <omar.khaled@clinicplan.example>
              Dr. Rania Magdy (65f00001000000000000000a) <rania.magdy@clinicplan.example>

            """)
    }

    @Test func writersTakeNamesForEveryPersonAndForTheSignedInUser() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        // --as by name: "Ahmed Hassan" is the doctor's own account, who may close their own date.
        let close = try Tool.run(["close", "--data", clinic.path, "--doctor", "Hassan", "--date", "2026-12-06",
                                  "--reason", "Training", "--as", "Ahmed Hassan"], environment: Tool.environment())
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stdout.hasPrefix("closed 2026-12-06 for Dr. Ahmed Hassan (65f000010000000000000001): Training\n"))
        #expect(clinic.auditLines().last?.contains(#""user":"ahmed.hassan@clinicplan.example""#) == true)
        let visit = try Tool.run(["book", "--data", clinic.path, "--doctor", "Heba", "--rep", "marwa.abdelaziz@clinicplan.example",
                                  "--date", "2026-12-03", "--time", "12:45", "--as", "admin@clinicplan.example"],
                                 environment: Tool.environment())
        #expect(visit.status == 0, "\(visit.stderr)")
        #expect(visit.stdout.hasSuffix(": rep Marwa Abdelaziz (65f000030000000000000006) with Dr. Heba Mostafa "
                                       + "(65f000010000000000000006), Thursday 2026-12-03 12:45–13:00\n"))
        let unknownPatient = try Tool.run(["book", "--data", clinic.path, "--doctor", "Heba", "--patient", "Nobody",
                                           "--date", "2026-12-03", "--time", "09:00", "--as", "admin@clinicplan.example"],
                                          environment: Tool.environment())
        #expect(unknownPatient.status == 2)
        #expect(unknownPatient.stderr == "error: no patient matches --patient \"Nobody\" in \(clinic.path)/patients.json "
                + "(by _id, email or name); `clinic-plan people patients --data \(clinic.path)` lists them\n")
        let ambiguousUser = try Tool.run(["close", "--data", clinic.path, "--all", "--date", "2026-12-25", "--reason", "x",
                                          "--as", "Dr."], environment: Tool.environment())
        #expect(ambiguousUser.status == 3)
        #expect(ambiguousUser.stderr.hasPrefix("error: --as \"Dr.\" matches 10 users; give the email:\n  Dr. Ahmed Hassan <ahmed.hassan@clinicplan.example> (doctor)\n"))
    }
}
