import ClinicData
import SlotSolver

/// Finding the appointments and visits a writing command names by `_id` (as printed: ObjectId
/// hex, digits or string, any letter case), and the instants it writes.
extension Clinic {
    func appointmentIndex(named text: String) -> Int? {
        Self.index(of: text, in: dataset.appointments.map(\.id)).map(Int.init)
    }

    func visitIndex(named text: String) -> Int? {
        Self.index(of: text, in: dataset.repVisits.map(\.id)).map(Int.init)
    }

    /// The ISODate written for a local date and wall-clock time in the clinic's zone (local
    /// midnight for a date alone, as the generator and the seed write dated documents).
    func instant(_ date: LocalDate, _ minute: MinuteOfDay = .midnight) -> Instant {
        Instant(epochMilliseconds: timeZone.epochMilliseconds(date: date, minute: minute))
    }

    /// The local date of a stored instant.
    func localDate(_ instant: Instant) -> LocalDate {
        timeZone.local(epochMilliseconds: instant.epochMilliseconds).date
    }

    private static func index(of text: String, in ids: [DocumentID]) -> Int32? {
        let wanted = text.lowercased()
        return ids.firstIndex { $0.description.lowercased() == wanted }.map { Int32($0) }
    }
}
