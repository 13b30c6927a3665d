/// One appointment or rep visit in a doctor's day plan.
public struct PlanEntry: Hashable, Sendable {
    public var kind: ItemKind
    /// The display id of the appointment or visit.
    public var id: String
    /// The patient (appointments) or rep (visits) index.
    public var person: Int32
    public var interval: MinuteInterval
    /// True when the item is in any conflict of that date.
    public var conflicted: Bool

    public init(kind: ItemKind, id: String, person: Int32, interval: MinuteInterval, conflicted: Bool) {
        self.kind = kind
        self.id = id
        self.person = person
        self.interval = interval
        self.conflicted = conflicted
    }
}
