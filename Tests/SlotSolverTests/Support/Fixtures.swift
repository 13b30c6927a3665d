import EngineTestSupport
@testable import SlotSolver

/// A conflict without its sentence, for exact comparisons.
struct Found: Hashable, CustomStringConvertible {
    var kind: ConflictKind
    var subject: ConflictSubject
    var date: LocalDate?
    var ids: [String]

    init(_ kind: ConflictKind, _ subject: ConflictSubject, _ date: String?, _ ids: [String]) {
        self.kind = kind
        self.subject = subject
        self.date = date.map(day)
        self.ids = ids
    }

    init(_ conflict: Conflict) {
        kind = conflict.kind
        subject = conflict.subject
        date = conflict.date
        ids = conflict.ids
    }

    var description: String { "\(kind.rawValue) \(subject) \(date.map(String.init(describing:)) ?? "-") \(ids)" }
}

/// Runs the detector over `days` days from `from` and returns what it found, in report order.
func detect(_ model: ClinicModel, from: String, days: Int, doctor: Int32? = nil) -> [Found] {
    ConflictDetector.detect(model: model, calendar: WorkCalendar(model),
                            range: DateRange(first: day(from), count: days), doctor: doctor)
        .conflicts.map(Found.init)
}
