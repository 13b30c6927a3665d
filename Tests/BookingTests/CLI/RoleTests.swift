import EngineTestSupport
import ClinicData
import Foundation
import SlotSolver
import Testing

/// Who may do what, end to end: each role's allowed and refused actions. A refusal exits 3 with
/// one `error:` line, changes nothing, and leaves a `forbidden` audit line.
@Suite struct RoleTests {
    typealias F = ClinicFolderFixture

    static let passwordOf = ["admin": "admin-pw", "dr": "doctor-pw", "pat": "patient-pw", "rep": "rep-pw"]

    /// Runs a command as `email` with the right password for its role.
    func run(_ fixture: F, _ arguments: [String], as email: String) throws -> CLIRun {
        let prefix = String(email.prefix { $0 != "." && $0 != "@" })
        return try CLIRunner.run(arguments + ["--data", fixture.path, "--as", email], password: Self.passwordOf[prefix])
    }

    func book(_ fixture: F, doctor: String = F.d1, patient: String? = nil, rep: String? = nil, time: String,
              as email: String) throws -> CLIRun {
        var arguments = ["book", "--doctor", doctor, "--date", "2026-12-07", "--time", time]
        if let patient { arguments += ["--patient", patient] }
        if let rep { arguments += ["--rep", rep] }
        return try run(fixture, arguments, as: email)
    }

    func expectForbidden(_ fixture: F, _ result: CLIRun, _ message: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.status == 3, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == "error: \(message)\n", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let last = try fixture.auditLines().last
        #expect(last?["outcome"] as? String == "forbidden", sourceLocation: sourceLocation)
        #expect(last?["detail"] as? String == message, sourceLocation: sourceLocation)
    }

    // MARK: - Patients

    @Test func aPatientBooksAndCancelsOnlyTheirOwnAppointments() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let before = try fixture.snapshot()
        try expectForbidden(fixture, try book(fixture, patient: F.p2, time: "09:15", as: "pat.one@clinic.test"),
                            "pat.one@clinic.test (patient) may book only their own appointments, not those of patient \(F.p2)")
        try expectForbidden(fixture, try book(fixture, rep: F.r1, time: "13:15", as: "pat.one@clinic.test"),
                            "pat.one@clinic.test (patient) may not request a visit of rep \(F.r1) to doctor \(F.d1)")
        // a1 is Pat Two's.
        try expectForbidden(fixture, try run(fixture, ["cancel", F.a1], as: "pat.one@clinic.test"),
                            "pat.one@clinic.test (patient) may cancel only their own appointments, not those of patient \(F.p2)")
        try expectForbidden(fixture, try run(fixture, ["close", "--doctor", F.d1, "--date", "2026-12-07", "--reason", "x"],
                                             as: "pat.one@clinic.test"),
                            "pat.one@clinic.test (patient) may not close a date of doctor \(F.d1)")
        #expect(try fixture.snapshot() == before)

