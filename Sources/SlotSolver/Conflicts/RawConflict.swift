/// A conflict as the engine finds it: its members are indices (into the occurrence array, or into
/// `model.schedules` for `invalid_schedule`), so the plan can mark items without matching strings.
struct RawConflict: Sendable {
    var kind: ConflictKind
    var subject: ConflictSubject
    var date: LocalDate?
    /// Occurrence indices in time order; schedule indices in file order for `invalid_schedule`.
    var members: [Int32]
    var detail: String

    /// The public form, with the members' display ids.
    func resolved(occurrences: UnsafeBufferPointer<Occurrence>, model: ClinicModel) -> Conflict {
        let ids: [String]
        if kind == .invalidSchedule {
            ids = members.map { model.schedules[Int($0)].id }
        } else {
            ids = members.map { member in
                let o = occurrences[Int(member)]
                return o.kind == .appointment ? model.appointments[Int(o.record)].id
                                              : model.visits[Int(o.record)].id
            }
        }
        return Conflict(kind: kind, subject: subject, date: date, ids: ids, detail: detail)
    }
}
