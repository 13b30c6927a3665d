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
    /// The patient slots (`SlotGrid`) free of any occupying item: the ones `book` accepts. Empty
    /// on days that are not open and on days at `max_patients`.
    public var freePatientSlots: [MinuteInterval]
    /// The rep slots (`SlotGrid`) free of any occupying item; empty when not open or at `max_reps`.
    public var freeRepSlots: [MinuteInterval]
    public var bookedAppointments: Int
    public var occupyingVisits: Int
    /// How many more appointments `max_patients` allows (open days; 0 otherwise).
    public var patientPlacesLeft: Int
    /// How many more rep visits `max_reps` allows (open days; 0 otherwise).
    public var repPlacesLeft: Int
    /// booked / max_patients on open days with max_patients > 0, else nil.
    public var utilization: Double?

    public init(date: LocalDate, status: DayStatus, schedule: ScheduleRule?, entries: [PlanEntry],
                freePatientSlots: [MinuteInterval], freeRepSlots: [MinuteInterval],
                bookedAppointments: Int, occupyingVisits: Int, patientPlacesLeft: Int = 0, repPlacesLeft: Int = 0,
                utilization: Double?) {
        self.date = date
        self.status = status
        self.schedule = schedule
        self.entries = entries
        self.freePatientSlots = freePatientSlots
        self.freeRepSlots = freeRepSlots
        self.bookedAppointments = bookedAppointments
        self.occupyingVisits = occupyingVisits
        self.patientPlacesLeft = patientPlacesLeft
        self.repPlacesLeft = repPlacesLeft
        self.utilization = utilization
    }
}
