import ClinicData
import Foundation

/// The server's long-lived secrets, kept beside the data in `.clinic-plan-serve.json` (mode
/// 0600, written atomically) so that they survive a restart: each doctor's calendar-feed token
/// (rotatable; a calendar app subscribes with it in the URL) and the API bearer tokens an admin
/// issued, each acting as one user's email.
final class ServerSecrets: @unchecked Sendable {
    static let fileName = ".clinic-plan-serve.json"

    private let url: URL
    private let lock = NSLock()
    private var feeds: [String: String]
    private var bearers: [String: String]

    init(folder: URL) {
        url = folder.appendingPathComponent(ServerSecrets.fileName)
        let stored = (try? Data(contentsOf: url)).flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
        feeds = stored?["feeds"] as? [String: String] ?? [:]
        bearers = stored?["bearers"] as? [String: String] ?? [:]
    }

    /// The doctor's feed token, made on first use.
    func feedToken(doctor: String) throws -> String {
        try lock.withLock {
            if let token = feeds[doctor] { return token }
            let token = Secret.make()
            feeds[doctor] = token
            try save()
            return token
        }
    }

    /// Replaces the doctor's feed token: the old URL stops working at once.
    func rotateFeedToken(doctor: String) throws -> String {
        try lock.withLock {
            let token = Secret.make()
            feeds[doctor] = token
            try save()
            return token
        }
    }

    func feedTokenMatches(doctor: String, token: String) -> Bool {
        lock.withLock { feeds[doctor].map { Secret.equal($0, token) } ?? false }
    }

    func issueBearer(email: String) throws -> String {
        try lock.withLock {
            let token = Secret.make()
            bearers[token] = email
            try save()
            return token
        }
    }

    /// The email a bearer token acts as.
    func bearerEmail(_ token: String) -> String? {
        lock.withLock { bearers.first { Secret.equal($0.key, token) }?.value }
    }

    private func save() throws {
        let object: [String: Any] = ["feeds": feeds, "bearers": bearers]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        try AtomicFile.write(Array(data), to: url)
        chmod(url.path, 0o600)
    }
}
