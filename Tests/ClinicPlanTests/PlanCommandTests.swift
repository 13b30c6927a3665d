import Foundation
import Testing

/// `clinic-plan plan`: the weekly plan of the sample clinic's Dr. Ahmed Hassan, checked by hand.
@Suite struct PlanCommandTests {
    private func planJSON(_ extra: [String]) throws -> [String: Any] {
        let run = try Tool.run(["plan", "--data", Tool.sample, "--format", "json"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func anyDateOfTheWeekPlansTheSundayToSaturdayWeek() throws {
        let json = try planJSON(["--week", "2026-12-02", "--doctor", "65f000010000000000000001"])
        #expect(json["week"] as? [String: String] == ["from": "2026-11-29", "to": "2026-12-05"])
        let doctors = try #require(json["doctors"] as? [[String: Any]])
        #expect(doctors.count == 1)
        let days = try #require(doctors[0]["days"] as? [[String: Any]])
        #expect(days.map { $0["status"] as? String } ==
                ["open", "no_schedule", "open", "no_schedule", "closed", "no_schedule", "no_schedule"])
        #expect(days[4]["reason"] as? String == "Cardiology conference in Alexandria")
    }

    @Test func weeksPlansThatManyWeeksInEveryFormat() throws {
        let json = try planJSON(["--week", "2026-12-02", "--weeks", "3", "--doctor", "65f000010000000000000001"])
        #expect(json["week"] as? [String: String] == ["from": "2026-11-29", "to": "2026-12-19"])
        let days = try #require((json["doctors"] as? [[String: Any]])?.first?["days"] as? [[String: Any]])
        #expect(days.count == 21 && days.last?["date"] as? String == "2026-12-19")
        let csv = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-12-02", "--weeks", "3", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.contains(",2026-12-19,"))
        let ics = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-12-02", "--weeks", "3", "--format", "ics"])
        #expect(ics.status == 0 && ics.stdout.contains("DTSTART:20261213T"))
        for weeks in ["0", "54"] {
            let refused = try Tool.run(["plan", "--data", Tool.sample, "--weeks", weeks])
            #expect(refused.status == 2 && refused.stderr.contains("--weeks must be 1 to 53"))
        }
    }

    @Test func sundayOfDoctorAhmedHassan() throws {
        let json = try planJSON(["--week", "2026-11-29", "--doctor", "65f000010000000000000001"])
        let doctor = try #require((json["doctors"] as? [[String: Any]])?.first)
        #expect(doctor["name"] as? String == "Dr. Ahmed Hassan")
        let sunday = try #require((doctor["days"] as? [[String: Any]])?.first)
        #expect(sunday["patient_window"] as? [String: String] == ["start": "09:00", "end": "13:00"])
        #expect(sunday["booked_appointments"] as? Int == 3)
        #expect(sunday["utilization"] as? Double == 0.25)
        let items = try #require(sunday["items"] as? [[String: Any]])
        #expect(items.map { "\($0["start"]!)-\($0["end"]!) \($0["id"]!) \(($0["conflicts"] as! [String]).joined())" } == [
            "09:00-09:20 65f000060000000000000001 double_booking",
            "09:10-09:30 65f00006000000000000001b double_booking",
            "10:40-11:00 65f00006000000000000000a ",
        ])
        // 20-minute slots from 09:00: 09:00, 09:20 are taken by the double booking, 10:40 by Nada Essam.
        let free = try #require(sunday["free_patient_slots"] as? [[String: String]])
        #expect(free.map { $0["start"]! } == ["09:40", "10:00", "10:20", "11:00", "11:20", "11:40", "12:00", "12:20", "12:40"])
        #expect((sunday["free_rep_slots"] as? [[String: String]])?.count == 4)
    }

    @Test func tableShowsClosuresReasonsAndConflicts() throws {
        let run = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-11-29", "--doctor", "65f000010000000000000001"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Thu 2026-12-03  CLOSED: Cardiology conference in Alexandria\n"))
        // The patient's id (what `book` takes), then the appointment's (what `cancel` takes).
        #expect(run.stdout.contains("    09:10–09:30  patient    Hesham Badr (65f00002000000000000001b) · appointment 65f00006000000000000001b  ! double_booking\n"))
        #expect(run.stdout.contains("   week: 2 working day(s), 5 appointment(s) of 24 (21%), 0 rep visit(s)\n"))
    }

    @Test func csvHasAHeaderAndOneRowPerDayAndItem() throws {
        let run = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-11-29", "--format", "csv"])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.first == "doctor_id,doctor,date,weekday,status,reason,kind,id,start,end,person_id,person,booked,max_patients,utilization,conflicts")
        // 10 doctors × 7 days, plus one row per appointment or visit in the week.
        let dayRows = rows.filter { $0.contains(",day,") }
        #expect(dayRows.count == 70)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.json").path
        let run = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-11-29", "--format", "json", "-o", file])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["doctors"] != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
    }
}