        #expect(try book(fixture, patient: F.p1, time: "09:15", as: "pat.one@clinic.test").status == 0)
        let cancel = try run(fixture, ["cancel", F.a1], as: "pat.two@clinic.test")
        #expect(cancel.status == 0, "\(cancel)")
        #expect(cancel.stdout == "cancelled appointment \(F.a1) (Monday 09:00)\n")
        #expect(try fixture.load().dataset.appointments[0].status == .cancelled)
        let again = try run(fixture, ["cancel", F.a1], as: "pat.two@clinic.test")
        #expect(again.status == 1 && again.stdout == "appointment \(F.a1) is already cancelled\n")
    }

    // MARK: - Medical reps

    @Test func aRepRequestsAndCancelsOnlyTheirOwnVisits() throws {
        let fixture = try F()
        defer { fixture.remove() }
        try expectForbidden(fixture, try book(fixture, rep: F.r2, time: "13:15", as: "rep.one@clinic.test"),
                            "rep.one@clinic.test (medical rep) may request only their own visits, not those of rep \(F.r2)")
        try expectForbidden(fixture, try book(fixture, patient: F.p1, time: "09:15", as: "rep.one@clinic.test"),
                            "rep.one@clinic.test (medical rep) may not book an appointment of patient \(F.p1) with doctor \(F.d1)")
        // v1 is Rep Two's.
        try expectForbidden(fixture, try run(fixture, ["cancel", F.v1], as: "rep.one@clinic.test"),
                            "rep.one@clinic.test (medical rep) may cancel only their own visits, not those of rep \(F.r2)")

        #expect(try book(fixture, rep: F.r1, time: "13:15", as: "rep.one@clinic.test").status == 0)
        let cancel = try run(fixture, ["cancel", F.v1], as: "rep.two@clinic.test")
        #expect(cancel.status == 0, "\(cancel)")
        #expect(cancel.stdout == "cancelled rep visit \(F.v1) (2026-12-07 13:00, was scheduled)\n")
        #expect(try fixture.load().dataset.repVisits[0].status == .cancelled)
    }

    // MARK: - Doctors

    @Test func aDoctorManagesOnlyTheirOwnBookingsAndClosures() throws {
        let fixture = try F()
        defer { fixture.remove() }
        try expectForbidden(fixture, try book(fixture, doctor: F.d2, patient: F.p1, time: "09:15", as: "dr.amal@clinic.test"),
                            "dr.amal@clinic.test (doctor) may book only for their own practice, not for doctor \(F.d2)")
        try expectForbidden(fixture, try run(fixture, ["cancel", F.a1], as: "dr.badr@clinic.test"),
                            "dr.badr@clinic.test (doctor) may cancel only for their own practice, not for doctor \(F.d1)")
        try expectForbidden(fixture, try run(fixture, ["close", "--doctor", F.d2, "--date", "2026-12-07", "--reason", "x"],
                                             as: "dr.amal@clinic.test"),
                            "dr.amal@clinic.test (doctor) may close dates only for their own practice, not for doctor \(F.d2)")
        try expectForbidden(fixture, try run(fixture, ["close", "--all", "--date", "2026-12-07", "--reason", "x"],
                                             as: "dr.amal@clinic.test"),
                            "dr.amal@clinic.test (doctor) may not close a date for every doctor")

        #expect(try book(fixture, patient: F.p1, time: "09:15", as: "dr.amal@clinic.test").status == 0)
        #expect(try book(fixture, rep: F.r1, time: "13:15", as: "dr.amal@clinic.test").status == 0)
        #expect(try run(fixture, ["cancel", F.v1], as: "dr.amal@clinic.test").status == 0)
        let close = try run(fixture, ["close", "--doctor", F.d1, "--date", "2026-12-07", "--reason", "Conference"],
                            as: "dr.amal@clinic.test")
        #expect(close.status == 0, "\(close)")
        // a1 and the new 09:15 appointment, and the new 13:15 visit, now sit on a closed date.
        #expect(close.stdout == """
            closed 2026-12-07 for doctor Amal Doctor (\(F.d1)): Conference
            2 booked appointment(s) and 1 scheduled rep visit(s) on 2026-12-07 need a new slot: \
            see `clinic-plan rebook --data \(fixture.path) --from 2026-12-07 --doctor \(F.d1)`

            """)
        let days = try fixture.load().dataset.clinicDays
        #expect(days.count == 2 && days[1].doctorId == F.oid(F.d1) && !days[1].isOpen && days[1].reason == "Conference")
        #expect(days[1].date == F.instant("2026-12-07"))
    }

    // MARK: - Admins

    @Test func anAdminMayDoEverything() throws {
        let fixture = try F()
        defer { fixture.remove() }
        #expect(try book(fixture, doctor: F.d2, patient: F.p2, time: "11:00", as: "admin@clinic.test").status == 0)
        #expect(try book(fixture, doctor: F.d2, rep: F.r2, time: "12:00", as: "admin@clinic.test").status == 0)
        #expect(try run(fixture, ["cancel", F.a1], as: "admin@clinic.test").status == 0)
        let close = try run(fixture, ["close", "--all", "--date", "2026-12-21", "--reason", "Strike"], as: "admin@clinic.test")
        #expect(close.status == 0, "\(close)")
        #expect(close.stdout == """
            closed 2026-12-21 for doctor Amal Doctor (\(F.d1)): Strike
            closed 2026-12-21 for doctor Badr Doctor (\(F.d2)): Strike

            """)
        let again = try run(fixture, ["close", "--doctor", F.d1, "--date", "2026-12-14", "--reason", "x"], as: "admin@clinic.test")
        #expect(again.status == 1)
        #expect(again.stdout == "doctor Amal Doctor (\(F.d1)) is already closed on 2026-12-14; nothing was changed\n")
        #expect(try fixture.load().dataset.clinicDays.count == 3)
    }

    // MARK: - Users

    @Test func onlyAnAdminAddsUsersAndTheNewUserCanSignIn() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let add = ["users", "add", "--email", "desk@clinic.test", "--name", "Front Desk", "--role", "admin",
                   "--password-stdin", "--cost", "4", "--data", fixture.path]
        let refused = try CLIRunner.run(add + ["--as", "dr.amal@clinic.test"], password: "doctor-pw", stdin: "desk-pw\n")
        try expectForbidden(fixture, refused, "dr.amal@clinic.test (doctor) may not add users")

        let added = try CLIRunner.run(add + ["--as", "admin@clinic.test"], password: "admin-pw", stdin: "desk-pw\n")
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout == "added user 8: Front Desk <desk@clinic.test> (admin), password hashed with bcrypt\n")
        let user = try #require(try fixture.load().dataset.users.last)
        #expect(user.id == .int(8) && user.role == .admin && user.password.hasPrefix("$2b$04$"))
        #expect(PasswordHasher.verify("desk-pw", against: user.password))

        let duplicate = try CLIRunner.run(add + ["--as", "admin@clinic.test"], password: "admin-pw", stdin: "other\n")
        #expect(duplicate.status == 1 && duplicate.stdout == "a user with email desk@clinic.test already exists (_id 8)\n")

        let asDesk = try CLIRunner.run(["book", "--data", fixture.path, "--doctor", F.d1, "--patient", F.p1,
                                        "--date", "2026-12-07", "--time", "09:30", "--as", "DESK@clinic.test"],
                                       password: "desk-pw")
        #expect(asDesk.status == 0, "\(asDesk)")
    }

    @Test func everyoneSetsTheirOwnPasswordAndOnlyAnAdminSetsOthers() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let passwd = ["users", "passwd", "--password-stdin", "--scheme", "yescrypt", "--cost", "1", "--data", fixture.path]
        try expectForbidden(fixture, try CLIRunner.run(passwd + ["--email", "pat.two@clinic.test", "--as", "pat.one@clinic.test"],
                                                       password: "patient-pw", stdin: "hijack\n"),
                            "pat.one@clinic.test (patient) may not set the password of user 5")

        let own = try CLIRunner.run(passwd + ["--as", "pat.one@clinic.test"], password: "patient-pw", stdin: "new-secret\n")
        #expect(own.status == 0, "\(own)")
        #expect(own.stdout == "password of pat.one@clinic.test set (hashed with yescrypt)\n")
        let users = try fixture.load().dataset.users
        #expect(users[3].password.hasPrefix("$y$") && PasswordHasher.verify("new-secret", against: users[3].password))
        // Pat Two shared the old hash; theirs is untouched.
        #expect(PasswordHasher.verify("patient-pw", against: users[4].password))

        let list = ["users", "list", "--data", fixture.path]
        #expect(try CLIRunner.run(["book", "--data", fixture.path, "--doctor", F.d1, "--patient", F.p1, "--date", "2026-12-07",
                                   "--time", "09:15", "--as", "pat.one@clinic.test"], password: "patient-pw").status == 3)
        #expect(try CLIRunner.run(["book", "--data", fixture.path, "--doctor", F.d1, "--patient", F.p1, "--date", "2026-12-07",
                                   "--time", "09:15", "--as", "pat.one@clinic.test"], password: "new-secret").status == 0)

        let byAdmin = try CLIRunner.run(passwd + ["--email", "pat.two@clinic.test", "--as", "admin@clinic.test"],
                                        password: "admin-pw", stdin: "reset-pw\n")
        #expect(byAdmin.status == 0, "\(byAdmin)")
        #expect(PasswordHasher.verify("reset-pw", against: try fixture.load().dataset.users[4].password))

        // Listing the accounts takes an admin's sign-in: none, a patient's and a wrong password are refused.
        let unsigned = try CLIRunner.run(list, password: nil)
        #expect(unsigned.status == 2 && unsigned.stderr.hasPrefix("error: Missing expected argument '--as <user>'\n"))
        let byPatient = try CLIRunner.run(list + ["--as", "pat.two@clinic.test"], password: "reset-pw")
        #expect(byPatient.status == 3 && byPatient.stdout.isEmpty)
        #expect(byPatient.stderr == "error: pat.two@clinic.test (patient) may not list the users\n")
        let wrong = try CLIRunner.run(list + ["--as", "admin@clinic.test"], password: "nope", newSession: true)
        #expect(wrong.status == 3 && wrong.stderr == "error: wrong email or password for admin@clinic.test\n" && wrong.stdout.isEmpty)
        let listed = try CLIRunner.run(list + ["--as", "Ada"], password: "admin-pw")
        #expect(listed.status == 0, "\(listed)")
        let audit = try fixture.auditLines().suffix(3)
        #expect(audit.map { $0["action"] as? String } == ["users list", "users list", "users list"])
        #expect(audit.map { $0["outcome"] as? String } == ["forbidden", "login_failed", "confirmed"])
        #expect(!listed.stdout.contains("$"), "users list printed a hash")
        #expect(listed.stdout == """
            _id  name         email                role         password
            ---  -----------  -------------------  -----------  --------
            1    Ada Admin    admin@clinic.test    admin        bcrypt
            2    Amal Doctor  dr.amal@clinic.test  doctor       yescrypt
            3    Badr Doctor  dr.badr@clinic.test  doctor       yescrypt
            4    Pat One      pat.one@clinic.test  patient      yescrypt
            5    Pat Two      pat.two@clinic.test  patient      yescrypt
            6    Rep One      rep.one@clinic.test  medical rep  bcrypt
            7    Rep Two      rep.two@clinic.test  medical rep  bcrypt

            """)
    }
}
