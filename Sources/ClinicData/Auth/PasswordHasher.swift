/// Makes and verifies password hashes with the system's libxcrypt, so that hashes made by common
/// web stacks (bcrypt `$2b$`/`$2a$`/`$2y$`, yescrypt `$y$`, SHA-512 crypt `$6$`) verify as they are.
public enum PasswordHasher {
    /// A new hash of `password`: a fresh random salt, `scheme`, and `cost` (the scheme's default
    /// when nil; see `PasswordScheme.costRange`).
    ///
    /// - Complexity: one hash computation, deliberately slow (tens of milliseconds at the defaults).
    public static func hash(_ password: String, scheme: PasswordScheme = .bcrypt,
                            cost: Int? = nil) throws(PasswordHashError) -> String {
        try checkUsable(password)
        let cost = cost ?? scheme.defaultCost
        guard scheme.costRange.contains(cost) else {
            throw PasswordHashError(.badCost, "\(scheme) cost must be in \(scheme.costRange.lowerBound)..."
                                    + "\(scheme.costRange.upperBound), not \(cost)")
        }
        let setting = try CryptLibrary.makeSetting(prefix: scheme.gensaltPrefix, count: cost)
        guard let hash = CryptLibrary.hash(password, setting: setting) else {
            throw PasswordHashError(.cryptFailed, "libxcrypt could not hash with the setting \(setting)")
        }
        return hash
    }

    /// Whether `password` matches the stored hash. False for a hash of a scheme libxcrypt does
    /// not know, and for a password libxcrypt cannot take. The comparison of the results takes
    /// the same time wherever they differ.
    ///
    /// - Complexity: one hash computation at the stored hash's cost.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard PasswordScheme(hash: stored) != nil else { return false }
        // A too-long or NUL-containing password still costs one hash, so refusing it is not faster.
        let usable = (try? checkUsable(password)) != nil
        guard let computed = CryptLibrary.hash(usable ? password : "", setting: stored) else { return false }
        return constantTimeEqual(computed, stored) && usable
    }

    /// Whether the scheme of `stored` can be verified here.
    public static func canVerify(_ stored: String) -> Bool { PasswordScheme(hash: stored) != nil }

    /// The part of a stored hash that sets scheme, cost and salt (everything before the last
    /// `$`): hashing any password with it costs what verifying against `stored` costs.
    static func setting(of stored: String) -> String? {
        guard PasswordScheme(hash: stored) != nil, let lastDollar = stored.lastIndex(of: "$") else { return nil }
        if stored.hasPrefix("$2") {
            // bcrypt: "$2b$10$" + 22 salt characters, then the 31-character hash with no "$" between.
            let bytes = Array(stored.utf8)
            guard bytes.count >= 29 else { return nil }
            return String(decoding: bytes[0..<29], as: UTF8.self)
        }
        return String(stored[..<lastDollar])
    }

    /// Spends the time of one verification against `stored`'s setting and throws the result
    /// away: what a login with an unknown email does, so that it takes as long as a known one.
    static func spendVerificationTime(_ password: String, like stored: String) {
        let usable = (try? checkUsable(password)) != nil
        _ = CryptLibrary.hash(usable ? password : "", setting: setting(of: stored) ?? stored)
    }

    // MARK: - Helpers

    private static func checkUsable(_ password: String) throws(PasswordHashError) {
        if password.isEmpty { throw PasswordHashError(.unusablePassword, "the password is empty") }
        if password.utf8.contains(0) { throw PasswordHashError(.unusablePassword, "the password contains a NUL byte") }
        if password.utf8.count > CryptLibrary.maxPassphraseBytes {
            throw PasswordHashError(.unusablePassword, "the password is longer than \(CryptLibrary.maxPassphraseBytes) bytes")
        }
    }

    /// Compares every byte whatever the first difference, so the time says nothing about where
    /// two hashes start to differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
