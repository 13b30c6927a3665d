import Foundation
@testable import ClinicData
import SlotSolver

/// A small, valid clinic in every form the loader must read, written as Swift literals so that
/// each test shows exactly what it feeds in.
enum Fixtures {
    static let hash = "$2b$10$5tr1NDUi0mPddFL2TKMIPO2PC.Kht/Z4/WOMdlDcaf2O/ndEf8w8q"

    /// One document per line, relaxed Extended JSON.
    static let relaxed: [String: [String]] = [
        "users.json": [
            #"{"_id":1,"name":"Dr. Ahmed Hassan","email":"ahmed@clinic.example","password":"\#(hash)","role":"doctor"}"#,
            #"{"_id":11,"name":"Sara Ali","email":"sara@clinic.example","password":"\#(hash)","role":"patient"}"#,
            #"{"_id":41,"name":"Hany Samir","email":"hany@pharma.example","password":"\#(hash)","role":"medical rep"}"#,
            #"{"_id":99,"name":"Admin","email":"admin@clinic.example","password":"\#(hash)","role":"admin"}"#,
        ],
        "doctors.json": [
            #"{"_id":{"$oid":"65F000010000000000000001"},"user_id":1,"specialization":"Cardiology","clinic_name":"Heart Care","consultation_fee":600}"#,
        ],
        "patients.json": [
            #"{"_id":{"$oid":"65f000020000000000000001"},"user_id":11,"age":30.0,"gender":"female","phone":"0100","blood_type":"A+"}"#,
        ],
        "medical_reps.json": [
            #"{"_id":{"$oid":"65f000030000000000000001"},"user_id":41,"company_name":"EVA Pharma","company_phone":"0226","drug_specialty":"Cardiology","phone":"0123"}"#,
        ],
        "appointments.json": [
            #"{"_id":{"$oid":"65f000060000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"patient_id":{"$oid":"65f000020000000000000001"},"day":"Sunday","time":"09:00","status":"booked"}"#,
            #"{"_id":{"$oid":"65f000060000000000000002"},"doctor_id":{"$oid":"65f000010000000000000001"},"patient_id":{"$oid":"65f000020000000000000001"},"day":"sunday","time":"09:20","status":"booked","date":{"$date":"2026-12-06T09:20:00Z"}}"#,
            #"{"_id":{"$oid":"65f000060000000000000003"},"doctor_id":{"$oid":"65f000010000000000000001"},"patient_id":{"$oid":"65f000020000000000000001"},"day":"Sunday","time":"10:00","status":"cancelled","skip_dates":[{"$date":"2026-12-13T00:00:00Z"}]}"#,
        ],
        "rep_visits.json": [
            #"{"_id":{"$oid":"65f000070000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"rep_id":{"$oid":"65f000030000000000000001"},"date":{"$date":"2026-12-06T13:15:00Z"},"status":"scheduled","visit_summary":{"samples":2,"duration_min":20,"discussion_topic":"Statins","feedback":"Interested"}}"#,
            #"{"_id":{"$oid":"65f000070000000000000002"},"doctor_id":{"$oid":"65f000010000000000000001"},"rep_id":{"$oid":"65f000030000000000000001"},"date":{"$date":"2026-12-07T15:30:00.250+02:00"},"status":"rescheduled"}"#,
        ],
        "schedules.json": [
            #"{"_id":{"$oid":"65f000040000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"day":"Sunday","patient_start_time":"09:00","patient_end_time":"13:00","rep_start_time":"13:00","rep_end_time":"24:00","max_patients":12,"max_reps":3,"appointment_minutes":20}"#,
        ],
        "clinic_days.json": [
            #"{"_id":{"$oid":"65f000050000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"date":{"$date":"2026-12-03T00:00:00Z"},"is_open":false,"reason":"Conference"}"#,
        ],
    ]

