import ClinicData
import Foundation

/// A signed-in browser: who (by user `_id` and email), the CSRF token its forms carry, and when
/// it expires (server-side; the cookie itself has no lifetime, so it ends with the browser too).
struct WebSession: Sendable {
    var id: String
    var userID: DocumentID
    var email: String
    var csrf: String
    var expires: Date
}

/// The server's sessions, in memory: a restart signs everyone out. Sessions expire after
/// `lifetime` seconds without a request (each request extends it).
final class SessionStore: @unchecked Sendable {
    let lifetime: TimeInterval
    private let lock = NSLock()
    private var sessions: [String: WebSession] = [:]

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    func create(for user: User, now: Date = Date()) -> WebSession {
        let session = WebSession(id: Secret.make(), userID: user.id, email: user.email, csrf: Secret.make(),
                                 expires: now.addingTimeInterval(lifetime))
        lock.withLock {
            // Expired sessions are dropped as new ones come, so the table never grows without end.
            sessions = sessions.filter { $0.value.expires > now }
            sessions[session.id] = session
        }
        return session
    }

    /// The live session with this id, its expiry extended; nil when unknown or expired.
    func find(_ id: String, now: Date = Date()) -> WebSession? {
        lock.withLock {
            guard var session = sessions[id] else { return nil }
            guard session.expires > now else {
                sessions[id] = nil
                return nil
            }
            session.expires = now.addingTimeInterval(lifetime)
            sessions[id] = session
            return session
        }
    }

    func end(_ id: String) {
        _ = lock.withLock { sessions.removeValue(forKey: id) }
    }
}

/// Random secrets: 128 bits from the system's cryptographic generator, as 32 hex digits.
enum Secret {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares in time that does not depend on where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
