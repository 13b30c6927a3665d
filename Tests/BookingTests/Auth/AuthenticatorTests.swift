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

/// The cost an unknown email pays is the most common one among the stored hashes.
@Suite struct ReferenceHashTests {
    @Test func theMostCommonSchemeAndCostIsUsed() throws {
        func user(_ n: Int64, _ hash: String) -> User {
            User(id: .int(n), name: "U", email: "u\(n)@x.test", password: hash, role: .patient)
        }
        let slow = try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 6)
        let quick = try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 4)
        let other = try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 4)
        let users = [user(1, "plain"), user(2, slow), user(3, quick), user(4, other)]
        #expect(Authenticator.referenceHash(users) == quick)
        #expect(Authenticator.referenceHash([user(1, slow), user(2, quick)]) == slow)
        #expect(Authenticator.referenceHash([user(1, "plain")]) == Authenticator.fallbackHash)
        #expect(Authenticator.costSignature("$2b$10$abcdefghijklmnopqrstuvwxyz") == "$2b$10")
        #expect(Authenticator.costSignature("$y$j9T$salt$hash") == "$y$j9T")
        #expect(Authenticator.costSignature("$6$rounds=1000$salt$hash") == "$6$rounds=1000")
        #expect(Authenticator.costSignature("$6$salt$hash") == "$6")
    }

    @Test func theFallbackIsAValidBcryptHash() {
        #expect(PasswordHasher.canVerify(Authenticator.fallbackHash))
        #expect(!PasswordHasher.verify("", against: Authenticator.fallbackHash))
    }
}
