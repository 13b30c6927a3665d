/// Whether a doctor receives anyone on a date.
public enum DayStatus: Hashable, Sendable {
    case open
    /// A `clinic_days` document closes the date; its reason as written (possibly empty).
    case closed(reason: String)
    /// No schedule for the weekday.
    case noSchedule
}

/// One doctor's date in the weekly plan.
public struct DayPlan: Hashable, Sendable {
    public var date: LocalDate
    public var status: DayStatus
    /// The rule for the weekday (also on closed days), nil when none.
    public var schedule: ScheduleRule?
    /// Appointments and visits in time order.
    public var entries: [PlanEntry]
    /// Appointment-length slots on the patient window grid, free of any occupying item (open days only).
    public var freePatientSlots: [MinuteInterval]
    /// 15-minute slots of the rep window, free of any occupying item (open days only).
    public var freeRepSlots: [MinuteInterval]
    public var bookedAppointments: Int
    public var occupyingVisits: Int
    /// booked / max_patients on open days with max_patients > 0, else nil.
    public var utilization: Double?

    public init(date: LocalDate, status: DayStatus, schedule: ScheduleRule?, entries: [PlanEntry],
                freePatientSlots: [MinuteInterval], freeRepSlots: [MinuteInterval],
                bookedAppointments: Int, occupyingVisits: Int, utilization: Double?) {
        self.date = date
        self.status = status
        self.schedule = schedule
        self.entries = entries
        self.freePatientSlots = freePatientSlots
        self.freeRepSlots = freeRepSlots
        self.bookedAppointments = bookedAppointments
        self.occupyingVisits = occupyingVisits
        self.utilization = utilization
    }
}
