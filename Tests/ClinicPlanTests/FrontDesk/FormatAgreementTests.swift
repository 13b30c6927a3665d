import Foundation
import Testing

/// Issue 13, point 5: ids are arrays in every JSON, `report --all --format csv` names each table
/// on standard output, ties are shown whole, and fractions stay fractions.
@Suite struct FormatAgreementTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try Tool.run(arguments + ["--data", Tool.sample, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func conflictIdsAreArraysInTheReportAsInConflicts() throws {
        let report = try json(["report", "scheduling-conflicts", "--from", "2026-11-29"])
        let rows = try #require(report["rows"] as? [[String: Any]])
        let conflicts = try #require(try json(["conflicts", "--from", "2026-11-29"])["conflicts"] as? [[String: Any]])
        #expect(rows.count == 8 && conflicts.count == 8)
        #expect(rows.map { $0["ids"] as? [String] } == conflicts.map { $0["ids"] as? [String] })
        let double = try #require(rows.first { $0["kind"] as? String == "double_booking" })
        #expect(double["ids"] as? [String] == ["65f000060000000000000001", "65f00006000000000000001b"])
        // CSV separates them as `conflicts --format csv` does, the table with spaces.
        let csv = try Tool.run(["report", "scheduling-conflicts", "--data", Tool.sample, "--from", "2026-11-29", "--format", "csv"])
        #expect(csv.stdout.contains("\r\n2026-11-29,double_booking,doctor,65f000010000000000000001,Dr. Ahmed Hassan,"
                                    + "65f000060000000000000001;65f00006000000000000001b,2 overlapping items between 09:00 and 09:30\r\n"))
    }

    @Test func everyReportOnStandardOutputIsNamed() throws {
        let run = try Tool.run(["report", "--all", "--data", Tool.sample, "--from", "2026-11-29", "--format", "csv"])
        #expect(run.status == 0)
        let names = run.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("# report: ") }
        #expect(names == [
            "01-doctors-by-specialization", "02-doctor-patients", "03-low-utilization", "04-patients-per-day", "05-peak-day",
            "06-peak-hour", "07-rep-visits-per-day", "08-most-active-rep", "09-patients-vs-rep-visits", "10-weekly-schedule",
            "11-closed-days", "12-occupancy-rate", "13-idle-days", "14-scheduling-conflicts",
        ].map { "# report: " + $0 })
        #expect(run.stdout.hasPrefix("# report: 01-doctors-by-specialization\r\nspecialization,doctors,doctor_names\r\n"))
        #expect(run.stdout.contains("\r\n\r\n# report: 05-peak-day\r\ndate,weekday,appointments,distinct_patients\r\n2026-11-30,Monday,7,7\r\n"))
        // One report alone is a plain CSV file.
        let one = try Tool.run(["report", "peak-day", "--data", Tool.sample, "--from", "2026-11-29", "--format", "csv"])
        #expect(one.stdout == "date,weekday,appointments,distinct_patients\r\n2026-11-30,Monday,7,7\r\n")
    }

    @Test func aFiveWayTieForMostActiveRepListsAllFiveAndTheRule() throws {
        let run = try Tool.run(["report", "most-active-rep", "--data", Tool.sample, "--from", "2026-11-29"])
        #expect(run.stdout == """
            8. Most active medical rep (most-active-rep) · 2026-11-29…2026-12-05 (7 days, UTC)
              (5 reps tie for first; all are listed, more completed visits first, then in medical_reps.json order)
              REP ID                    REP              COMPANY NAME          VISITS  COMPLETED  SCHEDULED  DOCTORS VISITED
              ------------------------  ---------------  --------------------  ------  ---------  ---------  ---------------
              65f000030000000000000003  Medhat Awad      Amoun Pharmaceutical  2       0          2          1
              65f000030000000000000004  Nermeen Said     Eipico                2       0          2          1
              65f000030000000000000006  Marwa Abdelaziz  Pfizer Egypt          2       0          2          1
              65f000030000000000000008  Inas Fawzy       GSK Egypt             2       0          2          2
              65f000030000000000000009  Tamer Hosny      Minapharm             2       0          2          2

            """)
        let report = try json(["report", "most-active-rep", "--from", "2026-11-29"])
        #expect(report["note"] as? String == "5 reps tie for first; all are listed, more completed visits first, then in medical_reps.json order")
        #expect((report["rows"] as? [Any])?.count == 5)
        // No tie, no note.
        let single = try json(["report", "most-active-rep", "--from", "2026-11-22"])
        #expect(single["note"] == nil && (single["rows"] as? [[String: Any]])?.map { $0["rep"] as? String } == ["Sameh Galal"])
    }

    @Test func peakDayAndPeakHourTiesAreListedWhole() throws {
        let day = try Tool.run(["report", "peak-day", "--data", Tool.sample, "--from", "2026-12-06"])
        #expect(day.stdout == """
            5. Peak day (peak-day) · 2026-12-06…2026-12-12 (7 days, UTC)
              (3 dates tie for first; all are listed, earliest first)
              DATE        WEEKDAY    APPOINTMENTS  DISTINCT PATIENTS
              ----------  ---------  ------------  -----------------
              2026-12-06  Sunday     3             3
              2026-12-07  Monday     3             3
              2026-12-09  Wednesday  3             3

            """)
        let hour = try json(["report", "peak-hour", "--from", "2026-12-06"])
        #expect((hour["rows"] as? [[String: Any]])?.map { $0["hour"] as? String } == ["09:00–10:00", "10:00–11:00", "16:00–17:00", "18:00–19:00"])
        #expect(hour["note"] as? String == "4 hours tie for first; all are listed, earliest first")
    }

    @Test func aFractionAboveOneIsRefused() throws {
        let run = try Tool.run(["report", "low-utilization", "--data", Tool.sample, "--threshold", "50"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: --threshold is a fraction of capacity: it must be 0 to 1 (0.5 is half), not 50.0\n"))
        let negative = try Tool.run(["report", "low-utilization", "--data", Tool.sample, "--threshold", "-0.1"])
        #expect(negative.status == 2 && negative.stderr.hasPrefix("error: --threshold is a fraction of capacity"))
        #expect(try Tool.run(["report", "low-utilization", "--data", Tool.sample, "--threshold", "1"]).status == 0)
    }
}