    /// The same clinic in canonical Extended JSON.
    static let canonical: [String: [String]] = [
        "users.json": [
            #"{"_id":{"$numberInt":"1"},"name":"Dr. Ahmed Hassan","email":"ahmed@clinic.example","password":"\#(hash)","role":"doctor"}"#,
            #"{"_id":{"$numberInt":"11"},"name":"Sara Ali","email":"sara@clinic.example","password":"\#(hash)","role":"patient"}"#,
            #"{"_id":{"$numberLong":"41"},"name":"Hany Samir","email":"hany@pharma.example","password":"\#(hash)","role":"medical rep"}"#,
            #"{"_id":{"$numberInt":"99"},"name":"Admin","email":"admin@clinic.example","password":"\#(hash)","role":"admin"}"#,
        ],
        "doctors.json": [
            #"{"_id":{"$oid":"65f000010000000000000001"},"user_id":{"$numberInt":"1"},"specialization":"Cardiology","clinic_name":"Heart Care","consultation_fee":{"$numberInt":"600"}}"#,
        ],
        "patients.json": [
            #"{"_id":{"$oid":"65f000020000000000000001"},"user_id":{"$numberInt":"11"},"age":{"$numberDouble":"30.0"},"gender":"female","phone":"0100","blood_type":"A+"}"#,
        ],
        "medical_reps.json": [
            #"{"_id":{"$oid":"65f000030000000000000001"},"user_id":{"$numberInt":"41"},"company_name":"EVA Pharma","company_phone":"0226","drug_specialty":"Cardiology","phone":"0123"}"#,
        ],
        "appointments.json": [
            #"{"_id":{"$oid":"65f000060000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"patient_id":{"$oid":"65f000020000000000000001"},"day":"Sunday","time":"09:00","status":"booked"}"#,
            #"{"_id":{"$oid":"65f000060000000000000002"},"doctor_id":{"$oid":"65f000010000000000000001"},"patient_id":{"$oid":"65f000020000000000000001"},"day":"sunday","time":"09:20","status":"booked","date":{"$date":{"$numberLong":"1796548800000"}}}"#,
            #"{"_id":{"$oid":"65f000060000000000000003"},"doctor_id":{"$oid":"65f000010000000000000001"},"patient_id":{"$oid":"65f000020000000000000001"},"day":"Sunday","time":"10:00","status":"cancelled","skip_dates":[{"$date":{"$numberLong":"1797120000000"}}]}"#,
        ],
        "rep_visits.json": [
            #"{"_id":{"$oid":"65f000070000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"rep_id":{"$oid":"65f000030000000000000001"},"date":{"$date":{"$numberLong":"1796562900000"}},"status":"scheduled","visit_summary":{"samples":{"$numberInt":"2"},"duration_min":{"$numberInt":"20"},"discussion_topic":"Statins","feedback":"Interested"}}"#,
            #"{"_id":{"$oid":"65f000070000000000000002"},"doctor_id":{"$oid":"65f000010000000000000001"},"rep_id":{"$oid":"65f000030000000000000001"},"date":{"$date":{"$numberLong":"1796650200250"}},"status":"rescheduled"}"#,
        ],
        "schedules.json": [
            #"{"_id":{"$oid":"65f000040000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"day":"Sunday","patient_start_time":"09:00","patient_end_time":"13:00","rep_start_time":"13:00","rep_end_time":"24:00","max_patients":{"$numberInt":"12"},"max_reps":{"$numberInt":"3"},"appointment_minutes":{"$numberInt":"20"}}"#,
        ],
        "clinic_days.json": [
            #"{"_id":{"$oid":"65f000050000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"date":{"$date":{"$numberLong":"1796256000000"}},"is_open":false,"reason":"Conference"}"#,
        ],
    ]

    static func oid(_ hex: String) -> DocumentID { .objectId(hex) }

