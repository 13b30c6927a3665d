/// The clinic as the engine sees it: every doctor, rep and patient mapped to a dense index, every
/// time already in local wall-clock terms. `ClinicData` builds it from a data folder; nothing here
/// knows about JSON or files.
///
/// Records keep their display id (the `_id` as it appears in the data: the hex string of an
/// ObjectId, the digits of an integer) so that results can name them.
public struct ClinicModel: Sendable {
    /// Display ids by dense index.
    public var doctorIDs: [String]
    public var repIDs: [String]
    public var patientIDs: [String]
    /// In file order: when a doctor has two schedules for one weekday, the first one is used.
    public var schedules: [ScheduleRule]
    public var closures: [ClinicClosure]
    public var appointments: [AppointmentRecord]
    public var visits: [RepVisitRecord]

    public init(doctorIDs: [String] = [], repIDs: [String] = [], patientIDs: [String] = [],
                schedules: [ScheduleRule] = [], closures: [ClinicClosure] = [],
                appointments: [AppointmentRecord] = [], visits: [RepVisitRecord] = []) {
        self.doctorIDs = doctorIDs
        self.repIDs = repIDs
        self.patientIDs = patientIDs
        self.schedules = schedules
        self.closures = closures
        self.appointments = appointments
        self.visits = visits
    }
}

/// One `Schedules` document: a doctor's hours on one weekday.
public struct ScheduleRule: Hashable, Sendable {
    public var id: String
    public var doctor: Int32
    public var weekday: Weekday
    public var patientWindow: MinuteInterval
    public var repWindow: MinuteInterval
    public var maxPatients: Int32
    public var maxReps: Int32
    /// Length of one patient appointment (the `appointment_minutes` extension; 15 when absent).
    public var appointmentMinutes: Int32

    public static let defaultAppointmentMinutes: Int32 = 15

    public init(id: String, doctor: Int32, weekday: Weekday, patientWindow: MinuteInterval,
                repWindow: MinuteInterval, maxPatients: Int32, maxReps: Int32,
                appointmentMinutes: Int32 = ScheduleRule.defaultAppointmentMinutes) {
        self.id = id
        self.doctor = doctor
        self.weekday = weekday
        self.patientWindow = patientWindow
        self.repWindow = repWindow
        self.maxPatients = maxPatients
        self.maxReps = maxReps
        self.appointmentMinutes = appointmentMinutes
    }
}

/// One `clinic_days` document. Only `isOpen == false` changes anything: it closes the doctor's day.
public struct ClinicClosure: Hashable, Sendable {
    public var id: String
    public var doctor: Int32
    public var date: LocalDate
    public var isOpen: Bool
    public var reason: String

    public init(id: String, doctor: Int32, date: LocalDate, isOpen: Bool, reason: String) {
        self.id = id
        self.doctor = doctor
        self.date = date
        self.isOpen = isOpen
        self.reason = reason
    }
}

public enum AppointmentStatus: String, Sendable, CaseIterable {
    case booked, cancelled
}

/// When an appointment happens: every week on a weekday (a standing booking, possibly with
/// skipped dates), or once, on a date.
public enum Recurrence: Hashable, Sendable {
    case weekly(Weekday, skipping: Set<LocalDate>)
    case dated(LocalDate)
}

/// One `appointments` document.
public struct AppointmentRecord: Hashable, Sendable {
    public var id: String
    public var doctor: Int32
    public var patient: Int32
    public var time: MinuteOfDay
    public var status: AppointmentStatus
    public var recurrence: Recurrence

    public init(id: String, doctor: Int32, patient: Int32, time: MinuteOfDay,
                status: AppointmentStatus, recurrence: Recurrence) {
        self.id = id
        self.doctor = doctor
        self.patient = patient
        self.time = time
        self.status = status
        self.recurrence = recurrence
    }

    /// Only booked appointments hold their slot.
    @inlinable public var occupiesTime: Bool { status == .booked }
}

public enum VisitStatus: String, Sendable, CaseIterable {
    case completed, cancelled, noShow = "no-show", rescheduled, scheduled

    /// A `scheduled` or `completed` visit holds its slot; a `rescheduled` one waits for a new slot.
    @inlinable public var occupiesTime: Bool { self == .scheduled || self == .completed }
}

/// One `rep_visits` document, its instant already turned into local date and time.
public struct RepVisitRecord: Hashable, Sendable {
    public var id: String
    public var doctor: Int32
    public var rep: Int32
    public var date: LocalDate
    public var start: MinuteOfDay
    /// `visit_summary.duration_min`, or 15 when absent or not positive.
    public var length: Int32
    public var status: VisitStatus

    public static let defaultLength: Int32 = 15

    public init(id: String, doctor: Int32, rep: Int32, date: LocalDate, start: MinuteOfDay,
                length: Int32, status: VisitStatus) {
        self.id = id
        self.doctor = doctor
        self.rep = rep
        self.date = date
        self.start = start
        self.length = length
        self.status = status
    }

    @inlinable public var interval: MinuteInterval { MinuteInterval(start: start, length: length) }
}
