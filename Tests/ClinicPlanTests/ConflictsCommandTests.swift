import Foundation
import Testing

/// `clinic-plan conflicts` on the sample clinic, whose deliberate conflicts are listed in
/// instances/sample-source/make_sample.py and were checked by hand against its files.
@Suite struct ConflictsCommandTests {
    @Test func sampleWeekHasExactlyTheDeliberateConflicts() throws {
        let run = try Tool.run(["conflicts", "--data", Tool.sample, "--from", "2026-11-29", "--format", "json"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let conflicts = try #require(json["conflicts"] as? [[String: Any]])
        let lines = conflicts.map { c in
            let subject = ["doctor_id", "rep_id", "patient_id"].first { c[$0] != nil }!
            return "\(c["kind"]!) \(subject)=\(c[subject]!) \(c["date"] ?? "-") \((c["ids"] as! [String]).joined(separator: ","))"
        }
        #expect(lines == [
            "invalid_schedule doctor_id=65f000010000000000000005 - 65f00004000000000000000d",
            "outside_hours doctor_id=65f000010000000000000003 2026-11-29 65f00006000000000000001d",
            "double_booking doctor_id=65f000010000000000000001 2026-11-29 65f000060000000000000001,65f00006000000000000001b",
            "patient_double_booked patient_id=65f000020000000000000006 2026-11-29 65f000060000000000000006,65f00006000000000000001f",
            "over_capacity doctor_id=65f000010000000000000006 2026-11-30 65f000060000000000000010,65f000060000000000000011,65f000060000000000000012,65f00006000000000000001e",
            "rep_double_booked rep_id=65f000030000000000000009 2026-12-02 65f00007000000000000004f,65f000070000000000000050",
            "closed_day doctor_id=65f000010000000000000001 2026-12-03 65f00006000000000000001c",
            "no_schedule doctor_id=65f000010000000000000008 2026-12-04 65f000070000000000000056",
        ])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == [
            "closed_day": 1, "no_schedule": 1, "outside_hours": 1, "double_booking": 1, "rep_double_booked": 1,
            "patient_double_booked": 1, "over_capacity": 1, "invalid_schedule": 1,
        ])
    }

    @Test func aCleanDoctorAndWeekExitsZero() throws {
        let run = try Tool.run(["conflicts", "--data", Tool.sample, "--from", "2026-11-29",
                                "--doctor", "65f000010000000000000004"])
        #expect(run.status == 0)
        #expect(run.stdout == "Conflicts 2026-11-29…2026-12-05 (7 days, UTC): 0 found\n")
    }

    @Test func aDoctorFilterKeepsClustersThatInvolveTheDoctor() throws {
        // Dr. Mona Adel's visit is half of Tamer Hosny's double booking on 2026-12-02.
        let run = try Tool.run(["conflicts", "--data", Tool.sample, "--from", "2026-12-02", "--days", "1",
                                "--doctor", "65f000010000000000000002", "--format", "csv"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            kind,subject,subject_id,subject_name,date,ids,detail\r
            rep_double_booked,rep,65f000030000000000000009,Tamer Hosny,2026-12-02,65f00007000000000000004f;65f000070000000000000050,2 overlapping rep visits between 14:00 and 14:30\r

            """)
    }

    @Test func badUsageExitsTwo() throws {
        let badDate = try Tool.run(["conflicts", "--data", Tool.sample, "--from", "2026-02-30"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--from"))
        let noDays = try Tool.run(["conflicts", "--data", Tool.sample, "--days", "0"])
        #expect(noDays.status == 2)
        #expect(noDays.stderr.contains("--days must be 1 to 3660"))
        let unknownDoctor = try Tool.run(["conflicts", "--data", Tool.sample, "--doctor", "nobody"])
        #expect(unknownDoctor.status == 2)
        #expect(unknownDoctor.stderr == "error: no doctor matches --doctor \"nobody\" in \(Tool.sample)/doctors.json "
                + "(by _id, email or name); `clinic-plan people doctors --data \(Tool.sample)` lists them\n")
        let badZone = try Tool.run(["conflicts", "--data", Tool.sample, "--timezone", "Mars/Olympus"])
        #expect(badZone.status == 2)
        #expect(badZone.stderr.hasPrefix("error: The value 'Mars/Olympus' is invalid for '--timezone <timezone>'\n"))
    }
}