    /// What every form of the fixture loads to.
    static let dataset: ClinicDataset = {
        let doctor = oid("65f000010000000000000001")
        let patient = oid("65f000020000000000000001")
        let rep = oid("65f000030000000000000001")
        return ClinicDataset(
            users: [
                User(id: .int(1), name: "Dr. Ahmed Hassan", email: "ahmed@clinic.example", password: hash, role: .doctor),
                User(id: .int(11), name: "Sara Ali", email: "sara@clinic.example", password: hash, role: .patient),
                User(id: .int(41), name: "Hany Samir", email: "hany@pharma.example", password: hash, role: .medicalRep),
                User(id: .int(99), name: "Admin", email: "admin@clinic.example", password: hash, role: .admin),
            ],
            doctors: [Doctor(id: doctor, userId: .int(1), specialization: "Cardiology", clinicName: "Heart Care", consultationFee: 600)],
            patients: [Patient(id: patient, userId: .int(11), age: 30, gender: "female", phone: "0100", bloodType: "A+")],
            medicalReps: [MedicalRep(id: rep, userId: .int(41), companyName: "EVA Pharma", companyPhone: "0226",
                                     drugSpecialty: "Cardiology", phone: "0123")],
            appointments: [
                Appointment(id: oid("65f000060000000000000001"), doctorId: doctor, patientId: patient, day: .sunday,
                            time: MinuteOfDay(hour: 9, minute: 0), status: .booked),
                Appointment(id: oid("65f000060000000000000002"), doctorId: doctor, patientId: patient, day: .sunday,
                            time: MinuteOfDay(hour: 9, minute: 20), status: .booked,
                            date: Instant(epochMilliseconds: 1_796_548_800_000)),
                Appointment(id: oid("65f000060000000000000003"), doctorId: doctor, patientId: patient, day: .sunday,
                            time: MinuteOfDay(hour: 10, minute: 0), status: .cancelled,
                            skipDates: [Instant(epochMilliseconds: 1_797_120_000_000)]),
            ],
            repVisits: [
                RepVisit(id: oid("65f000070000000000000001"), doctorId: doctor, repId: rep,
                         date: Instant(epochMilliseconds: 1_796_562_900_000), status: .scheduled,
                         visitSummary: VisitSummary(samples: 2, durationMin: 20, discussionTopic: "Statins", feedback: "Interested")),
                RepVisit(id: oid("65f000070000000000000002"), doctorId: doctor, repId: rep,
                         date: Instant(epochMilliseconds: 1_796_650_200_250), status: .rescheduled),
            ],
            schedules: [Schedule(id: oid("65f000040000000000000001"), doctorId: doctor, day: .sunday,
                                 patientStart: MinuteOfDay(hour: 9, minute: 0), patientEnd: MinuteOfDay(hour: 13, minute: 0),
                                 repStart: MinuteOfDay(hour: 13, minute: 0), repEnd: .endOfDay,
                                 maxPatients: 12, maxReps: 3, appointmentMinutes: 20)],
            clinicDays: [ClinicDay(id: oid("65f000050000000000000001"), doctorId: doctor,
                                   date: Instant(epochMilliseconds: 1_796_256_000_000), isOpen: false, reason: "Conference")])
    }()

    // MARK: - Layouts

    static func lines(_ documents: [String]) -> String { documents.map { $0 + "\n" }.joined() }
    static func array(_ documents: [String]) -> String { "[" + documents.joined(separator: ",\n") + "]\n" }
    /// A pretty-printed array, as `mongoexport --jsonArray --pretty` lays it out.
    static func prettyArray(_ documents: [String]) -> String {
        "[\n" + documents.map { "  " + $0.replacingOccurrences(of: "\",\"", with: "\",\n    \"") }.joined(separator: ",\n") + "\n]\n"
    }

    /// The files of `documents` in one layout.
    static func files(_ documents: [String: [String]], _ layout: (([String]) -> String)) -> [String: String] {
        documents.mapValues(layout)
    }

    static var relaxedArrayFiles: [String: String] { files(relaxed, array) }
}

/// A temporary folder for one test, removed when the test is done with it.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("clinicdata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(decoding: Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }

    deinit {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}
