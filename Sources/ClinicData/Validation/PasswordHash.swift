/// Recognises stored password hashes, so that loading can warn about plain-text passwords.
enum PasswordHash {
    /// Modular-crypt and framework prefixes: bcrypt, yescrypt, gost-yescrypt, scrypt, SHA-crypt,
    /// argon2, PBKDF2 (passlib, Django, Werkzeug).
    static let prefixes = [
        "$2a$", "$2b$", "$2x$", "$2y$", "$y$", "$gy$", "$7$", "$6$", "$5$", "$argon2", "$scrypt$", "$pbkdf2",
        "argon2$", "bcrypt$", "bcrypt_sha256$", "pbkdf2_sha256$", "pbkdf2_sha1$", "scrypt$", "pbkdf2:", "scrypt:",
    ]

    /// Whether `password` looks like a hash: a known prefix followed by enough material, or a
    /// bare hex digest of SHA-1/SHA-256/SHA-512 length.
    static func looksHashed(_ password: String) -> Bool {
        if password.utf8.count >= 20, prefixes.contains(where: { password.hasPrefix($0) }) { return true }
        let hexLengths = [40, 64, 128]
        return hexLengths.contains(password.utf8.count) && password.utf8.allSatisfy {
            ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70)
        }
    }
}
