/// One record before and after a change. An insert has no `before`.
public struct RecordChange<Record: StoredRecord>: Hashable, Sendable {
    public var before: Record?
    public var after: Record

    public init(before: Record? = nil, after: Record) {
        self.before = before
        self.after = after
    }

    public static func insert(_ record: Record) -> RecordChange { RecordChange(after: record) }
    public static func update(_ before: Record, to after: Record) -> RecordChange { RecordChange(before: before, after: after) }

    public var isInsert: Bool { before == nil }
}

/// One change to the clinic's data, as every writing command makes them (rebook, book, cancel,
/// close, users). It carries the record as it was, so that it can be applied to the data folder,
/// printed as a mongosh script that refuses a document changed since, and audited as from → to,
/// all from this one value.
public enum DataChange: Hashable, Sendable {
    case appointment(RecordChange<Appointment>)
    case repVisit(RecordChange<RepVisit>)
    case clinicDay(RecordChange<ClinicDay>)
    case user(RecordChange<User>)

    /// The collection the record lives in.
    public var collection: CollectionName {
        switch self {
        case .appointment: .appointments
        case .repVisit: .repVisits
        case .clinicDay: .clinicDays
        case .user: .users
        }
    }

    public var isInsert: Bool {
        switch self {
        case .appointment(let c): c.isInsert
        case .repVisit(let c): c.isInsert
        case .clinicDay(let c): c.isInsert
        case .user(let c): c.isInsert
        }
    }

    /// The record's `_id`.
    public var id: DocumentID { fields.id }

    /// The record's stored fields before (nil for an insert) and after, in the seed's order.
    var fields: (before: [(key: String, value: JSONValue?)]?, after: [(key: String, value: JSONValue?)], id: DocumentID) {
        func of<R: StoredRecord>(_ c: RecordChange<R>) -> ([(key: String, value: JSONValue?)]?, [(key: String, value: JSONValue?)], DocumentID) {
            (c.before?.fields(.relaxed), c.after.fields(.relaxed), c.after.id)
        }
        switch self {
        case .appointment(let c): return of(c)
        case .repVisit(let c): return of(c)
        case .clinicDay(let c): return of(c)
        case .user(let c): return of(c)
        }
    }
}

/// A change that no longer fits the data: the record it edits changed or vanished since the
/// change was computed, or the `_id` it inserts is taken.
public struct ChangeConflict: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Changes applied together: to a dataset (then written with `DataFolder.write`), as a mongosh
/// script, as JSON and into the audit log.
public struct ChangeSet: Hashable, Sendable {
    public var changes: [DataChange]

    public init(_ changes: [DataChange] = []) { self.changes = changes }

    public var isEmpty: Bool { changes.isEmpty }
    public var count: Int { changes.count }

    public static func + (lhs: ChangeSet, rhs: ChangeSet) -> ChangeSet { ChangeSet(lhs.changes + rhs.changes) }

    /// The dataset with every change made: an update replaces its record in place (order kept)
    /// and an insert is appended. Throws, changing nothing, when an update's record is not as it
    /// was when the change was made, or an insert's `_id` is taken.
    ///
    /// - Complexity: O(records + changes)
    public func applied(to dataset: ClinicDataset) throws(ChangeConflict) -> ClinicDataset {
        var result = dataset
        try Self.apply(changes.compactMap { if case .appointment(let c) = $0 { c } else { nil } }, to: &result.appointments)
        try Self.apply(changes.compactMap { if case .repVisit(let c) = $0 { c } else { nil } }, to: &result.repVisits)
        try Self.apply(changes.compactMap { if case .clinicDay(let c) = $0 { c } else { nil } }, to: &result.clinicDays)
        try Self.apply(changes.compactMap { if case .user(let c) = $0 { c } else { nil } }, to: &result.users)
        return result
    }

    private static func apply<R: StoredRecord>(_ changes: [RecordChange<R>], to records: inout [R]) throws(ChangeConflict) {
        guard !changes.isEmpty else { return }
        var index = Dictionary(records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for change in changes {
            let id = change.after.id
            if let before = change.before {
                guard let i = index[before.id], records[i] == before else {
                    throw ChangeConflict(description: "the \(R.collection.rawValue) document \(before.id) changed since the change was made")
                }
                records[i] = change.after
            } else {
                guard index[id] == nil else {
                    throw ChangeConflict(description: "the \(R.collection.rawValue) _id \(id) is taken")
                }
                index[id] = records.count
                records.append(change.after)
            }
        }
    }
}
