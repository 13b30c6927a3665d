import Foundation
import Testing

/// The crashes the fuzzing found, each now one exact error line and exit status 2, with no
/// trap anywhere: far ISODates, lengths past Int32, unbounded --days and --within, and what the
/// loader used to read leniently (one-digit hours, invalid UTF-8, repeated keys).
@Suite struct InputDomainTests {
    static let admin = "admin@clinicplan.example"
    static let readers: [[String]] = [
        ["conflicts", "--from", "2026-11-29", "--days", "14"], ["plan", "--week", "2026-11-29"],
        ["report", "--all", "--from", "2026-11-29", "--days", "14"],
        ["rebook", "--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14", "--solver", "greedy"],
    ]

    /// The sample with `old` replaced by `new` (once) in `file`; `line` is the error every
    /// command must print, on a folder every command must refuse with 2.
    func expectRefused(_ file: String, _ old: String, _ new: String, line: String) throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let text = try #require(clinic.read(file))
        let range = try #require(text.range(of: old), "\(old) is not in \(file)")
        try clinic.write(file, text.replacingCharacters(in: range, with: new))
        let validate = try Tool.run(["validate", "--data", clinic.path], environment: Tool.environment())
        #expect(validate.status == 2)
        #expect(validate.stdout.hasPrefix("errors:\n  \(line)\n"), "\(validate.stdout)")
        for reader in Self.readers {
            let run = try Tool.run(reader + ["--data", clinic.path], environment: Tool.environment())
            #expect(run.status == 2 && Self.refusal(run.stderr, clinic.path) == line, "\(reader[0]): \(run.status) \(run.stderr)")
        }
        // A writer signs in, then refuses the folder, with its audit line.
        let book = try Tool.run(["book", "--data", clinic.path, "--doctor", "65f000010000000000000001",
                                 "--patient", "65f000020000000000000003", "--date", "2026-12-08", "--time", "09:40",
                                 "--as", Self.admin], environment: Tool.environment())
        #expect(book.status == 2 && Self.refusal(book.stderr, clinic.path) == line, "book: \(book.status) \(book.stderr)")
        #expect(clinic.auditLines().count == 1 && clinic.auditLines()[0].contains(#""outcome":"failed""#))
    }

    /// The one problem line of a refused folder's error (`error: 1 error(s) in DIR; …`, then the problem).
    static func refusal(_ stderr: String, _ folder: String) -> String? {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == 3, lines[2].isEmpty,
              lines[0] == "error: 1 error(s) in \(folder); nothing was done (see `clinic-plan validate --data \(folder)`)"
        else { return nil }
        return lines[1]
    }

    static let clinicDay1 = "clinic_days.json: document 1 (_id 65f000050000000000000001)"
    static let farFuture = #"{"$date":{"$numberLong":"9223372036854775807"}}"#

    @Test func aClinicDayDatedInTheYear292277026596IsRefused() throws {
        try expectRefused("clinic_days.json", #"{"$date":"2026-12-03T00:00:00Z"}"#, Self.farFuture, line:
            "\(Self.clinicDay1): date \(Self.farFuture) is outside the dates clinic-plan accepts (1900-01-01 to 2200-12-31)")
    }

    @Test func anAppointmentDateNearInt64MinIsRefused() throws {
        let date = #"{"$date":{"$numberLong":"-9223372036854775000"}}"#
        try expectRefused("appointments.json", #"{"$date":"2026-12-01T00:00:00Z"}"#, date, line:
            "appointments.json: document 9 (_id 65f000060000000000000009): date \(date) is outside the dates "
            + "clinic-plan accepts (1900-01-01 to 2200-12-31)")
    }

    @Test func aFarSkipDateIsRefused() throws {
        try expectRefused("appointments.json", #""skip_dates":[{"$date":"#, #""skip_dates":[\#(Self.farFuture),{"$date":"#, line:
            "appointments.json: document 5 (_id 65f000060000000000000005): skip_dates[0] \(Self.farFuture) is outside "
            + "the dates clinic-plan accepts (1900-01-01 to 2200-12-31)")
    }

    @Test(arguments: ["2147483647", "2147483648"])
    func anAppointmentLengthPastADayIsRefused(_ minutes: String) throws {
        try expectRefused("schedules.json", #""appointment_minutes":20"#, #""appointment_minutes":\#(minutes)"#, line:
            "schedules.json: document 1 (_id 65f000040000000000000001): appointment_minutes must be at most 1440 minutes "
            + "(found \(minutes))")
    }

    @Test func aVisitLengthPastADayIsRefused() throws {
        try expectRefused("rep_visits.json", #""duration_min":25"#, #""duration_min":2147483647"#, line:
            "rep_visits.json: document 1 (_id 65f000070000000000000001): visit_summary.duration_min must be at most "
            + "1440 minutes (found 2147483647)")
    }

    @Test func aOneDigitHourIsNotHHMM() throws {
        try expectRefused("schedules.json", #""patient_start_time":"09:00""#, #""patient_start_time":"9:00""#, line:
            #"schedules.json: document 1 (_id 65f000040000000000000001): patient_start_time "9:00" is not a valid HH:MM time"#)
    }

    @Test func aRepeatedKeyIsRefusedWithItsPlace() throws {
        try expectRefused("doctors.json", #""specialization":"#, #""specialization":"X","specialization":"#, line:
            #"doctors.json: line 1, column 78: duplicate key "specialization" in an object"#)
    }

    @Test func invalidUTF8IsRefusedWithItsPlace() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        var bytes = Array(try #require(clinic.read("patients.json")).utf8)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "\"")))
        bytes.insert(contentsOf: [0xC3, 0x28], at: at + 1)
        try clinic.write("patients.json", bytes: bytes)
        let run = try Tool.run(["validate", "--data", clinic.path], environment: Tool.environment())
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("errors:\n  patients.json: line 1, column 3: invalid UTF-8 in a string\n"), "\(run.stdout)")
    }

    @Test(arguments: [
        (["conflicts", "--days", "10000000000"], "--days must be 1 to 3660"),
        (["conflicts", "--days", "100000000"], "--days must be 1 to 3660"),
        (["report", "--all", "--days", "10000000000"], "--days must be 1 to 3660"),
        (["rebook", "--days", "3661"], "--days must be 1 to 3660"),
        (["book", "--doctor", "d", "--patient", "p", "--date", "2026-12-08", "--time", "09:40", "--as", admin,
          "--within", "10000000000"], "--within must be 1 to 3660"),
        (["book", "--doctor", "d", "--patient", "p", "--date", "2026-12-08", "--time", "9:40", "--as", admin],
         #"--time "9:40" is not a valid HH:MM time"#),
        // A date the data could not hold afterwards (the folder would stop loading).
        (["book", "--doctor", "d", "--patient", "p", "--date", "9999-12-31", "--time", "09:40", "--as", admin],
         "The value '9999-12-31' is invalid for '--date <date>'"),
        (["conflicts", "--from", "1899-12-31"], "The value '1899-12-31' is invalid for '--from <from>'"),
    ])
    func unboundedRangesAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let run = try Tool.run(arguments + ["--data", Tool.sample], environment: Tool.environment())
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: \(message)"), "\(run.stderr)")
    }

    @Test func theLongestAllowedRangeRuns() throws {
        let run = try Tool.run(["conflicts", "--data", Tool.sample, "--from", "2026-11-29", "--days", "3660",
                                "--format", "json"], environment: Tool.environment())
        #expect(run.status == 1, "\(run.stderr)")
    }
}
