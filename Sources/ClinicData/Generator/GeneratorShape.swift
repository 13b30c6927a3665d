/// Profiles of generated clinics: what real clinics look like, and what makes rebooking hard.
///
/// `standard` is the generator's original clinic, draw for draw (the same options give the
/// same folder as before shapes existed, password hashes aside). Every other shape changes a
/// few of the numbers below and nothing else, so a shape's effect can be read off this file.
public enum GeneratorShape: String, CaseIterable, Sendable {
    /// About 60% of patient slots booked, a closure on 2% of working dates plus one clinic-wide
    /// holiday, visits of 10–30 min, people drawn from everyone.
    case standard
    /// Closures on 15% of working dates (plus the holiday): many booked items need a new slot.
    case closures
    /// Bookings (none cancelled) fill 97% of slots up to the cap, rep hours fill up to max_reps: most days sit at
    /// or one short of `max_patients`/`max_reps`, so moved items compete for a few places.
    case nearCap = "near-cap"
    /// Caps equal the slots of the window and every slot is booked (none cancelled), with closures on 10% of
    /// working dates: far more to move than there is room for, many items stay unplaced.
    case overfull
    /// Bookings draw from a tenth of the patients and rep visits from an eighth of the reps (at
    /// least 3): patients with several doctors, reps visiting many doctors, often the same day.
    case sharedPeople = "shared-people"
    /// Appointments of 30, 45 or 60 min, rep visits of 30–60 min in 2–4 hour rep windows.
    case longVisits = "long-visits"
    /// No closed dates at all (extra openings stay): only rescheduled visits need a slot.
    case noClosures = "no-closures"

    /// One line for `generate --help`.
    public var summary: String {
        switch self {
        case .standard: "about 60% of slots booked, closures on 2% of dates and one holiday"
        case .closures: "closures on 15% of working dates plus the holiday"
        case .nearCap: "97% of slots booked up to the cap, rep hours full: days at or near max_patients/max_reps"
        case .overfull: "caps equal to the slots, all booked, closures on 10% of dates: many items cannot be placed"
        case .sharedPeople: "a tenth of the patients and an eighth of the reps take every booking: patients with several doctors, reps shared by many"
        case .longVisits: "appointments of 30-60 min, rep visits of 30-60 min"
        case .noClosures: "no closures: only the rescheduled visits need a slot"
        }
    }

    // MARK: - The numbers a shape sets

    /// The chance that a working date (not the holiday) is closed.
    var closureRate: Double {
        switch self {
        case .closures: 0.15
        case .overfull: 0.10
        case .noClosures: 0
        default: 0.02
        }
    }

    /// Whether one weekday of the second week is a clinic-wide holiday.
    var hasHoliday: Bool { self != .noClosures }

    /// The share of patient slots booked (up to the cap) when the configuration does not say.
    var appointmentFill: Double {
        switch self {
        case .nearCap: 0.97
        case .overfull: 1.0
        default: 0.6
        }
    }

    /// The chance that a dated booking is `cancelled` (its slot left free). None at the caps'
    /// shapes, where a cancelled booking would free a slot that the shape means to be taken.
    var cancelledShare: Double {
        switch self {
        case .nearCap, .overfull: 0
        default: 0.05
        }
    }

    /// `max_patients` as a share of the window's slots.
    var capShare: ClosedRange<Double> { self == .overfull ? 1.0...1.0 : 0.7...1.0 }

    /// The chance that one more visit is booked into the rep hours of a date (while under max_reps).
    var nextVisitChance: Double {
        switch self {
        case .nearCap: 0.95
        case .overfull: 1.0
        default: 0.7
        }
    }

    /// Visit lengths, in steps of 5 minutes.
    var visitSteps: ClosedRange<Int32> { self == .longVisits ? 6...12 : 2...6 }

    /// Rep window lengths, in steps of 30 minutes.
    var repWindowSteps: ClosedRange<Int> { self == .longVisits ? 4...8 : 2...4 }

    /// The schedules' `appointment_minutes` (nil: absent, 15 min).
    var appointmentMinutes: [Int?] { self == .longVisits ? [30, 45, 60] : [nil, 15, 20, 30] }

    /// How many of `patients` the bookings draw from.
    func patientPool(_ patients: Int) -> Int { self == .sharedPeople ? max(1, patients / 10) : patients }

    /// How many of `reps` the visits draw from.
    func repPool(_ reps: Int) -> Int { self == .sharedPeople ? min(reps, max(3, reps / 8)) : reps }
}
