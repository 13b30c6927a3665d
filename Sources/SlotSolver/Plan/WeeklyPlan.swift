/// One doctor's dates in the plan, in date order.
public struct DoctorWeek: Hashable, Sendable {
    public var doctor: Int32
    public var days: [DayPlan]

    public init(doctor: Int32, days: [DayPlan]) {
        self.doctor = doctor
        self.days = days
    }
}

/// The weekly plan (scheduling.md "Weekly plan"): every selected doctor, every date of the range.
public struct WeeklyPlan: Sendable {
    public var range: DateRange
    /// By doctor index.
    public var doctors: [DoctorWeek]

    public init(range: DateRange, doctors: [DoctorWeek]) {
        self.range = range
        self.doctors = doctors
    }
}
