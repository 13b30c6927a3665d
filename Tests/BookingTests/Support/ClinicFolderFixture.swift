import ClinicData
import Foundation
import SlotSolver

/// A small clinic written to a fresh temporary data folder, with one user per role:
///
/// | user | role | password | hash |
/// | --- | --- | --- | --- |
/// | admin@clinic.test | admin | admin-pw | bcrypt cost 4 |
/// | dr.amal@clinic.test, dr.badr@clinic.test | doctor (d1, d2) | doctor-pw | yescrypt cost 1 |
/// | pat.one@clinic.test, pat.two@clinic.test | patient (p1, p2) | patient-pw | SHA-512 crypt 1000 rounds |
/// | rep.one@clinic.test, rep.two@clinic.test | medical rep (r1, r2) | rep-pw | bcrypt cost 4 |
///
/// d1 works Mondays: patients 09:00–10:00 (15 min, max_patients 3), reps 13:00–14:00 (max_reps 2);
/// d2 works Mondays: patients 09:00–12:00, reps 12:00–13:00. d1 is closed on 2026-12-14 (National
/// Holiday). On 2026-12-07 (a Monday): a1, p2 with d1 at 09:00; v1, r2 with d1 at 13:00.
struct ClinicFolderFixture {
    static let d1 = "65f0000100000000000000d1", d2 = "65f0000100000000000000d2"
    static let p1 = "65f0000200000000000000a1", p2 = "65f0000200000000000000a2"
    static let r1 = "65f0000300000000000000b1", r2 = "65f0000300000000000000b2"
    static let a1 = "65f0000400000000000000c1", v1 = "65f0000500000000000000e1"

    static let passwords = ["admin-pw", "doctor-pw", "patient-pw", "rep-pw"]

    let folder: URL

    /// Writes the clinic (plus `extra` edits) to a new temporary folder.
    init(_ extra: (inout ClinicDataset) throws -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("clinic-plan-booking-\(UUID().uuidString)", isDirectory: true)
        var dataset = try Self.dataset()
        try extra(&dataset)
        try DataFolder.write(dataset, to: folder, layout: .jsonArray, mode: .relaxed)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    var path: String { folder.path }

    func load() throws -> LoadedFolder { try DataFolder.load(from: folder) }

    /// The bytes of every data file, to show that a refused command changed nothing.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasSuffix(".json") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// The audit log's lines, each parsed.
    func auditLines() throws -> [[String: Any]] {
        let url = folder.appendingPathComponent(AuditLog.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map {
            guard let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw FixtureError("audit line is not an object: \($0)")
            }
            return object
        }
    }

    static func oid(_ hex: String) -> DocumentID { .objectId(hex) }

    static func instant(_ date: String, _ time: String = "00:00") -> Instant {
        Instant(epochMilliseconds: ClinicTimeZone.utc.epochMilliseconds(date: LocalDate(iso: date)!,
                                                                        minute: MinuteOfDay(hhmm: time)!))
    }

    static func dataset() throws -> ClinicDataset {
        let bcrypt = try PasswordHasher.hash("admin-pw", scheme: .bcrypt, cost: 4)
        let doctorHash = try PasswordHasher.hash("doctor-pw", scheme: .yescrypt, cost: 1)
        let patientHash = try PasswordHasher.hash("patient-pw", scheme: .sha512crypt, cost: 1000)
        let repHash = try PasswordHasher.hash("rep-pw", scheme: .bcrypt, cost: 4)
        let users = [
            User(id: .int(1), name: "Ada Admin", email: "admin@clinic.test", password: bcrypt, role: .admin),
            User(id: .int(2), name: "Amal Doctor", email: "dr.amal@clinic.test", password: doctorHash, role: .doctor),
            User(id: .int(3), name: "Badr Doctor", email: "dr.badr@clinic.test", password: doctorHash, role: .doctor),
            User(id: .int(4), name: "Pat One", email: "pat.one@clinic.test", password: patientHash, role: .patient),
            User(id: .int(5), name: "Pat Two", email: "pat.two@clinic.test", password: patientHash, role: .patient),
            User(id: .int(6), name: "Rep One", email: "rep.one@clinic.test", password: repHash, role: .medicalRep),
            User(id: .int(7), name: "Rep Two", email: "rep.two@clinic.test", password: repHash, role: .medicalRep),
        ]
        return ClinicDataset(
            users: users,
            doctors: [
                Doctor(id: oid(d1), userId: .int(2), specialization: "Cardiology", clinicName: "Heart", consultationFee: 300),
                Doctor(id: oid(d2), userId: .int(3), specialization: "Dermatology", clinicName: "Skin", consultationFee: 250),
            ],
            patients: [
                Patient(id: oid(p1), userId: .int(4), age: 40, gender: "female", phone: "0100", bloodType: "A+"),
                Patient(id: oid(p2), userId: .int(5), age: 51, gender: "male", phone: "0101", bloodType: "O-"),
            ],
            medicalReps: [
                MedicalRep(id: oid(r1), userId: .int(6), companyName: "Pharma One", companyPhone: "02", drugSpecialty: "Cardio",
                           phone: "0110"),
                MedicalRep(id: oid(r2), userId: .int(7), companyName: "Pharma Two", companyPhone: "03", drugSpecialty: "Derma",
                           phone: "0111"),
            ],
            appointments: [
                Appointment(id: oid(a1), doctorId: oid(d1), patientId: oid(p2), day: .monday, time: MinuteOfDay(hhmm: "09:00")!,
                            status: .booked, date: instant("2026-12-07")),
            ],
            repVisits: [
                RepVisit(id: oid(v1), doctorId: oid(d1), repId: oid(r2), date: instant("2026-12-07", "13:00"), status: .scheduled),
            ],
            schedules: [
                Schedule(id: oid("65f0000600000000000000f1"), doctorId: oid(d1), day: .monday,
                         patientStart: MinuteOfDay(hhmm: "09:00")!, patientEnd: MinuteOfDay(hhmm: "10:00")!,
                         repStart: MinuteOfDay(hhmm: "13:00")!, repEnd: MinuteOfDay(hhmm: "14:00")!, maxPatients: 3, maxReps: 2),
                Schedule(id: oid("65f0000600000000000000f2"), doctorId: oid(d2), day: .monday,
                         patientStart: MinuteOfDay(hhmm: "09:00")!, patientEnd: MinuteOfDay(hhmm: "12:00")!,
                         repStart: MinuteOfDay(hhmm: "12:00")!, repEnd: MinuteOfDay(hhmm: "13:00")!, maxPatients: 10, maxReps: 5),
            ],
            clinicDays: [
                ClinicDay(id: oid("65f0000700000000000000f1"), doctorId: oid(d1), date: instant("2026-12-14"), isOpen: false,
                          reason: "National Holiday"),
            ])
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
