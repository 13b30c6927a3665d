import ClinicData
import Foundation
import Testing

/// Signing in: wrong passwords, unknown emails and missing passwords are refused alike (exit 3),
/// each leaves one `login_failed` audit line, and no password ever reaches the audit log.
@Suite struct LoginTests {
    typealias F = ClinicFolderFixture

    func book(_ fixture: F, as email: String, password: String?, newSession: Bool = false) throws -> CLIRun {
        try CLIRunner.run(["book", "--data", fixture.path, "--doctor", F.d1, "--patient", F.p1, "--date", "2026-12-07",
                           "--time", "09:15", "--as", email], password: password, newSession: newSession)
    }

    @Test func aWrongPasswordAndAnUnknownEmailReadTheSame() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let before = try fixture.snapshot()
        let wrong = try book(fixture, as: "pat.one@clinic.test", password: "patient-pw!")
        #expect(wrong.status == 3 && wrong.stderr == "error: wrong email or password for pat.one@clinic.test\n" && wrong.stdout.isEmpty)
        let unknown = try book(fixture, as: "nobody@clinic.test", password: "patient-pw")
        #expect(unknown.status == 3 && unknown.stderr == "error: wrong email or password for nobody@clinic.test\n")
        #expect(try fixture.snapshot() == before)
        let audit = try fixture.auditLines()
        #expect(audit.map { $0["outcome"] as? String } == ["login_failed", "login_failed"])
        #expect(audit.map { $0["detail"] as? String } == ["wrong password", "unknown email"])
        #expect(audit.map { $0["user"] as? String } == ["pat.one@clinic.test", "nobody@clinic.test"])
    }

    @Test func noPasswordWithoutATerminalIsRefused() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let run = try book(fixture, as: "pat.one@clinic.test", password: nil, newSession: true)
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr == "error: no password given for pat.one@clinic.test (set CLINIC_PASSWORD or run on a terminal)\n")
        #expect(try fixture.auditLines().last?["outcome"] as? String == "login_failed")
    }

    @Test func emailsMatchInAnyLetterCase() throws {
        let fixture = try F()
        defer { fixture.remove() }
        #expect(try book(fixture, as: "Pat.One@Clinic.TEST", password: "patient-pw").status == 0)
    }

    @Test func theAuditLogHasOneWellFormedLinePerCommandAndNoPassword() throws {
        let fixture = try F()
        defer { fixture.remove() }
        _ = try book(fixture, as: "pat.one@clinic.test", password: "patient-pw")          // confirmed
        _ = try book(fixture, as: "pat.one@clinic.test", password: "patient-pw")          // rejected: taken
        _ = try book(fixture, as: "pat.one@clinic.test", password: "hunter2-wrong")       // login failed
        _ = try CLIRunner.run(["cancel", F.a1, "--data", fixture.path, "--as", "pat.one@clinic.test"],
                              password: "patient-pw")                                      // forbidden
        _ = try CLIRunner.run(["users", "add", "--email", "x@clinic.test", "--name", "X", "--role", "patient",
                               "--password-stdin", "--cost", "4", "--data", fixture.path, "--as", "admin@clinic.test"],
                              password: "admin-pw", stdin: "brand-new-secret\n")           // confirmed
        let audit = try fixture.auditLines()
        #expect(audit.map { $0["outcome"] as? String } == ["confirmed", "rejected", "login_failed", "forbidden", "confirmed"])
        #expect(audit.map { $0["action"] as? String } == ["book", "book", "book", "cancel", "users add"])
        for line in audit {
            #expect(Set(line.keys) == ["time", "user", "action", "ids", "outcome", "detail", "changes"])
            let time = try #require(line["time"] as? String)
            #expect(time.hasPrefix("20") && time.hasSuffix("Z"))
        }
        let text = try String(contentsOf: fixture.folder.appendingPathComponent(AuditLog.fileName), encoding: .utf8)
        for secret in F.passwords + ["hunter2-wrong", "brand-new-secret"] {
            #expect(!text.contains(secret), "the audit log contains a password")
        }
        #expect(!text.contains("$2b$") && !text.contains("$y$") && !text.contains("$6$"), "the audit log contains a hash")
    }
}
