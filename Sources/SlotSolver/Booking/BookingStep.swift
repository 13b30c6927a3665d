/// The seed's five booking checks, in the order they run: a request stops at the first that fails.
public enum BookingStep: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    /// 1. Is the clinic open? (`clinic_days`)
    case clinicOpen = 1
    /// 2. Does a schedule exist for that weekday? (`Schedules`)
    case scheduleExists
    /// 3. Is the time inside the patient (or rep) hours, with the whole booking fitting?
    case withinHours
    /// 4. Is the slot free (the doctor's time, and the patient's or rep's other bookings)?
    case slotFree
    /// 5. Is the day's capacity (`max_patients` / `max_reps`) reached?
    case capacity

    /// The check's short name, as messages print it: "check 3 (hours)".
    public var name: String {
        switch self {
        case .clinicOpen: "clinic open"
        case .scheduleExists: "schedule"
        case .withinHours: "hours"
        case .slotFree: "slot free"
        case .capacity: "capacity"
        }
    }

    public var description: String { "check \(rawValue) (\(name))" }

    public static func < (lhs: BookingStep, rhs: BookingStep) -> Bool { lhs.rawValue < rhs.rawValue }
}
