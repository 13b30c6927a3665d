/// The seed's five-step booking check, as pure engine code: 1 clinic open, 2 schedule exists,
/// 3 inside the hours with the whole booking fitting, on a slot start of the day's grid, 4 slot free, 5 capacity not reached. The
/// first failing check decides; the request is accepted only when all five pass.
public enum BookingChecker {
    /// Runs the five checks for `request` against everything that occupies time in `model`.
    ///
    /// Check 4 looks at every occupying item of the doctor that date (appointments and visits
    /// alike), and at the patient's other appointments (or the rep's other visits) with any
    /// doctor. Check 5 counts the doctor's booked appointments against `max_patients` (or the
    /// scheduled and completed visits against `max_reps`).
    ///
    /// - Complexity: O(appointments + visits) for the one date expanded.
    public static func check(_ request: BookingRequest, model: ClinicModel, calendar: WorkCalendar) -> BookingDecision {
        let occupancy = BookingOccupancy(for: request, model: model, calendar: calendar,
                                         range: DateRange(first: request.date, count: 1))
        return check(request, calendar: calendar, occupancy: occupancy)
    }

    static func check(_ request: BookingRequest, calendar: WorkCalendar, occupancy: BookingOccupancy) -> BookingDecision {
        // 1. Is the clinic open?
        if let closure = calendar.closure(doctor: request.doctor, date: request.date) {
            return .rejected(.clinicClosed(reason: closure.reason))
        }
        // 2. Does a schedule exist for that weekday?
        guard let rule = calendar.schedule(doctor: request.doctor, weekday: request.date.weekday) else {
            return .rejected(.noSchedule(request.date.weekday))
        }
        // 3. Is the whole booking inside the patient (or rep) hours, starting on a slot of the day's grid?
        let grid = request.grid(under: rule)
        let slot = MinuteInterval(start: request.start, length: grid.length)
        guard grid.window.contains(slot) else {
            return .rejected(.outsideHours(slot: slot, window: grid.window))
        }
        guard request.anyTime || grid.isSlotStart(request.start) else {
            return .rejected(.offGrid(slot: slot, grid: grid))
        }
        // 4. Is the slot free?
        let clashes = occupancy.clashes(slot, on: request.date)
        guard clashes.isEmpty else {
            return .rejected(.slotTaken(slot: slot, clashes: clashes))
        }
        // 5. Is the day's capacity reached?
        let limit = Int(request.kind == .appointment ? rule.maxPatients : rule.maxReps)
        let count = occupancy.count(on: request.date)
        guard count < limit else {
            return .rejected(.capacityReached(count: count, limit: limit))
        }
        return .accepted(slot: slot)
    }
}
