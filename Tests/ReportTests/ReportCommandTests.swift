import Foundation
import Testing

/// `clinic-plan report` and the new `plan` formats, end to end through the built binary.
@Suite struct ReportCommandTests {
    let sample = SampleClinic.folder.path

    @Test func oneReportAsCSV() throws {
        let run = try Tool.run(["report", "peak-day", "--data", sample, "--from", "2026-11-29", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout == "date,weekday,appointments,distinct_patients\r\n2026-11-30,Monday,7,7\r\n")
    }

    @Test func oneDoctorsReport() throws {
        let run = try Tool.run(["report", "weekly-schedule", "--data", sample, "--doctor", "65F000010000000000000006",
                                "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            doctor_id,doctor,day,patient_start,patient_end,rep_start,rep_end,max_patients,max_reps,appointment_minutes,in_use\r
            65f000010000000000000006,Dr. Heba Mostafa,Monday,09:00,12:00,12:00,13:00,3,3,20,yes\r
            65f000010000000000000006,Dr. Heba Mostafa,Thursday,09:00,12:00,12:00,13:00,3,3,20,yes\r

            """)
    }

    @Test func allReportsIntoAFolderOfCSVFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Tool.run(["report", "--all", "--data", sample, "--from", "2026-11-29", "--format", "csv",
                                "-o", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 14)
        #expect(files.first == "01-doctors-by-specialization.csv")
        let idle = try String(contentsOf: folder.appendingPathComponent("13-idle-days.csv"), encoding: .utf8)
        #expect(idle.hasPrefix("doctor_id,doctor,date,weekday,max_patients\r\n"))
        #expect(idle.components(separatedBy: "\r\n").count == 1 + 5 + 1)
    }

    @Test func allReportsAsJSONAndTable() throws {
        let json = try Tool.run(["report", "--all", "--data", sample, "--from", "2026-11-29", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix(#"{"range":{"from":"2026-11-29","to":"2026-12-05","days":7},"timezone":"UTC","reports":{"doctors-by-specialization":"#))
        let table = try Tool.run(["report", "--all", "--data", sample, "--from", "2026-11-29"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("1. Doctors per specialization (doctors-by-specialization)\n"))
        #expect(table.stdout.contains("\n14. Scheduling conflicts (scheduling-conflicts) · 2026-11-29…2026-12-05"))
    }

    @Test func usageErrorsExitWith2() throws {
        #expect(try Tool.run(["report", "--data", sample]).status == 2)
        #expect(try Tool.run(["report", "peak-day", "--all", "--data", sample]).status == 2)
        #expect(try Tool.run(["report", "busiest-doctor", "--data", sample]).status == 2)
        #expect(try Tool.run(["report", "peak-day", "--days", "0", "--data", sample]).status == 2)
        let unknown = try Tool.run(["report", "closed-days", "--doctor", "nobody", "--data", sample])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no doctor matches --doctor \"nobody\""))
        // ics and html belong to plan; conflicts keeps table, json and csv.
        #expect(try Tool.run(["conflicts", "--format", "ics", "--data", sample]).status == 2)
    }

    @Test func planWritesICSAndHTML() throws {
        let ics = try Tool.run(["plan", "--data", sample, "--week", "2026-11-29", "--format", "ics",
                                "--doctor", "65f000010000000000000001"])
        #expect(ics.status == 0)
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 7)
        let html = try Tool.run(["plan", "--data", sample, "--week", "2026-11-29", "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("id=\"report-scheduling-conflicts\""))
    }
}
