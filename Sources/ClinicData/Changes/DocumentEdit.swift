/// A change as operations on one document, the form the mongosh script, the JSON and the audit
/// log share: which document and the field values it must still have (`expected`), and what the
/// update sets, removes, adds to an array or pulls from one. Arrays (`skip_dates`) are edited
/// element by element, so an element another process added since the export is kept.
struct DocumentEdit {
    var collection: CollectionName
    var id: JSONValue
    /// The whole new document, for an insert; nil for an update.
    var inserted: JSONValue?
    /// Field values the document must still have for the update to apply (nil: absent or null):
    /// every field the update changes, and the fields a booking is read by (status, date, time,
    /// day, is_open, password), as they were when the change was computed.
    var expected: [(key: String, value: JSONValue?)] = []
    var set: [(key: String, value: JSONValue)] = []
    var unset: [String] = []
    /// Array elements the update adds, which the document must not hold yet (a `skip_dates`
    /// entry already there means someone cancelled that occurrence since), and those it removes,
    /// which it must still hold.
    var added: [(key: String, values: [JSONValue])] = []
    var pulled: [(key: String, values: [JSONValue])] = []
    /// The changed fields before and after (whole arrays), for the audit log and JSON.
    var from: [(key: String, value: JSONValue?)] = []
    var to: [(key: String, value: JSONValue?)] = []

    /// The fields an update is always guarded by, when the document has them.
    private static let guardFields: Set<String> = ["status", "date", "time", "day", "is_open", "password"]

    init(_ change: DataChange) {
        let (before, after, id) = change.fields
        collection = change.collection
        self.id = ExtendedJSON.encode(id: id, mode: .relaxed)
        guard let before else {
            inserted = .object(JSONObject(after.compactMap { field in field.value.map { JSONMember(field.key, $0) } }))
            to = after.filter { $0.value != nil }
            return
        }
        let old = Dictionary(before.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        for field in after where field.key != "_id" {
            let was = old[field.key] ?? nil
            guard was != field.value else {
                if Self.guardFields.contains(field.key) { expected.append((field.key, was)) }
                continue
            }
            from.append((field.key, was))
            to.append((field.key, field.value))
            if let (old, new) = Self.arrays(was, field.value) {
                let added = new.filter { !old.contains($0) }, pulled = old.filter { !new.contains($0) }
                if !added.isEmpty { self.added.append((field.key, added)) }
                if !pulled.isEmpty { self.pulled.append((field.key, pulled)) }
            } else {
                expected.append((field.key, was))
                if let value = field.value { set.append((field.key, value)) } else { unset.append(field.key) }
            }
        }
    }

    /// The elements before and after when the field is an array on either side (an absent field
    /// is an empty array then: the writer leaves out an empty `skip_dates`); nil otherwise.
    private static func arrays(_ old: JSONValue?, _ new: JSONValue?) -> ([JSONValue], [JSONValue])? {
        switch (old, new) {
        case (.array(let a)?, .array(let b)?): (a, b)
        case (nil, .array(let b)?): ([], b)
        case (.array(let a)?, nil): (a, [])
        default: nil
        }
    }
}
