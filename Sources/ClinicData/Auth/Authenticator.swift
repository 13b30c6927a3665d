/// Signs a user in by email and password against the users collection.
///
/// Every attempt costs the same hash computations, whether the email is known or not and
/// whatever scheme and cost its account's hash has: one verification per distinct scheme and
/// cost stored in the collection (`verificationPlan`), against the account's own hash for its
/// own kind and against another account's hash of each other kind. So the time of a refusal
/// says nothing about which emails exist or how their passwords are stored (a bcrypt cost-12
/// account among cost-10 ones, a yescrypt one among bcrypt ones). A folder with one kind of
/// hash, the usual case, pays one verification per login. Every refusal reads the same to the
/// person at the keyboard ("wrong email or password").
public enum Authenticator {
    /// What a login attempt came to.
    public enum Outcome: Sendable {
        case signedIn(User)
        case refused(LoginFailure)
    }

    /// - Complexity: O(users) plus one hash computation per distinct scheme and cost.
    public static func signIn(email: String, password: String, users: [User]) -> Outcome {
        let wanted = email.lowercased()
        let user = users.first(where: { $0.email.lowercased() == wanted })
        var matched = false
        for step in verificationPlan(for: user, users: users) {
            if step.isAccountHash {
                matched = PasswordHasher.verify(password, against: step.hash)
            } else {
                PasswordHasher.spendVerificationTime(password, like: step.hash)
            }
        }
        guard let user else { return .refused(LoginFailure(email: email, reason: .unknownEmail)) }
        guard PasswordHasher.canVerify(user.password) else { return .refused(LoginFailure(email: email, reason: .unverifiableHash)) }
        guard matched else { return .refused(LoginFailure(email: email, reason: .wrongPassword)) }
        return .signedIn(user)
    }

    /// One hash verification of a login: against `hash`, which is the account's own when
    /// `isAccountHash` (only then does its result count).
    struct VerificationStep: Equatable {
        var hash: String
        var isAccountHash: Bool
    }

    /// The verifications a login for `user` (nil: an unknown email) performs: one per distinct
    /// cost signature among the stored hashes (`referenceHashes`), in the same order whoever
    /// signs in; only the account's own kind uses its own hash.
    /// - Complexity: O(users).
    static func verificationPlan(for user: User?, users: [User]) -> [VerificationStep] {
        let own = user.map(\.password).flatMap { PasswordHasher.canVerify($0) ? $0 : nil }
        return referenceHashes(users).map { reference in
            if let own, costSignature(own) == costSignature(reference) { return VerificationStep(hash: own, isAccountHash: true) }
            return VerificationStep(hash: reference, isAccountHash: false)
        }
    }

    /// One stored hash of each distinct scheme and cost libxcrypt can verify, in order of first
    /// appearance; a built-in bcrypt hash of the default cost when there is none.
    /// - Complexity: O(users).
    static func referenceHashes(_ users: [User]) -> [String] {
        var seen: Set<String> = []
        var references: [String] = []
        for user in users where PasswordHasher.canVerify(user.password) {
            if seen.insert(costSignature(user.password)).inserted { references.append(user.password) }
        }
        return references.isEmpty ? [fallbackHash] : references
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
