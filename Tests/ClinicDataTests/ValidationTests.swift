import Foundation
import Testing
@testable import ClinicData
import SlotSolver

/// Each test breaks the valid fixture in one way and pins the exact lines the loader reports.
@Suite("Validation messages")
struct ValidationTests {
    static let doctor = "65f000010000000000000001"
    static let patient = "65f000020000000000000001"
    static let appointment1 = "65f000060000000000000001"

    /// The relaxed JSON Lines fixture with some files replaced (nil removes the file).
    func load(_ replacements: [String: String?], timeZone: ClinicTimeZone = .utc) throws -> LoadedFolder {
        var files = Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        for (name, text) in replacements { files[name] = text }
        let folder = try TemporaryFolder(files)
        return try DataFolder.load(from: folder.url, timeZone: timeZone)
    }

    /// The fixture's lines of `file` with line `index` replaced by `text`.
    func replacing(_ file: String, _ index: Int, with text: String) -> String {
        var documents = Fixtures.relaxed[file]!
        documents[index] = text
        return Fixtures.lines(documents)
    }

    func lines(_ loaded: LoadedFolder) -> [String] { loaded.problems.map(\.description) }

    // MARK: - Unreadable JSON

    @Test("a truncated file reports the line and column of the end")
    func truncated() throws {
        let loaded = try load(["users.json": "[{\"_id\":1,\n\"name\":\"Dr. Ahmed"])
        #expect(lines(loaded) == ["users.json: line 2, column 18: unexpected end of input"])
        #expect(loaded.errors.count == 1)
    }

    @Test("a trailing comma in an array points at the closing bracket")
    func trailingComma() throws {
        let text = "[" + Fixtures.relaxed["clinic_days.json"]![0] + ",\n]\n"
        let loaded = try load(["clinic_days.json": text])
        #expect(lines(loaded) == ["clinic_days.json: line 2, column 1: unexpected character ']'"])
    }

