/// Answers "does doctor d work on date t, and in which hours?" in O(1): the schedule in force for
/// each doctor and weekday, and the doctor's closed dates.
public struct WorkCalendar: Sendable {
    /// `scheduleIndex[doctor * 7 + weekday]`: index into `model.schedules` of the first schedule for
    /// that doctor and weekday, or -1.
    @usableFromInline let scheduleIndex: [Int32]
    @usableFromInline let schedules: [ScheduleRule]
    /// Closing `clinic_days` documents by doctor and date; the first in file order when several.
    @usableFromInline let closed: [DoctorDate: Int32]
    @usableFromInline let closures: [ClinicClosure]

    /// - Complexity: O(schedules + closures).
    public init(_ model: ClinicModel) {
        var index = [Int32](repeating: -1, count: model.doctorIDs.count * 7)
        for (i, rule) in model.schedules.enumerated() {
            let slot = Int(rule.doctor) * 7 + rule.weekday.rawValue
            if index[slot] < 0 { index[slot] = Int32(i) }
        }
        var closed: [DoctorDate: Int32] = [:]
        for (i, closure) in model.closures.enumerated() where !closure.isOpen {
            let key = DoctorDate(doctor: closure.doctor, date: closure.date)
            if closed[key] == nil { closed[key] = Int32(i) }
        }
        scheduleIndex = index
        schedules = model.schedules
        self.closed = closed
        closures = model.closures
    }

    /// The schedule used for this doctor and weekday (the first in file order), if any.
    @inlinable public func schedule(doctor: Int32, weekday: Weekday) -> ScheduleRule? {
        let i = scheduleIndex[Int(doctor) * 7 + weekday.rawValue]
        return i < 0 ? nil : schedules[Int(i)]
    }

    /// The `clinic_days` document that closes this doctor's date, if any.
    @inlinable public func closure(doctor: Int32, date: LocalDate) -> ClinicClosure? {
        closed[DoctorDate(doctor: doctor, date: date)].map { closures[Int($0)] }
    }

    /// A doctor works on a date when a schedule exists for its weekday and the date is not closed.
    @inlinable public func schedule(doctor: Int32, workingOn date: LocalDate) -> ScheduleRule? {
        guard let rule = schedule(doctor: doctor, weekday: date.weekday),
              closed[DoctorDate(doctor: doctor, date: date)] == nil else { return nil }
        return rule
    }

    /// The length of one patient appointment with this doctor on this weekday.
    @inlinable public func appointmentMinutes(doctor: Int32, weekday: Weekday) -> Int32 {
        schedule(doctor: doctor, weekday: weekday)?.appointmentMinutes ?? ScheduleRule.defaultAppointmentMinutes
    }
}

/// A doctor on a date: the unit of capacity and of the daily plan.
public struct DoctorDate: Hashable, Sendable, Comparable {
    public var doctor: Int32
    public var date: LocalDate

    @inlinable public init(doctor: Int32, date: LocalDate) {
        self.doctor = doctor
        self.date = date
    }

    @inlinable public static func < (lhs: DoctorDate, rhs: DoctorDate) -> Bool {
        (lhs.doctor, lhs.date.daysSinceEpoch) < (rhs.doctor, rhs.date.daysSinceEpoch)
    }
}
