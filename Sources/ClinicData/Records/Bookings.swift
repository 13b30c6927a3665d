import SlotSolver

/// One `appointments` document.
public struct Appointment: Hashable, Sendable {
    public var id: DocumentID
    public var doctorId: DocumentID
    public var patientId: DocumentID
    public var day: Weekday
    public var time: MinuteOfDay
    public var status: AppointmentStatus
    /// Extension: the appointment happens on this date only; nil for a standing weekly booking.
    public var date: Instant?
    /// Extension: dates on which a weekly appointment does not happen (like an iCalendar EXDATE).
    public var skipDates: [Instant]

    public init(id: DocumentID, doctorId: DocumentID, patientId: DocumentID, day: Weekday, time: MinuteOfDay,
                status: AppointmentStatus, date: Instant? = nil, skipDates: [Instant] = []) {
        self.id = id
        self.doctorId = doctorId
        self.patientId = patientId
        self.day = day
        self.time = time
        self.status = status
        self.date = date
        self.skipDates = skipDates
    }
}

/// The `visit_summary` embedded in a rep visit; every field may be absent.
public struct VisitSummary: Hashable, Sendable {
    public var samples: Int?
    public var durationMin: Int?
    public var discussionTopic: String?
    public var feedback: String?

    public init(samples: Int? = nil, durationMin: Int? = nil, discussionTopic: String? = nil, feedback: String? = nil) {
        self.samples = samples
        self.durationMin = durationMin
        self.discussionTopic = discussionTopic
        self.feedback = feedback
    }
}

/// One `rep_visits` document.
public struct RepVisit: Hashable, Sendable {
    public var id: DocumentID
    public var doctorId: DocumentID
    public var repId: DocumentID
    /// The visit's start, date and time.
    public var date: Instant
    public var status: VisitStatus
    public var visitSummary: VisitSummary?

    public init(id: DocumentID, doctorId: DocumentID, repId: DocumentID, date: Instant, status: VisitStatus,
                visitSummary: VisitSummary? = nil) {
        self.id = id
        self.doctorId = doctorId
        self.repId = repId
        self.date = date
        self.status = status
        self.visitSummary = visitSummary
    }
}

/// One `Schedules` document: a doctor's hours on one weekday.
public struct Schedule: Hashable, Sendable {
    public var id: DocumentID
    public var doctorId: DocumentID
    public var day: Weekday
    public var patientStart: MinuteOfDay
    public var patientEnd: MinuteOfDay
    public var repStart: MinuteOfDay
    public var repEnd: MinuteOfDay
    public var maxPatients: Int
    public var maxReps: Int
    /// Extension: the length of one patient appointment; nil means 15 minutes.
    public var appointmentMinutes: Int?

    public init(id: DocumentID, doctorId: DocumentID, day: Weekday, patientStart: MinuteOfDay, patientEnd: MinuteOfDay,
                repStart: MinuteOfDay, repEnd: MinuteOfDay, maxPatients: Int, maxReps: Int, appointmentMinutes: Int? = nil) {
        self.id = id
        self.doctorId = doctorId
        self.day = day
        self.patientStart = patientStart
        self.patientEnd = patientEnd
        self.repStart = repStart
        self.repEnd = repEnd
        self.maxPatients = maxPatients
        self.maxReps = maxReps
        self.appointmentMinutes = appointmentMinutes
    }
}

/// One `clinic_days` document: `isOpen == false` closes the doctor's day.
public struct ClinicDay: Hashable, Sendable {
    public var id: DocumentID
    public var doctorId: DocumentID
    public var date: Instant
    public var isOpen: Bool
    public var reason: String

    public init(id: DocumentID, doctorId: DocumentID, date: Instant, isOpen: Bool, reason: String) {
        self.id = id
        self.doctorId = doctorId
        self.date = date
        self.isOpen = isOpen
        self.reason = reason
    }
}
