import Dispatch
import Foundation

/// Rendered answers of the read routes, kept for the snapshot they were made from: a key names
/// the route, its parameters as the handler resolved them (a default date already chosen) and
/// the viewer's audience (`ViewScope.audience`), so that a user never gets an answer made for
/// another scope. A newer snapshot empties the cache. Concurrent requests for one missing key
/// wait for the one rendering it rather than each rendering it.
final class AnswerCache: @unchecked Sendable {
    /// The answers kept for one snapshot at most (a week page of a large clinic is some 100 kB).
    static let capacity = 512

    private let lock = NSLock()
    private var generation = -1
    private var entries: [AnswerKey: Entry] = [:]

    /// One answer, or the rendering of it under way.
    private final class Entry: @unchecked Sendable {
        let done = DispatchGroup()
        var value: Any?
        init() { done.enter() }
    }

    /// The answer for `key` made from the snapshot `generation`, made by `render` unless a
    /// request already made it (or is making it). A failure is not kept: it is thrown to this
    /// request, and the next one tries again.
    func answer<Value>(_ key: AnswerKey, generation: Int, render: () throws -> Value) rethrows -> Value {
        let (entry, renders) = lock.withLock { () -> (Entry?, Bool) in
            if generation > self.generation {
                self.generation = generation
                entries.removeAll(keepingCapacity: true)
            }
            // An answer for an older snapshot than the cache holds is made but not kept.
            guard generation == self.generation else { return (nil, true) }
            if let found = entries[key] { return (found, false) }
            guard entries.count < AnswerCache.capacity else { return (nil, true) }
            let entry = Entry()
            entries[key] = entry
            return (entry, true)
        }
        guard let entry else { return try render() }
        if !renders {
            entry.done.wait()
            if let value = entry.value as? Value { return value }
            // The rendering failed: this request renders for itself.
            return try render()
        }
        do {
            let value = try render()
            entry.value = value
            entry.done.leave()
            return value
        } catch {
            lock.withLock {
                if entries[key] === entry { entries[key] = nil }
            }
            entry.done.leave()
            throw error
        }
    }
}

/// What one cached answer is for.
struct AnswerKey: Hashable {
    var route: String
    var parameters: [String]
    var audience: ViewScope.Audience
}
