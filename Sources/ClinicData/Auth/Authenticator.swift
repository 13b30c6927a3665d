/// Signs a user in by email and password against the users collection.
///
/// Every attempt costs exactly one hash computation of the same cost, whether the email is known
/// or not, so the time of a refusal says nothing about which emails exist; and every refusal
/// reads the same to the person at the keyboard ("wrong email or password").
public enum Authenticator {
    /// What a login attempt came to.
    public enum Outcome: Sendable {
        case signedIn(User)
        case refused(LoginFailure)
    }

    /// - Complexity: O(users) plus one hash computation.
    public static func signIn(email: String, password: String, users: [User]) -> Outcome {
        let wanted = email.lowercased()
        guard let user = users.first(where: { $0.email.lowercased() == wanted }) else {
            PasswordHasher.spendVerificationTime(password, like: referenceHash(users))
            return .refused(LoginFailure(email: email, reason: .unknownEmail))
        }
        guard PasswordHasher.canVerify(user.password) else {
            PasswordHasher.spendVerificationTime(password, like: referenceHash(users))
            return .refused(LoginFailure(email: email, reason: .unverifiableHash))
        }
        guard PasswordHasher.verify(password, against: user.password) else {
            return .refused(LoginFailure(email: email, reason: .wrongPassword))
        }
        return .signedIn(user)
    }

    /// The hash whose cost an unknown email pays: one of the stored hashes libxcrypt can verify
    /// with the most common scheme and cost (so it costs what most real logins cost), else a
    /// built-in bcrypt hash of the default cost.
    /// - Complexity: O(users).
    static func referenceHash(_ users: [User]) -> String {
        var counts: [String: Int] = [:]
        var example: [String: String] = [:]
        var seen: [String] = []
        for user in users where PasswordHasher.canVerify(user.password) {
            let key = costSignature(user.password)
            if counts[key] == nil {
                seen.append(key)
                example[key] = user.password
            }
            counts[key, default: 0] += 1
        }
        // `max(by:)` keeps the first of equals: ties go to the signature seen first.
        return seen.max { counts[$0]! < counts[$1]! }.flatMap { example[$0] } ?? fallbackHash
    }

    /// Scheme and cost parameters of a stored hash, without salt and digest: `$2b$10`, `$y$j9T`,
    /// `$6$rounds=5000` (or `$6` for the default rounds).
    static func costSignature(_ hash: String) -> String {
        let fields = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count >= 3 else { return hash }
        if fields[1] == "6" { return fields[2].hasPrefix("rounds=") ? "$6$" + fields[2] : "$6" }
        return "$" + fields[1] + "$" + fields[2]
    }

    /// bcrypt, cost 10, of a random password nobody knows.
    static let fallbackHash = "$2b$10$nFVipWTOj64xXTcGh1GuXuwUpYMFu2WLmU9Mu8ci93.vjkatyaCW2"
}

/// A refused login. `message` is what the user sees and is the same for every reason; `reason`
/// is for the audit log.
public struct LoginFailure: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case unknownEmail = "unknown email"
        case wrongPassword = "wrong password"
        /// The stored hash is of a scheme libxcrypt cannot verify (argon2, PBKDF2, plain text).
        case unverifiableHash = "stored hash cannot be verified"
        /// No password was given (no terminal, no CLINIC_PASSWORD).
        case noPassword = "no password given"
    }

    public var email: String
    public var reason: Reason

    public init(email: String, reason: Reason) {
        self.email = email
        self.reason = reason
    }

    public var message: String {
        reason == .noPassword ? "no password given for \(email)" : "wrong email or password for \(email)"
    }

    public var description: String { message }
}
