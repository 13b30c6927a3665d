/// What an occurrence is: a patient appointment or a rep visit.
public enum ItemKind: UInt8, Sendable, Hashable, CaseIterable {
    case appointment, repVisit
}

/// One dated, timed happening of an appointment or rep visit: the unit the sweep and the plan
/// work on. Small and flat so that millions of them sort quickly.
public struct Occurrence: Hashable, Sendable {
    public var kind: ItemKind
    public var doctor: Int32
    /// The patient (appointments) or the rep (visits), as a dense index.
    public var person: Int32
    /// Index into `ClinicModel.appointments` or `ClinicModel.visits`.
    public var record: Int32
    public var date: LocalDate
    public var start: MinuteOfDay
    public var length: Int32

    @inlinable public init(kind: ItemKind, doctor: Int32, person: Int32, record: Int32,
                           date: LocalDate, start: MinuteOfDay, length: Int32) {
        self.kind = kind
        self.doctor = doctor
        self.person = person
        self.record = record
        self.date = date
        self.start = start
        self.length = length
    }

    @inlinable public var interval: MinuteInterval { MinuteInterval(start: start, length: length) }
    @inlinable public var end: MinuteOfDay { start + length }
}
