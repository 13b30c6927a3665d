/// The free slots nearest to a refused request: slots of the day's grid (`SlotGrid`, the plan's
/// own), wholly inside the patient (or rep) window of a date the doctor works, clear of the
/// doctor's time and of the person's other bookings, and the date under its cap.
///
/// "Nearest" puts the requested date first and later dates after it (a booking is never moved
/// earlier than asked, as rebooking never moves an item earlier); within one date, the start
/// closest to the requested time wins, the earlier one on a tie.
public enum NearestFreeSlots {
    /// Up to `count` slots for `request`, searched over `days` dates from the requested one,
    /// none starting before `notBefore` (the booking command passes now: no slot in the past).
    ///
    /// - Complexity: O(appointments × weeks in the horizon + visits + Σ slots log slots).
    public static func search(for request: BookingRequest, model: ClinicModel, calendar: WorkCalendar,
                              count: Int = 3, days: Int = 14, notBefore: LocalMoment? = nil) -> [SlotSuggestion] {
        guard count > 0, days > 0 else { return [] }
        let range = DateRange(first: request.date, count: days)
        let occupancy = BookingOccupancy(for: request, model: model, calendar: calendar, range: range)
        return search(for: request, calendar: calendar, occupancy: occupancy, count: count, notBefore: notBefore)
    }

    static func search(for request: BookingRequest, calendar: WorkCalendar, occupancy: BookingOccupancy,
                       count: Int, notBefore: LocalMoment? = nil) -> [SlotSuggestion] {
        var found: [SlotSuggestion] = []
        for date in occupancy.range where notBefore.map({ date >= $0.date }) ?? true {
            guard let rule = calendar.schedule(doctor: request.doctor, workingOn: date) else { continue }
            let limit = Int(request.kind == .appointment ? rule.maxPatients : rule.maxReps)
            guard occupancy.count(on: date) < limit else { continue }
            let floor = notBefore.flatMap { $0.date == date ? $0.minute : nil } ?? .midnight
            let free = request.grid(under: rule).freeSlots(busy: occupancy.busy(on: date)).filter { $0.start >= floor }
            let wanted = request.start.minutes
            let nearest = free.sorted {
                (abs($0.start.minutes - wanted), $0.start) < (abs($1.start.minutes - wanted), $1.start)
            }
            for slot in nearest.prefix(count - found.count) {
                found.append(SlotSuggestion(date: date, slot: slot))
            }
            if found.count == count { break }
        }
        return found
    }
}
