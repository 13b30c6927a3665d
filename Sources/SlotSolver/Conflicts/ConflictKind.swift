/// The kinds of conflict of scheduling.md, in the order of the spec's table (which is also the
/// order reports list them in).
public enum ConflictKind: String, CaseIterable, Sendable, Comparable {
    case closedDay = "closed_day", noSchedule = "no_schedule", outsideHours = "outside_hours",
         doubleBooking = "double_booking", repDoubleBooked = "rep_double_booked",
         patientDoubleBooked = "patient_double_booked", overCapacity = "over_capacity",
         invalidSchedule = "invalid_schedule"

    /// Position in the spec's table.
    @usableFromInline var rank: Int {
        switch self {
        case .closedDay: 0
        case .noSchedule: 1
        case .outsideHours: 2
        case .doubleBooking: 3
        case .repDoubleBooked: 4
        case .patientDoubleBooked: 5
        case .overCapacity: 6
        case .invalidSchedule: 7
        }
    }

    @inlinable public static func < (lhs: ConflictKind, rhs: ConflictKind) -> Bool { lhs.rank < rhs.rank }
}

/// Whom a conflict is about: a doctor, a rep or a patient, by dense index.
///
/// Ordered doctors first, then reps, then patients, each by index: the order reports use.
public enum ConflictSubject: Hashable, Sendable, Comparable {
    case doctor(Int32), rep(Int32), patient(Int32)

    @usableFromInline var sortKey: (Int, Int32) {
        switch self {
        case .doctor(let i): (0, i)
        case .rep(let i): (1, i)
        case .patient(let i): (2, i)
        }
    }

    @inlinable public static func < (lhs: ConflictSubject, rhs: ConflictSubject) -> Bool {
        lhs.sortKey < rhs.sortKey
    }
}
