/// The free slots nearest to a refused request, found with the rebooking rules: starts on a grid
/// of minutes from midnight, the whole slot inside the patient (or rep) window of a date the
/// doctor works, clear of the doctor's time and of the person's other bookings, and the date
/// under its cap.
///
/// "Nearest" puts the requested date first and later dates after it (a booking is never moved
/// earlier than asked, as rebooking never moves an item earlier); within one date, the start
/// closest to the requested time wins, the earlier one on a tie.
public enum NearestFreeSlots {
    /// Rebooking's default grid.
    public static let defaultGrid: Int32 = 5

    /// Up to `count` slots for `request`, searched over `days` dates from the requested one,
    /// none starting before `notBefore` (the booking command passes now: no slot in the past).
    ///
    /// - Complexity: O(appointments × weeks in the horizon + visits + Σ window / grid).
    public static func search(for request: BookingRequest, model: ClinicModel, calendar: WorkCalendar,
                              count: Int = 3, days: Int = 14, grid: Int32 = defaultGrid,
                              notBefore: LocalMoment? = nil) -> [SlotSuggestion] {
        guard count > 0, days > 0 else { return [] }
        let range = DateRange(first: request.date, count: days)
        let occupancy = BookingOccupancy(for: request, model: model, calendar: calendar, range: range)
        return search(for: request, calendar: calendar, occupancy: occupancy, count: count, grid: grid,
                      notBefore: notBefore)
    }

    static func search(for request: BookingRequest, calendar: WorkCalendar, occupancy: BookingOccupancy,
                       count: Int, grid: Int32, notBefore: LocalMoment? = nil) -> [SlotSuggestion] {
        let grid = max(1, grid)
        var found: [SlotSuggestion] = []
        for date in occupancy.range where notBefore.map({ date >= $0.date }) ?? true {
            guard let rule = calendar.schedule(doctor: request.doctor, workingOn: date) else { continue }
            let limit = Int(request.kind == .appointment ? rule.maxPatients : rule.maxReps)
            guard occupancy.count(on: date) < limit else { continue }
            let window = request.kind == .appointment ? rule.patientWindow : rule.repWindow
            let floor = notBefore.flatMap { $0.date == date ? $0.minute.minutes : nil } ?? 0
            let starts = freeStarts(in: window, length: request.length(under: rule), grid: grid,
                                    busy: occupancy.busy(on: date)).filter { $0 >= floor }
            let wanted = request.start.minutes
            let nearest = starts.sorted { (abs($0 - wanted), $0) < (abs($1 - wanted), $1) }
            for start in nearest.prefix(count - found.count) {
                found.append(SlotSuggestion(date: date, slot: MinuteInterval(start: MinuteOfDay(start),
                                                                             length: request.length(under: rule))))
            }
            if found.count == count { break }
        }
        return found
    }

    /// Grid starts s with [s, s + length) inside `window` and clear of `busy`: rebooking's own
    /// candidate search, so a suggestion is always a slot rebooking would offer too.
    /// - Complexity: O(busy log busy + (window / grid) log busy).
    static func freeStarts(in window: MinuteInterval, length: Int32, grid: Int32, busy: [MinuteInterval]) -> [Int32] {
        var starts: [Int32] = []
        RebookingInstance.appendFreeStarts(window: window, length: length, grid: grid, doctorBusy: BusyTimeline(busy),
                                           personBusy: nil, into: &starts)
        return starts
    }
}
