/// The password-hash schemes clinic-plan verifies and makes, all through the system's libxcrypt,
/// in the modular crypt format web stacks store (`$2b$10$…`, `$y$j9T$…`, `$6$rounds=…$…`).
public enum PasswordScheme: String, CaseIterable, Sendable, CustomStringConvertible {
    /// bcrypt (`$2b$`; `$2a$` and `$2y$` verify too): what Node's bcrypt, PHP and Rails store.
    case bcrypt
    /// yescrypt (`$y$`): the default of current Debian, Fedora and Ubuntu for system passwords.
    case yescrypt
    /// SHA-512 crypt (`$6$`): older Linux systems, passlib and Django's crypt hasher.
    case sha512crypt

    /// The scheme of a stored hash, or nil when libxcrypt-style verification does not apply
    /// (argon2, PBKDF2, plain text, …).
    public init?(hash: String) {
        if hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$") || hash.hasPrefix("$2y$") {
            self = .bcrypt
        } else if hash.hasPrefix("$y$") {
            self = .yescrypt
        } else if hash.hasPrefix("$6$") {
            self = .sha512crypt
        } else {
            return nil
        }
    }

    /// The prefix `crypt_gensalt` takes to make a new setting of this scheme.
    var gensaltPrefix: String {
        switch self {
        case .bcrypt: "$2b$"
        case .yescrypt: "$y$"
        case .sha512crypt: "$6$"
        }
    }

    /// The cost new hashes get unless told otherwise: bcrypt 2^10 rounds and yescrypt 5 (about
    /// 50–100 ms on a current core: slow for guessing, quick for one login), SHA-512 crypt 5000 rounds.
    public var defaultCost: Int {
        switch self {
        case .bcrypt: 10
        case .yescrypt: 5
        case .sha512crypt: 5000
        }
    }

    /// The costs libxcrypt accepts: bcrypt's log2 rounds, yescrypt's cost factor, SHA-512 crypt's rounds.
    public var costRange: ClosedRange<Int> {
        switch self {
        case .bcrypt: 4...31
        case .yescrypt: 1...11
        case .sha512crypt: 1000...999_999_999
        }
    }

    public var description: String { rawValue }
}
