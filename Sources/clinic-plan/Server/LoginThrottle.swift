import Foundation

/// The sign-in rate limit: at most `limit` failed attempts per email, and `limit * 4` per client
/// address, within a sliding `window` of seconds. Over it, attempts are refused before the
/// password is even checked, until the oldest failure leaves the window.
final class LoginThrottle: @unchecked Sendable {
    let limit: Int
    let window: TimeInterval
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// nil when an attempt may go ahead, else the seconds to wait.
    func wait(email: String, address: String, now: Date = Date()) -> Int? {
        lock.withLock {
            let waits = [(key(email: email), limit), (key(address: address), limit * 4)].compactMap { key, allowed in
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent
                return recent.count >= allowed ? Int((window - now.timeIntervalSince(recent[recent.count - allowed])).rounded(.up)) : nil
            }
            return waits.max().map { max($0, 1) }
        }
    }

    func recordFailure(email: String, address: String, now: Date = Date()) {
        lock.withLock {
            failures[key(email: email), default: []].append(now)
            failures[key(address: address), default: []].append(now)
        }
    }

    private func key(email: String) -> String { "email:" + email.lowercased() }
    private func key(address: String) -> String { "address:" + address }
}
