/// One conflict: what is wrong, about whom, on which date and with which items.
public struct Conflict: Hashable, Sendable {
    public var kind: ConflictKind
    public var subject: ConflictSubject
    /// nil only for `invalid_schedule`, which is about a schedule, not a date.
    public var date: LocalDate?
    /// Display ids of the items (or schedules) involved, in time order (schedules in file order).
    public var ids: [String]
    /// One human sentence, e.g. "3 booked appointments, max_patients 2".
    public var detail: String

    public init(kind: ConflictKind, subject: ConflictSubject, date: LocalDate?, ids: [String], detail: String) {
        self.kind = kind
        self.subject = subject
        self.date = date
        self.ids = ids
        self.detail = detail
    }

    /// The report order: date (undated first), kind in table order, subject, then ids.
    public static func reportOrder(_ lhs: Conflict, _ rhs: Conflict) -> Bool {
        let l = lhs.date.map { Int64($0.daysSinceEpoch) } ?? Int64.min
        let r = rhs.date.map { Int64($0.daysSinceEpoch) } ?? Int64.min
        if l != r { return l < r }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        return lhs.ids.lexicographicallyPrecedes(rhs.ids)
    }
}
