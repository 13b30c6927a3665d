/// Why a booking request was refused: the first of the five checks that failed, with the facts
/// that made it fail.
public enum BookingRejection: Hashable, Sendable, CustomStringConvertible {
    /// Check 1: a `clinic_days` document closes the doctor's date.
    case clinicClosed(reason: String)
    /// Check 2: the doctor has no schedule for the date's weekday.
    case noSchedule(Weekday)
    /// Check 3: the booking does not fit in the window (patient hours or rep hours).
    case outsideHours(slot: MinuteInterval, window: MinuteInterval)
    /// Check 3: the booking fits in the hours but does not start on a slot of the day's grid
    /// (`SlotGrid`), so it would split two slots; `book --any-time` allows it.
    case offGrid(slot: MinuteInterval, grid: SlotGrid)
    /// Check 4: the slot overlaps these occupying items (time order).
    case slotTaken(slot: MinuteInterval, clashes: [BookingClash])
    /// Check 5: the doctor already has `count` occupying items of the requested kind that date.
    case capacityReached(count: Int, limit: Int)

    /// Which check failed.
    public var step: BookingStep {
        switch self {
        case .clinicClosed: .clinicOpen
        case .noSchedule: .scheduleExists
        case .outsideHours, .offGrid: .withinHours
        case .slotTaken: .slotFree
        case .capacityReached: .capacity
        }
    }

    /// Whether the nearest free slots are worth offering: the date works, but not this time
    /// (checks 3 and 4) or not this date (check 5).
    public var suggestsOtherSlots: Bool {
        switch step {
        case .withinHours, .slotFree, .capacity: true
        case .clinicOpen, .scheduleExists: false
        }
    }

    public var description: String { "\(step) failed" }
}

/// An occupying item that a requested slot overlaps.
public struct BookingClash: Hashable, Sendable {
    /// Whose time it takes: the doctor's (any item of the doctor), or only the requesting
    /// patient's or rep's (their booking with another doctor).
    public enum Holder: Hashable, Sendable { case doctor, person }

    public var holder: Holder
    public var kind: ItemKind
    /// The item's display id.
    public var id: String
    /// The item's doctor (for a person's booking, the other doctor).
    public var doctor: Int32
    public var interval: MinuteInterval

    public init(holder: Holder, kind: ItemKind, id: String, doctor: Int32, interval: MinuteInterval) {
        self.holder = holder
        self.kind = kind
        self.id = id
        self.doctor = doctor
        self.interval = interval
    }
}
