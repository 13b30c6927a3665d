import Foundation
import Testing

/// Issue 13, point 3: `clinic-plan.json` in the data folder (time zone, rebooking grid, option
/// defaults) is read by every command, written by `generate`, and in the sample, stating its zone.
@Suite struct ClinicSettingsTests {
    static let summaryUTC = "summary: closed_day 1, no_schedule 1, outside_hours 1, double_booking 1, rep_double_booked 1, "
        + "patient_double_booked 1, over_capacity 1, invalid_schedule 1\n"

    func lastLine(_ text: String) -> String {
        String(text.split(separator: "\n").last ?? "") + "\n"
    }

    @Test func theSampleStatesItsZoneAndIsReadInIt() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        #expect(clinic.read("clinic-plan.json")?.contains(#""timezone": "UTC""#) == true)
        let utc = try Tool.run(["conflicts", "--data", clinic.path, "--from", "2026-11-29"])
        #expect(utc.status == 1 && lastLine(utc.stdout) == Self.summaryUTC && utc.stderr.isEmpty)

        // The same files read as a Cairo clinic: the stored UTC instants move two hours, and ten
        // more bookings fall outside the hours. The zone comes from the file, no option needed.
        try clinic.write("clinic-plan.json", #"{"timezone": "Africa/Cairo"}"#)
        let cairo = try Tool.run(["conflicts", "--data", clinic.path, "--from", "2026-11-29"])
        #expect(cairo.stdout.hasPrefix("Conflicts 2026-11-29…2026-12-05 (7 days, Africa/Cairo): 18 found\n"))
        // --timezone still wins, and says that it overrides the clinic's own zone.
        let overridden = try Tool.run(["conflicts", "--data", clinic.path, "--from", "2026-11-29", "--timezone", "UTC"])
        #expect(lastLine(overridden.stdout) == Self.summaryUTC)
        #expect(overridden.stderr == "note: --timezone UTC overrides the clinic's zone Africa/Cairo (\(clinic.path)/clinic-plan.json)\n")
    }

    @Test func defaultsComeFromTheFileAndOptionsWin() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        try clinic.write("clinic-plan.json", #"{"timezone": "UTC", "defaults": {"days": 1, "suggest": 1, "within": 4}}"#)
        let oneDay = try Tool.run(["conflicts", "--data", clinic.path, "--from", "2026-11-29"])
        #expect(oneDay.stdout.hasPrefix("Conflicts 2026-11-29…2026-11-29 (1 days, UTC): 4 found\n"))
        let twoDays = try Tool.run(["conflicts", "--data", clinic.path, "--from", "2026-11-29", "--days", "2"])
        #expect(twoDays.stdout.hasPrefix("Conflicts 2026-11-29…2026-11-30 (2 days, UTC): "))
        // One suggestion, searched over 4 days (Heba Mostafa's next working day, Thursday, is day 4).
        let book = try Tool.run(["book", "--data", clinic.path, "--doctor", "Heba", "--patient", "Nada", "--date", "2026-11-30",
                                 "--time", "09:40", "--as", "admin@clinicplan.example", "--not-before", "2026-11-29"],
                                environment: Tool.environment())
        #expect(book.status == 1)
        #expect(book.stdout.hasSuffix("nearest free slots:\n  Thu 2026-12-03 09:40–10:00\n"), "\(book.stdout)")
        try clinic.write("clinic-plan.json", #"{"defaults": {"within": 3}}"#)
        let tooShort = try Tool.run(["book", "--data", clinic.path, "--doctor", "Heba", "--patient", "Nada", "--date", "2026-11-30",
                                     "--time", "09:40", "--as", "admin@clinicplan.example", "--not-before", "2026-11-29"],
                                    environment: Tool.environment())
        #expect(tooShort.stdout.hasSuffix("\nno free slot in the 3 days from 2026-11-30\n"), "\(tooShort.stdout)")
    }

    @Test(arguments: [
        (#"{"timezone": "Mars/Base"}"#,
         #"clinic-plan.json: timezone must be an IANA time zone name such as "Africa/Cairo" or "UTC" (found "Mars/Base")"#),
        (#"{"timezone": "UTC", "defaults": {"dayz": 2}}"#,
         "clinic-plan.json: defaults.dayz is not a setting (known: days, suggest, within, threshold, lock_timeout)"),
        (#"{"defaults": {"threshold": 50}}"#, "clinic-plan.json: defaults.threshold must be a number from 0 to 1 (found 50)"),
        (#"{"rebook_grid_minutes": 0}"#, "clinic-plan.json: rebook_grid_minutes must be a whole number from 1 to 1440 (found 0)"),
        (#"{"defaults": {"days": 7}"#, "clinic-plan.json: line 1, column 25: unexpected end of input"),
        (#"["UTC"]"#, "clinic-plan.json: must be one JSON object"),
    ])
    func aBadSettingsFileIsOneErrorNamingTheField(_ text: String, _ problem: String) throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        try clinic.write("clinic-plan.json", text)
        let plan = try Tool.run(["plan", "--data", clinic.path, "--week", "2026-11-29"])
        #expect(plan.status == 2 && plan.stdout.isEmpty)
        #expect(plan.stderr == "error: \(clinic.path)/\(problem)\n")
        let validate = try Tool.run(["validate", "--data", clinic.path])
        #expect(validate.status == 2)
        #expect(validate.stdout.hasPrefix("errors:\n  \(problem)\n\(clinic.path): 1 error(s), 0 warning(s);"), "\(validate.stdout)")
    }

    @Test func generateWritesTheSettingsOfItsZone() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("cairo").path
        let made = try Tool.run(["generate", "--doctors", "2", "--reps", "1", "--patients", "3", "--rescheduled", "0",
                                 "--seed", "5", "--from", "2026-12-06", "--weeks", "1", "--timezone", "Africa/Cairo", "-o", out])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try String(contentsOfFile: out + "/clinic-plan.json", encoding: .utf8) == """
            {
              "timezone": "Africa/Cairo",
              "rebook_grid_minutes": 5,
              "defaults": {
                "days": 7,
                "suggest": 3,
                "within": 14,
                "threshold": 0.5,
                "lock_timeout": 30
              }
            }

            """)
        let plan = try Tool.run(["plan", "--data", out, "--week", "2026-12-06"])
        #expect(plan.status == 0 && plan.stdout.hasPrefix("Week 2026-12-06…2026-12-12 (Africa/Cairo) · 2 doctor(s)\n"), "\(plan.stderr)")
        let conflicts = try Tool.run(["conflicts", "--data", out, "--from", "2026-12-06", "--timezone", "Africa/Cairo"])
        #expect(conflicts.stderr.isEmpty)   // the same zone as the file's: nothing to note
    }
}

extension ClinicSettingsTests {
    @Test func rebookOutputKeepsTheClinicsSettings() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        try clinic.write("clinic-plan.json", #"{"timezone": "Africa/Cairo"}"#)
        let copy = try Tool.temporaryFolder().appendingPathComponent("rebooked").path
        defer { try? FileManager.default.removeItem(atPath: copy) }
        _ = try Tool.run(["rebook", "--data", clinic.path, "--from", "2026-11-29", "--days", "14", "--not-before", "2026-11-29",
                          "--solver", "greedy", "--output", copy])
        #expect(try String(contentsOfFile: copy + "/clinic-plan.json", encoding: .utf8).contains(#""timezone": "Africa/Cairo""#))
    }
}
