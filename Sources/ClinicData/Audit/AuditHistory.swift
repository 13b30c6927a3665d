/// What the audit log says about each record's past: how many confirmed changes edited it and
/// when the last one was. Calendars use it for `SEQUENCE` and `LAST-MODIFIED`, so that a
/// re-imported file updates the events a calendar took from an earlier one.
public struct AuditHistory: Sendable {
    public struct Revision: Hashable, Sendable {
        /// Confirmed changes that edited the record (inserts not counted: a new record is revision 0).
        public var updates: Int
        /// When the record was last inserted or edited.
        public var lastModified: Instant
        /// The dates the record was moved away from (an update's `from.date`), oldest first: a
        /// calendar that took the record at one of them must hear where it went.
        public var movedFrom: [Instant] = []
    }

    /// By the record's `_id` as printed (ObjectId hex, digits or string).
    public private(set) var revisions: [String: Revision] = [:]

    public init() {}

    /// The revision of the record with this `_id` as printed (ObjectId hex in any letter case).
    public func revision(of id: String) -> Revision? { revisions[id.lowercased()] ?? revisions[id] }

    /// Reads `audit.jsonl` in `folder`; a missing log is an empty history, and lines that are not
    /// confirmed entries with changes (refusals, older entries, damaged lines) are skipped. Only
    /// a regular file is read, never through a symbolic link (a link to a device or a FIFO could
    /// make a calendar export hang).
    public init(folder: String) {
        let path = folder + "/" + AuditLog.fileName
        guard !FileIO.isSymbolicLink(path), FileIO.kind(of: path) == .file,
              let bytes = try? FileIO.readAll(path) else { return }
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if end > start { record(line: Array(bytes[start..<end])) }
            start = end + 1
        }
    }

    private mutating func record(line: [UInt8]) {
        let parsed: JSONValue? = line.withUnsafeBytes { buffer in
            var parser = JSONParser(bytes: buffer)
            return try? parser.parseValue()
        }
        guard let entry = parsed, case .string("confirmed")? = entry["outcome"],
              case .string(let time)? = entry["time"], let milliseconds = ISODate.parse(time),
              case .array(let changes)? = entry["changes"] else { return }
        let instant = Instant(epochMilliseconds: milliseconds)
        for change in changes {
            guard let id = change["_id"].flatMap(Self.idText) else { continue }
            let isUpdate = change["op"] == .string("update")
            var revision = revisions[id] ?? Revision(updates: 0, lastModified: instant)
            if isUpdate { revision.updates += 1 }
            if isUpdate, case .object(let from)? = change["from"], case .object(let date)? = from["date"],
               case .string(let text)? = date["$date"], let moved = ISODate.parse(text) {
                revision.movedFrom.append(Instant(epochMilliseconds: moved))
            }
            revision.lastModified = max(revision.lastModified, instant)
            revisions[id] = revision
        }
    }

    /// `{"$oid": h}` → h, a number → its digits, a string → itself.
    private static func idText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let digits): digits
        case .object(let object): if case .string(let hex)? = object["$oid"] { hex.lowercased() } else { nil }
        default: nil
        }
    }
}
