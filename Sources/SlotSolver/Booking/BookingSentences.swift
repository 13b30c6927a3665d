/// The human sentences for refused bookings, naming records by their display ids and doctors
/// as `doctorLabel` words them (the engine knows no names: by default "doctor <id>").
public enum BookingSentences {
    /// Why `rejection` refused `request`, e.g.
    /// `10:00–10:15 overlaps appointment a1 (10:00–10:15) of doctor d0`.
    public static func reason(_ rejection: BookingRejection, request: BookingRequest, model: ClinicModel,
                              doctorLabel: ((Int32) -> String)? = nil) -> String {
        let label = doctorLabel ?? { "doctor " + model.doctorIDs[Int($0)] }
        let doctor = label(request.doctor)
        let date = request.date.description
        switch rejection {
        case .clinicClosed(let reason):
            let why = reason.isEmpty ? "" : " (\(reason))"
            return "\(doctor) is closed on \(date)\(why)"
        case .noSchedule(let weekday):
            return "\(doctor) has no schedule for \(weekday.name) (\(date))"
        case .outsideHours(let slot, let window):
            let hours = request.kind == .appointment ? "patient hours" : "rep hours"
            return "\(slot) does not fit in the \(hours) \(window) of \(doctor) on \(weekdayName(request.date))"
        case .offGrid(let slot, let grid):
            let hours = request.kind == .appointment ? "patient" : "rep"
            return "\(slot.start) is not a slot start of \(doctor) on \(weekdayName(request.date)): \(hours) slots start "
                + "every \(grid.step) min from \(grid.window.start) (\(slotStarts(grid)))"
        case .slotTaken(let slot, let clashes):
            let items = clashes.map { clash -> String in
                let other = label(clash.doctor)
                switch clash.holder {
                case .doctor:
                    return "\(kindName(clash.kind)) \(clash.id) (\(clash.interval)) of \(other)"
                case .person:
                    let owner = clash.kind == .appointment ? "the patient's appointment" : "the rep's visit"
                    return "\(owner) \(clash.id) (\(clash.interval)) with \(other)"
                }
            }
            return "\(slot) on \(date) overlaps " + items.joined(separator: "; ")
        case .capacityReached(let count, let limit):
            if request.kind == .appointment {
                return "\(doctor) already has \(count) booked appointment\(count == 1 ? "" : "s") on \(date) (max_patients \(limit))"
            }
            return "\(doctor) already has \(count) rep visit\(count == 1 ? "" : "s") on \(date) (max_reps \(limit))"
        }
    }

    /// "rejected at check 4 (slot free): " followed by the reason.
    public static func rejection(_ rejection: BookingRejection, request: BookingRequest, model: ClinicModel,
                                 doctorLabel: ((Int32) -> String)? = nil) -> String {
        "rejected at \(rejection.step): " + reason(rejection, request: request, model: model, doctorLabel: doctorLabel)
    }

    /// "09:00, 09:20, 09:40, …": the first three slot starts of a grid.
    static func slotStarts(_ grid: SlotGrid) -> String {
        let slots = grid.slots
        let shown = slots.prefix(3).map(\.start.description).joined(separator: ", ")
        return slots.count > 3 ? shown + ", …" : shown
    }

    static func kindName(_ kind: ItemKind) -> String { kind == .appointment ? "appointment" : "rep visit" }

    static func weekdayName(_ date: LocalDate) -> String { date.weekday.name + "s" }
}
