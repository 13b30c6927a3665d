/// A request for one new booking: a dated patient appointment or a rep visit, with one doctor,
/// at a wall-clock start on a local date.
public struct BookingRequest: Hashable, Sendable {
    /// `.appointment` for a patient, `.repVisit` for a medical rep.
    public var kind: ItemKind
    public var doctor: Int32
    /// The patient (appointments) or the rep (visits), as a dense index.
    public var person: Int32
    public var date: LocalDate
    public var start: MinuteOfDay
    /// A visit's length in minutes (15 when nil). Ignored for appointments, whose length is the
    /// schedule's `appointment_minutes`.
    public var visitMinutes: Int32?
    /// Whether the start may lie off the day's slot grid (`book --any-time`, for the back office);
    /// by default only slot starts of `SlotGrid` pass check 3.
    public var anyTime: Bool

    public init(kind: ItemKind, doctor: Int32, person: Int32, date: LocalDate, start: MinuteOfDay,
                visitMinutes: Int32? = nil, anyTime: Bool = false) {
        self.kind = kind
        self.doctor = doctor
        self.person = person
        self.date = date
        self.start = start
        self.visitMinutes = visitMinutes
        self.anyTime = anyTime
    }

    /// The slot grid the request is checked against under `rule`.
    public func grid(under rule: ScheduleRule) -> SlotGrid {
        SlotGrid(rule: rule, kind: kind, length: length(under: rule))
    }

    /// The booking's length under `rule` (the schedule of the requested weekday).
    @inlinable public func length(under rule: ScheduleRule?) -> Int32 {
        switch kind {
        case .appointment: rule?.appointmentMinutes ?? ScheduleRule.defaultAppointmentMinutes
        case .repVisit: visitMinutes.flatMap { $0 > 0 ? $0 : nil } ?? RepVisitRecord.defaultLength
        }
    }
}
