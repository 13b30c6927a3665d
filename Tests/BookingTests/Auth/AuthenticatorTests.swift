@testable import ClinicData
import Foundation
import Testing

/// Signing in against a users list, and that an unknown email costs a hash like a known one.
@Suite struct AuthenticatorTests {
    static func users(cost: Int = 4) throws -> [User] {
        [
            User(id: .int(1), name: "A", email: "a@x.test", password: try PasswordHasher.hash("pw-a", scheme: .bcrypt, cost: cost),
                 role: .admin),
            User(id: .int(2), name: "B", email: "b@x.test", password: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
                 role: .patient),
        ]
    }

    func outcome(_ email: String, _ password: String, _ users: [User]) -> String {
        switch Authenticator.signIn(email: email, password: password, users: users) {
        case .signedIn(let user): "signed in \(user.id)"
        case .refused(let failure): "refused: \(failure.reason.rawValue): \(failure.message)"
        }
    }

    @Test func signInOutcomes() throws {
        let users = try Self.users()
        #expect(outcome("a@x.test", "pw-a", users) == "signed in 1")
        #expect(outcome("A@X.Test", "pw-a", users) == "signed in 1")
        #expect(outcome("a@x.test", "pw-b", users) == "refused: wrong password: wrong email or password for a@x.test")
        #expect(outcome("c@x.test", "pw-a", users) == "refused: unknown email: wrong email or password for c@x.test")
        #expect(outcome("b@x.test", "anything", users)
                == "refused: stored hash cannot be verified: wrong email or password for b@x.test")
        #expect(outcome("a@x.test", "pw-a", []) == "refused: unknown email: wrong email or password for a@x.test")
    }

    @Test func anUnknownEmailTakesAsLongAsAWrongPassword() throws {
        // bcrypt cost 8: about 15–30 ms a hash, far above the noise of a list scan. The three
        // kinds of attempt take turns, so that a busy machine slows them all alike.
        let users = try Self.users(cost: 8)
        let attempts = [("a@x.test", "wrong"), ("zz@x.test", "wrong"), ("a@x.test", "pw-a")]
        var times: [[Double]] = [[], [], []]
        for _ in 0..<9 {
            for (k, attempt) in attempts.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = Authenticator.signIn(email: attempt.0, password: attempt.1, users: users)
                times[k].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
        }
        let medians = times.map { $0.sorted()[4] }
        let (known, unknown, right) = (medians[0], medians[1], medians[2])
        #expect(known > 0.003, "a cost-8 bcrypt verification should take milliseconds, took \(known)")
        #expect(unknown > known * 0.5 && unknown < known * 2, "unknown \(unknown) s vs known \(known) s")
        #expect(right > known * 0.5 && right < known * 2, "right \(right) s vs wrong \(known) s")
    }
}

/// Every login performs the same verifications, whatever the email and its hash: no timing
/// oracle, checked by the plan of hash computations (never by a clock).
@Suite struct VerificationPlanTests {
    func user(_ n: Int64, _ hash: String) -> User {
        User(id: .int(n), name: "U", email: "u\(n)@x.test", password: hash, role: .patient)
    }

    @Test func oneVerificationPerSchemeAndCostInTheSameOrderForEveryone() throws {
        let cost6 = try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 6)
        let cost4 = try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 4)
        let otherCost4 = try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 4)
        let yescrypt = try PasswordHasher.hash("pw", scheme: .yescrypt, cost: 1)
        let users = [user(1, "plain"), user(2, cost6), user(3, cost4), user(4, otherCost4), user(5, yescrypt)]
        #expect(Authenticator.referenceHashes(users) == [cost6, cost4, yescrypt])
        let unknown = Authenticator.verificationPlan(for: nil, users: users)
        #expect(unknown.map(\.hash) == [cost6, cost4, yescrypt] && unknown.allSatisfy { !$0.isAccountHash })
        // Each account's own hash takes its kind's place; the kinds and their order stay.
        for account in users {
            let plan = Authenticator.verificationPlan(for: account, users: users)
            #expect(plan.map { Authenticator.costSignature($0.hash) } == unknown.map { Authenticator.costSignature($0.hash) })
            #expect(plan.filter(\.isAccountHash).map(\.hash) == (account.password == "plain" ? [] : [account.password]))
        }
        #expect(Authenticator.referenceHashes([user(1, "plain")]) == [Authenticator.fallbackHash])
        #expect(Authenticator.costSignature("$2b$10$abcdefghijklmnopqrstuvwxyz") == "$2b$10")
        #expect(Authenticator.costSignature("$y$j9T$salt$hash") == "$y$j9T")
        #expect(Authenticator.costSignature("$6$rounds=1000$salt$hash") == "$6$rounds=1000")
        #expect(Authenticator.costSignature("$6$salt$hash") == "$6")
    }

    @Test func aCostlierAccountAmongCheaperOnesIsSignedInAndRefusedAsUsual() throws {
        let cheap = try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 4)
        let costly = try PasswordHasher.hash("secret", scheme: .bcrypt, cost: 5)
        let users = [user(1, cheap), user(2, costly)]
        guard case .signedIn(let found) = Authenticator.signIn(email: "u2@x.test", password: "secret", users: users) else {
            Issue.record("the cost-5 account did not sign in"); return
        }
        #expect(found.id == .int(2))
        guard case .refused(let wrong) = Authenticator.signIn(email: "u2@x.test", password: "pw", users: users),
              case .refused(let unknown) = Authenticator.signIn(email: "nobody@x.test", password: "pw", users: users) else {
            Issue.record("a wrong password or an unknown email signed in"); return
        }
        #expect(wrong.reason == .wrongPassword && unknown.reason == .unknownEmail)
        #expect(wrong.message == "wrong email or password for u2@x.test")
    }

    @Test func theFallbackIsAValidBcryptHash() {
        #expect(PasswordHasher.canVerify(Authenticator.fallbackHash))
        #expect(!PasswordHasher.verify("", against: Authenticator.fallbackHash))
    }
}
