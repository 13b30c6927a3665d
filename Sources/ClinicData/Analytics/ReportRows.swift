import SlotSolver

// The rows the reports return: plain values that name doctors and reps by dense index (as the
// engine does); renderers turn indices into ids and names.

/// Report 1: one specialization and its doctors.
public struct SpecializationCount: Hashable, Sendable {
    public var specialization: String
    /// Doctor indices in file order.
    public var doctors: [Int32]

    public init(specialization: String, doctors: [Int32]) {
        self.specialization = specialization
        self.doctors = doctors
    }
}

/// Report 2: a doctor's booked appointment occurrences and distinct patients in the range.
public struct DoctorPatients: Hashable, Sendable {
    public var doctor: Int32
    public var specialization: String
    public var clinicName: String
    public var consultationFee: Double
    public var bookedAppointments: Int
    public var distinctPatients: Int

    public init(doctor: Int32, specialization: String, clinicName: String, consultationFee: Double,
                bookedAppointments: Int, distinctPatients: Int) {
        self.doctor = doctor
        self.specialization = specialization
        self.clinicName = clinicName
        self.consultationFee = consultationFee
        self.bookedAppointments = bookedAppointments
        self.distinctPatients = distinctPatients
    }
}

/// Report 3: a doctor's utilization over its working dates in the range.
public struct DoctorUtilization: Hashable, Sendable {
    public var doctor: Int32
    public var workingDays: Int
    /// Booked occurrences on working dates.
    public var booked: Int
    /// Sum of max_patients over working dates.
    public var capacity: Int
    /// booked / capacity (capacity is always positive here).
    public var utilization: Double

    public init(doctor: Int32, workingDays: Int, booked: Int, capacity: Int, utilization: Double) {
        self.doctor = doctor
        self.workingDays = workingDays
        self.booked = booked
        self.capacity = capacity
        self.utilization = utilization
    }
}

/// Reports 4 and 5: booked appointment occurrences on one date.
public struct DailyPatients: Hashable, Sendable {
    public var date: LocalDate
    public var appointments: Int
    public var distinctPatients: Int

    public init(date: LocalDate, appointments: Int, distinctPatients: Int) {
        self.date = date
        self.appointments = appointments
        self.distinctPatients = distinctPatients
    }
}

/// Report 6: booked appointment occurrences starting in one hour of the day.
public struct HourCount: Hashable, Sendable {
    /// 0...23, local time.
    public var hour: Int
    public var appointments: Int

    public init(hour: Int, appointments: Int) {
        self.hour = hour
        self.appointments = appointments
    }
}

/// Report 7: rep visits on one date, by status.
public struct DailyRepVisits: Hashable, Sendable {
    public var date: LocalDate
    public var completed = 0
    public var scheduled = 0
    public var cancelled = 0
    public var noShow = 0
    public var rescheduled = 0

    /// The visits that take the doctor's time: completed + scheduled.
    public var visits: Int { completed + scheduled }

    public init(date: LocalDate, completed: Int = 0, scheduled: Int = 0, cancelled: Int = 0, noShow: Int = 0,
                rescheduled: Int = 0) {
        self.date = date
        self.completed = completed
        self.scheduled = scheduled
        self.cancelled = cancelled
        self.noShow = noShow
        self.rescheduled = rescheduled
    }
}

/// Report 8: one rep's visits in the range.
public struct RepActivity: Hashable, Sendable {
    public var rep: Int32
    public var companyName: String
    /// completed + scheduled.
    public var visits: Int
    public var completed: Int
    public var scheduled: Int
    /// Distinct doctors among those visits.
    public var doctorsVisited: Int

    public init(rep: Int32, companyName: String, visits: Int, completed: Int, scheduled: Int,
                doctorsVisited: Int) {
        self.rep = rep
        self.companyName = companyName
        self.visits = visits
        self.completed = completed
        self.scheduled = scheduled
        self.doctorsVisited = doctorsVisited
    }
}

/// Report 9: a doctor's patient load against its rep visits in the range.
public struct PatientsVersusVisits: Hashable, Sendable {
    public var doctor: Int32
    public var bookedAppointments: Int
    public var distinctPatients: Int
    /// completed + scheduled.
    public var repVisits: Int


    public init(doctor: Int32, bookedAppointments: Int, distinctPatients: Int, repVisits: Int) {
        self.doctor = doctor
        self.bookedAppointments = bookedAppointments
        self.distinctPatients = distinctPatients
        self.repVisits = repVisits
    }
    /// Appointments per visit; nil without visits.
    public var appointmentsPerVisit: Double? {
        repVisits == 0 ? nil : Double(bookedAppointments) / Double(repVisits)
    }
}

/// Report 10: one schedule of a doctor.
public struct WeeklyScheduleEntry: Hashable, Sendable {
    public var schedule: ScheduleRule
    /// False for a second schedule on the same doctor and weekday: the first in file order is used.
    public var inUse: Bool

    public init(schedule: ScheduleRule, inUse: Bool) {
        self.schedule = schedule
        self.inUse = inUse
    }
}

/// Report 11: one closing clinic_days document.
public struct ClosedDay: Hashable, Sendable {
    public var doctor: Int32
    public var date: LocalDate
    public var reason: String
    /// Whether the doctor has a schedule on that weekday (else the closure changes nothing).
    public var hasSchedule: Bool

    public init(doctor: Int32, date: LocalDate, reason: String, hasSchedule: Bool) {
        self.doctor = doctor
        self.date = date
        self.reason = reason
        self.hasSchedule = hasSchedule
    }
}

/// Reports 12 and 13: a doctor's booked occurrences on one working date.
public struct DailyOccupancy: Hashable, Sendable {
    public var doctor: Int32
    public var date: LocalDate
    public var booked: Int
    public var maxPatients: Int

    public init(doctor: Int32, date: LocalDate, booked: Int, maxPatients: Int) {
        self.doctor = doctor
        self.date = date
        self.booked = booked
        self.maxPatients = maxPatients
    }
    /// booked / max_patients × 100; nil when max_patients is 0.
    public var percent: Double? {
        maxPatients > 0 ? Double(booked) * 100 / Double(maxPatients) : nil
    }
}
