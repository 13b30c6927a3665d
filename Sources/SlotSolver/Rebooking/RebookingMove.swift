/// One item that needed a new slot: where it was, and where it goes (or why it cannot).
public struct RebookingMove: Hashable, Sendable {
    public var kind: ItemKind
    /// Index into `model.appointments` (appointments) or `model.visits` (rep visits).
    public var record: Int32
    public var doctor: Int32
    /// The patient (appointments) or the rep (visits).
    public var person: Int32
    /// The original occurrence: for a weekly appointment, the date of this occurrence.
    public var fromDate: LocalDate
    public var fromStart: MinuteOfDay
    /// The new date and start; nil when the item cannot be placed.
    public var toDate: LocalDate?
    public var toStart: MinuteOfDay?
    /// Length in minutes at the new slot (appointments: the target weekday's appointment length),
    /// or at the original slot when unplaced.
    public var length: Int32
    /// t − o in days, or (range end − o) when unplaced (range end = the day after the last date).
    public var delayDays: Int
    /// Why the item could not be placed, in words a clinic manager reads; nil when placed.
    public var unplacedReason: String?

    public init(kind: ItemKind, record: Int32, doctor: Int32, person: Int32, fromDate: LocalDate,
                fromStart: MinuteOfDay, toDate: LocalDate?, toStart: MinuteOfDay?, length: Int32,
                delayDays: Int, unplacedReason: String?) {
        self.kind = kind
        self.record = record
        self.doctor = doctor
        self.person = person
        self.fromDate = fromDate
        self.fromStart = fromStart
        self.toDate = toDate
        self.toStart = toStart
        self.length = length
        self.delayDays = delayDays
        self.unplacedReason = unplacedReason
    }

    public var isPlaced: Bool { toDate != nil }
}
