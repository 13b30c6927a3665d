import Foundation

/// One line of the audit log: who tried which writing action on which records, and how it
/// ended. Built only from these fields, so a password can never end up in the log.
public struct AuditEntry: Hashable, Sendable {
    /// How a writing command ended.
    public enum Outcome: String, Sendable, CaseIterable {
        /// The change was written.
        case confirmed
        /// A booking check (or a rule such as "already cancelled") refused it; nothing changed.
        case rejected
        /// The user signed in but may not do this.
        case forbidden
        /// The email or password was wrong, or no password was given.
        case loginFailed = "login_failed"
        /// Bad input, a busy lock or a failed write; nothing changed.
        case failed
    }

    public var time: Instant
    /// The email given with `--as` (as typed: it may not belong to any user).
    public var user: String
    /// The command: `book`, `cancel`, `close`, `users add`, `users passwd`.
    public var action: String
    /// The records involved, as (field, id) pairs in a fixed order: `doctor_id`, `patient_id`, ….
    public var ids: [(String, String)]
    public var outcome: Outcome
    /// One sentence: what was written, or why not.
    public var detail: String
    /// What a confirmed entry changed, every record from → to (empty otherwise).
    public var changes: ChangeSet

    public init(time: Instant = .now, user: String, action: String, ids: [(String, String)] = [],
                outcome: Outcome, detail: String = "", changes: ChangeSet = ChangeSet()) {
        self.time = time
        self.user = user
        self.action = action
        self.ids = ids
        self.outcome = outcome
        self.detail = detail
        self.changes = changes
    }

    /// The entry as one line of compact JSON (no newline).
    public var jsonLine: String {
        let idObject = JSONObject(ids.map { JSONMember($0.0, .string($0.1)) })
        return JSONValue.object(JSONObject([
            JSONMember("time", .string(time.description)),
            JSONMember("user", .string(user)),
            JSONMember("action", .string(action)),
            JSONMember("ids", .object(idObject)),
            JSONMember("outcome", .string(outcome.rawValue)),
            JSONMember("detail", .string(detail)),
            JSONMember("changes", changes.json),
        ])).description
    }

    public static func == (lhs: AuditEntry, rhs: AuditEntry) -> Bool { lhs.jsonLine == rhs.jsonLine }
    public func hash(into hasher: inout Hasher) { hasher.combine(jsonLine) }
}

extension Instant {
    /// The current time, to the millisecond.
    public static var now: Instant {
        Instant(epochMilliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
