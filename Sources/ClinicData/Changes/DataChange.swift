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

    /// The change whatever its record type: the one switch over the kinds of change.
    fileprivate var change: any AnyRecordChange {
        switch self {
        case .appointment(let c): c
        case .repVisit(let c): c
        case .clinicDay(let c): c
        case .user(let c): c
        }
    }

    /// The collection the record lives in.
    public var collection: CollectionName { change.collection }

    public var isInsert: Bool { change.isInsert }

    /// The record's `_id`.
    public var id: DocumentID { change.id }

    /// The record's stored fields before (nil for an insert) and after, in the seed's order.
    var fields: (before: [(key: String, value: JSONValue?)]?, after: [(key: String, value: JSONValue?)], id: DocumentID) {
        change.fields
    }
}

/// A `RecordChange` of any collection, for the work that does not depend on which.
private protocol AnyRecordChange: Sendable {
    var collection: CollectionName { get }
    var isInsert: Bool { get }
    var id: DocumentID { get }
    var fields: (before: [(key: String, value: JSONValue?)]?, after: [(key: String, value: JSONValue?)], id: DocumentID) { get }
    /// `changes` (all of this type) made to their collection of `dataset`.
    static func apply(_ changes: [any AnyRecordChange], to dataset: inout ClinicDataset) throws(ChangeConflict)
}

extension RecordChange: AnyRecordChange where Record: CollectionRecord {
    fileprivate var collection: CollectionName { Record.collection }
    fileprivate var id: DocumentID { after.id }

    fileprivate var fields: (before: [(key: String, value: JSONValue?)]?, after: [(key: String, value: JSONValue?)],
                             id: DocumentID) {
        (before?.fields(.relaxed), after.fields(.relaxed), after.id)
    }

    fileprivate static func apply(_ changes: [any AnyRecordChange], to dataset: inout ClinicDataset) throws(ChangeConflict) {
        try ChangeSet.apply(changes.compactMap { $0 as? Self }, to: &dataset[keyPath: Record.records])
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
        for collection in CollectionName.allCases {
            let changes = changes.filter { $0.collection == collection }.map(\.change)
            guard let first = changes.first else { continue }
            try type(of: first).apply(changes, to: &result)
        }
        return result
    }

    fileprivate static func apply<R: StoredRecord>(_ changes: [RecordChange<R>], to records: inout [R]) throws(ChangeConflict) {
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