    @Test("JSON Lines: every broken line is reported and the others still load")
    func brokenLines() throws {
        let documents = Fixtures.relaxed["appointments.json"]!
        let text = documents[0] + "\n" + "{\"_id\": 7, \"day\": Sunday}\n" + documents[1] + "\n{\"_id\":\n" + documents[2] + "\n"
        let loaded = try load(["appointments.json": text])
        #expect(lines(loaded) == [
            "appointments.json: line 2, column 19: unexpected character 'S'",
            "appointments.json: line 4, column 8: unexpected end of line (each document must be on one line)",
        ])
        #expect(loaded.dataset.appointments.map(\.id.description) == [
            "65f000060000000000000001", "65f000060000000000000002", "65f000060000000000000003",
        ])
    }

    @Test("odd bytes never crash: a byte order mark, invalid UTF-8, NUL, an empty file")
    func oddBytes() throws {
        var files = Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        files["users.json"] = "\u{FEFF}" + files["users.json"]!
        let folder = try TemporaryFolder(files)
        try Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x00, 0x7D, 0x0A]).write(to: folder.url.appendingPathComponent("clinic_days.json"))
        try Data().write(to: folder.url.appendingPathComponent("rep_visits.json"))
        let loaded = try DataFolder.load(from: folder.url)
        // The key is not UTF-8: that is reported (at its opening quote) before the NUL after it.
        #expect(lines(loaded) == ["clinic_days.json: line 1, column 2: invalid UTF-8 in a string"])
        #expect(loaded.dataset.users.count == 4)
        #expect(loaded.file(.repVisits)?.documentCount == 0)
    }

    @Test("a document that is not an object")
    func notAnObject() throws {
        let loaded = try load(["clinic_days.json": "[1, \"x\"]"])
        #expect(lines(loaded) == [
            "clinic_days.json: document 1: the document is not an object (found 1)",
            "clinic_days.json: document 2: the document is not an object (found \"x\")",
        ])
    }

    // MARK: - Fields

    @Test("missing required fields are each reported")
    func missingFields() throws {
        let loaded = try load(["medical_reps.json": #"{"_id":{"$oid":"65f000030000000000000001"},"user_id":41,"company_name":"EVA Pharma"}"# + "\n"])
        let id = "medical_reps.json: document 1 (_id 65f000030000000000000001):"
        #expect(lines(loaded) == [
            "\(id) company_phone is missing", "\(id) drug_specialty is missing", "\(id) phone is missing",
        ])
    }

    @Test("a missing _id leaves the document unnamed")
    func missingID() throws {
        let loaded = try load(["clinic_days.json": #"{"doctor_id":{"$oid":"65f000010000000000000001"},"date":{"$date":"2026-12-03T00:00:00Z"},"is_open":false}"# + "\n"])
        #expect(lines(loaded) == ["clinic_days.json: document 1: _id is missing"])
    }

    @Test("wrong types name what was found")
    func wrongTypes() throws {
        let loaded = try load([
            "patients.json": #"{"_id":{"$oid":"65f000020000000000000001"},"user_id":11,"age":"30","gender":"female","phone":100,"blood_type":"A+"}"# + "\n",
            "clinic_days.json": #"{"_id":{"$oid":"65f000050000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"date":"soon","is_open":"no","reason":"x"}"# + "\n",
        ])
        #expect(lines(loaded) == [
            "patients.json: document 1 (_id 65f000020000000000000001): age must be an integer (found \"30\")",
            "patients.json: document 1 (_id 65f000020000000000000001): phone must be a string (found 100)",
            "clinic_days.json: document 1 (_id 65f000050000000000000001): date \"soon\" is not a valid ISO date (expected e.g. 2026-12-06T13:15:00Z)",
            "clinic_days.json: document 1 (_id 65f000050000000000000001): is_open must be true or false (found \"no\")",
        ])
    }

    @Test("a fractional number where an integer belongs; an integral 12.0 is fine")
    func fractionalInteger() throws {
        let text = Fixtures.relaxed["schedules.json"]![0]
            .replacingOccurrences(of: #""max_patients":12"#, with: #""max_patients":12.5"#)
            .replacingOccurrences(of: #""max_reps":3"#, with: #""max_reps":3.0"#)
        let loaded = try load(["schedules.json": text])
        #expect(lines(loaded) == [
            "schedules.json: document 1 (_id 65f000040000000000000001): max_patients must be an integer (found 12.5)",
        ])
    }

    @Test("bad ISO dates, in relaxed and canonical form, and a bad ObjectId")
    func badDates() throws {
        let visits = Fixtures.relaxed["rep_visits.json"]!
        let text = [
            visits[0].replacingOccurrences(of: "2026-12-06T13:15:00Z", with: "2026-02-30T13:15:00Z"),
            visits[1].replacingOccurrences(of: #"{"$date":"2026-12-07T15:30:00.250+02:00"}"#, with: #"{"$date":{"$numberLong":"soon"}}"#)
                .replacingOccurrences(of: #""rep_id":{"$oid":"65f000030000000000000001"}"#, with: #""rep_id":{"$oid":"65f00003"}"#),
        ]
        let loaded = try load(["rep_visits.json": Fixtures.lines(text)])
        #expect(lines(loaded) == [
            "rep_visits.json: document 1 (_id 65f000070000000000000001): date \"2026-02-30T13:15:00Z\" is not a valid ISO date (expected e.g. 2026-12-06T13:15:00Z)",
            "rep_visits.json: document 2 (_id 65f000070000000000000002): rep_id {\"$oid\":\"65f00003\"} is not a valid ObjectId (expected 24 hex digits)",
            "rep_visits.json: document 2 (_id 65f000070000000000000002): date {\"$date\":{\"$numberLong\":\"soon\"}} is not a valid ISODate",
        ])
    }

    @Test("bad HH:MM times")
    func badTimes() throws {
        let loaded = try load(["appointments.json": replacing("appointments.json", 0, with: Fixtures.relaxed["appointments.json"]![0]
            .replacingOccurrences(of: #""time":"09:00""#, with: #""time":"25:61""#))])
        #expect(lines(loaded) == [
            "appointments.json: document 1 (_id \(Self.appointment1)): time \"25:61\" is not a valid HH:MM time",
        ])
    }

    @Test("24:00 may end a window but not start one, nor be an appointment time")
    func midnight() throws {
        let schedule = Fixtures.relaxed["schedules.json"]![0]
            .replacingOccurrences(of: #""patient_start_time":"09:00""#, with: #""patient_start_time":"24:00""#)
            .replacingOccurrences(of: #""patient_end_time":"13:00""#, with: #""patient_end_time":"24:00""#)
        let appointment = Fixtures.relaxed["appointments.json"]![0].replacingOccurrences(of: #""time":"09:00""#, with: #""time":"24:00""#)
        let loaded = try load(["schedules.json": schedule, "appointments.json": replacing("appointments.json", 0, with: appointment)])
        #expect(lines(loaded) == [
            "appointments.json: document 1 (_id \(Self.appointment1)): time \"24:00\" is not a valid start time (24:00 may only end a window)",
            "schedules.json: document 1 (_id 65f000040000000000000001): patient_start_time \"24:00\" is not a valid start time (24:00 may only end a window)",
        ])
    }

    @Test("unknown status, day and role")
    func unknownNames() throws {
        let appointment = Fixtures.relaxed["appointments.json"]![0]
            .replacingOccurrences(of: #""status":"booked""#, with: #""status":"done""#)
            .replacingOccurrences(of: #""day":"Sunday""#, with: #""day":"Funday""#)
        let visit = Fixtures.relaxed["rep_visits.json"]![1].replacingOccurrences(of: "rescheduled", with: "postponed")
        let user = Fixtures.relaxed["users.json"]![3].replacingOccurrences(of: #""role":"admin""#, with: #""role":"nurse""#)
        let loaded = try load([
            "appointments.json": replacing("appointments.json", 0, with: appointment),
            "rep_visits.json": replacing("rep_visits.json", 1, with: visit),
            "users.json": replacing("users.json", 3, with: user),
        ])
        #expect(lines(loaded) == [
            "users.json: document 4 (_id 99): role \"nurse\" is not one of doctor, patient, medical rep, admin",
            "appointments.json: document 1 (_id \(Self.appointment1)): day \"Funday\" is not a day of the week (Sunday to Saturday)",
            "appointments.json: document 1 (_id \(Self.appointment1)): status \"done\" is not one of booked, cancelled",
            "rep_visits.json: document 2 (_id 65f000070000000000000002): status \"postponed\" is not one of completed, cancelled, no-show, rescheduled, scheduled",
        ])
    }

    // MARK: - Between documents

    @Test("dangling references and a user of the wrong role")
    func references() throws {
        let appointment = Fixtures.relaxed["appointments.json"]![2]
            .replacingOccurrences(of: #""patient_id":{"$oid":"65f000020000000000000001"}"#, with: #""patient_id":{"$oid":"65f0000200000000000000ff"}"#)
        let doctor = Fixtures.relaxed["doctors.json"]![0].replacingOccurrences(of: #""user_id":1"#, with: #""user_id":11"#)
        let rep = Fixtures.relaxed["medical_reps.json"]![0].replacingOccurrences(of: #""user_id":41"#, with: #""user_id":"41""#)
        let loaded = try load([
            "appointments.json": replacing("appointments.json", 2, with: appointment),
            "doctors.json": doctor + "\n", "medical_reps.json": rep + "\n",
        ])
        #expect(lines(loaded) == [
            "doctors.json: document 1 (_id 65f000010000000000000001): user_id 11 refers to a user whose role is \"patient\", not \"doctor\"",
            "medical_reps.json: document 1 (_id 65f000030000000000000001): user_id \"41\" does not match any _id in users.json (there is the integer 41; the types must match)",
            "appointments.json: document 3 (_id 65f000060000000000000003): patient_id 65f0000200000000000000ff does not match any _id in patients.json",
        ])
    }

    @Test("duplicate _id within a collection, and an ObjectId's letter case does not matter")
    func duplicateIDs() throws {
        let documents = Fixtures.relaxed["appointments.json"]!
        let copy = documents[0].replacingOccurrences(of: #""time":"09:00""#, with: #""time":"11:00""#)
            .replacingOccurrences(of: Self.appointment1, with: Self.appointment1.uppercased())
        let loaded = try load(["appointments.json": Fixtures.lines(documents + [copy])])
        #expect(lines(loaded) == [
            "appointments.json: document 4 (_id \(Self.appointment1)): _id is already used by document 1",
        ])
    }

    @Test("duplicate emails are found ignoring letter case")
    func duplicateEmails() throws {
        let user = Fixtures.relaxed["users.json"]![3].replacingOccurrences(of: "admin@clinic.example", with: "Sara@Clinic.Example")
        let loaded = try load(["users.json": replacing("users.json", 3, with: user)])
        #expect(lines(loaded) == [
            "users.json: document 4 (_id 99): email \"Sara@Clinic.Example\" is already used by document 2 (_id 11) (emails are compared ignoring letter case)",
        ])
    }

    @Test("windows whose end is not after their start")
    func emptyWindows() throws {
        let schedule = Fixtures.relaxed["schedules.json"]![0]
            .replacingOccurrences(of: #""patient_end_time":"13:00""#, with: #""patient_end_time":"09:00""#)
            .replacingOccurrences(of: #""rep_end_time":"24:00""#, with: #""rep_end_time":"12:30""#)
        let loaded = try load(["schedules.json": schedule])
        let id = "schedules.json: document 1 (_id 65f000040000000000000001):"
        #expect(lines(loaded) == [
            "\(id) patient_end_time \"09:00\" is not after patient_start_time \"09:00\"",
            "\(id) rep_end_time \"12:30\" is not after rep_start_time \"13:00\"",
        ])
    }

    @Test("negative capacities and a non-positive appointment length")
    func capacities() throws {
        let schedule = Fixtures.relaxed["schedules.json"]![0]
            .replacingOccurrences(of: #""max_patients":12"#, with: #""max_patients":-1"#)
            .replacingOccurrences(of: #""max_reps":3"#, with: #""max_reps":0"#)
            .replacingOccurrences(of: #""appointment_minutes":20"#, with: #""appointment_minutes":0"#)
        let loaded = try load(["schedules.json": schedule])
        let id = "schedules.json: document 1 (_id 65f000040000000000000001):"
        #expect(lines(loaded) == [
            "\(id) max_patients must not be negative (found -1)",
            "\(id) appointment_minutes must be positive (found 0)",
        ])
    }

    // MARK: - Files

    @Test("a missing file, and the Schedules.json hint")
    func missingFiles() throws {
        let loaded = try load(["clinic_days.json": nil, "schedules.json": nil])
        #expect(lines(loaded) == [
            "schedules.json: required file is missing (Schedules.json is also accepted)",
            "clinic_days.json: required file is missing",
        ])
    }

    @Test("an empty folder is one error, not eight")
    func emptyFolder() throws {
        let folder = try TemporaryFolder()
        let loaded = try DataFolder.load(from: folder.url)
        #expect(lines(loaded) == [
            "\(folder.path): no data files found (expected users.json, doctors.json, patients.json, medical_reps.json, appointments.json, rep_visits.json, schedules.json, clinic_days.json)",
        ])
    }

    // MARK: - Warnings

    @Test("a plain-text password is a security warning that never shows the password")
    func plainPassword() throws {
        let user = Fixtures.relaxed["users.json"]![1].replacingOccurrences(of: Fixtures.hash, with: "hunter2secret")
        let loaded = try load(["users.json": replacing("users.json", 1, with: user)])
        #expect(loaded.errors.isEmpty)
        #expect(loaded.warnings.map(\.description) == [
            "users.json: document 2 (_id 11): password does not look like a hash; security risk: user 11 (sara@clinic.example) may have a plain-text password stored",
        ])
        #expect(!loaded.problems.contains { $0.description.contains("hunter2") })
        #expect(loaded.dataset.users.count == 4)
    }

    @Test("a password of the wrong type is reported without its value")
    func passwordType() throws {
        let user = Fixtures.relaxed["users.json"]![1].replacingOccurrences(of: "\"\(Fixtures.hash)\"", with: "12345678")
        let loaded = try load(["users.json": replacing("users.json", 1, with: user)])
        #expect(lines(loaded) == ["users.json: document 2 (_id 11): password must be a string (found a number)"])
    }

    @Test("a dated appointment's day is checked in the clinic's zone; skip_dates on it is ignored")
    func datedAppointmentWarnings() throws {
        // 2026-12-06T23:30:00Z is Sunday in UTC but already Monday in Cairo (UTC+2).
        let appointment = Fixtures.relaxed["appointments.json"]![1]
            .replacingOccurrences(of: "2026-12-06T09:20:00Z", with: "2026-12-06T23:30:00Z")
            .replacingOccurrences(of: "}}", with: #"},"skip_dates":[{"$date":"2026-12-13T00:00:00Z"}]}"#)
        let files = ["appointments.json": replacing("appointments.json", 1, with: appointment)]
        let utc = try load(files)
        #expect(lines(utc) == [
            "appointments.json: document 2 (_id 65f000060000000000000002): skip_dates is ignored: the appointment has a date, so it happens only once",
        ])
        let cairo = try load(files, timeZone: try #require(ClinicTimeZone(identifier: "Africa/Cairo")))
        #expect(lines(cairo) == [
            "appointments.json: document 2 (_id 65f000060000000000000002): day \"Sunday\" does not match date 2026-12-07, a Monday in Africa/Cairo",
            "appointments.json: document 2 (_id 65f000060000000000000002): skip_dates is ignored: the appointment has a date, so it happens only once",
        ])
        #expect(cairo.errors.isEmpty)
    }

    @Test("a skip date on another weekday skips nothing")
    func skipDateWeekday() throws {
        let appointment = Fixtures.relaxed["appointments.json"]![2].replacingOccurrences(of: "2026-12-13", with: "2026-12-14")
        let loaded = try load(["appointments.json": replacing("appointments.json", 2, with: appointment)])
        #expect(lines(loaded) == [
            "appointments.json: document 3 (_id 65f000060000000000000003): skip_dates 2026-12-14 is a Monday in UTC, not a Sunday, so it skips nothing",
        ])
    }

    @Test("problems come in file order and every one is reported")
    func manyProblems() throws {
        let users = Fixtures.relaxed["users.json"]!
        let broken = [users[0], #"{"_id":1,"name":"X","email":"AHMED@clinic.example","password":"p","role":"boss"}"#] + users[1...]
        let loaded = try load(["users.json": Fixtures.lines(Array(broken))])
        #expect(lines(loaded) == [
            "users.json: document 2 (_id 1): role \"boss\" is not one of doctor, patient, medical rep, admin",
            "users.json: document 2 (_id 1): password does not look like a hash; security risk: user 1 (AHMED@clinic.example) may have a plain-text password stored",
            "users.json: document 2 (_id 1): _id is already used by document 1",
            "users.json: document 2 (_id 1): email \"AHMED@clinic.example\" is already used by document 1 (_id 1) (emails are compared ignoring letter case)",
        ])
    }
}
