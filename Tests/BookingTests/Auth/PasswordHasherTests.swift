import ClinicData
import Foundation
import Testing

/// Hashes made by other programs (pyca/bcrypt, passlib's pure-Python SHA-512 crypt, mkpasswd's
/// yescrypt) verify as they are, and hashes made here verify in those programs.
@Suite struct PasswordHasherTests {
    /// The repository's tests/auth folder.
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tests/auth")

    /// Debian's Python, which has python3-bcrypt and python3-passlib (scripts/setup.sh installs them).
    static let python = "/usr/bin/python3"

    struct Made { var scheme: String; var maker: String; var password: String; var hash: String }

    static func python(_ script: String, arguments: [String] = [], input: String = "") throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scripts.appendingPathComponent(script).path] + arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("\(script) failed (run scripts/setup.sh for python3-bcrypt, python3-passlib, whois): \(errors)")
        }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func hashesMadeByOtherProgramsVerify() throws {
        let made = try Self.python("make_hashes.py").map {
            Made(scheme: $0["scheme"] as! String, maker: $0["maker"] as! String, password: $0["password"] as! String,
                 hash: $0["hash"] as! String)
        }
        // 4 passwords × (2 bcrypt + 2 SHA-512 crypt + 1 yescrypt).
        #expect(made.count == 20)
        #expect(Set(made.map(\.scheme)) == ["bcrypt", "sha512crypt", "yescrypt"])
        #expect(made.contains { $0.hash.hasPrefix("$2a$05$") } && made.contains { $0.hash.hasPrefix("$2b$04$") })
        #expect(made.contains { $0.hash.hasPrefix("$6$rounds=1000$") } && made.contains { $0.hash.hasPrefix("$y$") })
        for item in made {
            #expect(PasswordScheme(hash: item.hash)?.rawValue == item.scheme)
            #expect(PasswordHasher.verify(item.password, against: item.hash), "\(item.maker): \(item.hash)")
            #expect(!PasswordHasher.verify(item.password + "x", against: item.hash), "\(item.maker): \(item.hash)")
            #expect(!PasswordHasher.verify(String(item.password.dropLast()), against: item.hash))
        }
    }

    @Test func hashesMadeHereVerifyInOtherPrograms() throws {
        var lines: [String] = []
        var expected: [String: Bool] = [:]
        for (scheme, cost) in [(PasswordScheme.bcrypt, 4), (.yescrypt, 1), (.sha512crypt, 1000)] {
            for password in ["s3cr3t!", "كلمة-سر-١٢٣"] {
                let hash = try PasswordHasher.hash(password, scheme: scheme, cost: cost)
                for (candidate, right) in [(password, true), (password + "!", false)] {
                    let object: [String: String] = ["password": candidate, "hash": hash]
                    lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
                    expected[hash + "|" + String(right)] = right
                }
            }
        }
        let results = try Self.python("verify_hashes.py", input: lines.joined(separator: "\n") + "\n")
        #expect(results.count == 12)
        for (i, result) in results.enumerated() {
            let shouldVerify = i % 2 == 0
            #expect(result["verified"] as? Bool == shouldVerify, "\(result)")
        }
        #expect(Set(results.map { $0["by"] as! String }) == ["pyca/bcrypt", "mkpasswd", "passlib builtin"])
    }

    @Test func newHashesHaveTheSchemeTheCostAndAFreshSalt() throws {
        let a = try PasswordHasher.hash("same", scheme: .bcrypt, cost: 5)
        let b = try PasswordHasher.hash("same", scheme: .bcrypt, cost: 5)
        #expect(a.hasPrefix("$2b$05$") && a.utf8.count == 60 && a != b)
        #expect(PasswordHasher.verify("same", against: a) && PasswordHasher.verify("same", against: b))
        let y = try PasswordHasher.hash("same", scheme: .yescrypt, cost: 1)
        #expect(y.hasPrefix("$y$") && PasswordHasher.verify("same", against: y))
        let s = try PasswordHasher.hash("same", scheme: .sha512crypt, cost: 1000)
        #expect(s.hasPrefix("$6$rounds=1000$") && PasswordHasher.verify("same", against: s))
        // The default: bcrypt, cost 10.
        #expect(try PasswordHasher.hash("same").hasPrefix("$2b$10$"))
    }

    @Test func unusablePasswordsAndCostsAreRefused() {
        #expect(throws: PasswordHashError.self) { try PasswordHasher.hash("", scheme: .bcrypt, cost: 4) }
        #expect(throws: PasswordHashError.self) { try PasswordHasher.hash("a\u{0}b", scheme: .bcrypt, cost: 4) }
        #expect(throws: PasswordHashError.self) { try PasswordHasher.hash(String(repeating: "x", count: 600), scheme: .bcrypt, cost: 4) }
        #expect(throws: PasswordHashError.self) { try PasswordHasher.hash("pw", scheme: .bcrypt, cost: 3) }
        #expect(throws: PasswordHashError.self) { try PasswordHasher.hash("pw", scheme: .yescrypt, cost: 12) }
    }

    @Test func hashesOfOtherSchemesNeverVerify() {
        for stored in ["plain-text-password", "", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
                       "pbkdf2_sha256$600000$salt$hash", "$1$abcdefgh$abcdefghijklmnopqrstuv", "$2b$04$short"] {
            #expect(!PasswordHasher.verify(stored, against: stored), "\(stored)")
            #expect(!PasswordHasher.canVerify(stored) || stored.hasPrefix("$2b$"))
        }
    }
}
