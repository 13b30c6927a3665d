/// A conflict as the engine finds it: its members are indices (into the occurrence array, or into
/// `model.schedules` for `invalid_schedule`), kept in one shared pool (`RawConflicts.members`) so
/// that a hundred thousand conflicts do not cost a hundred thousand small arrays.
struct RawConflict: Sendable {
    var kind: ConflictKind
    var subject: ConflictSubject
    var date: LocalDate?
    /// Where this conflict's members start in the pool, and how many there are.
    var firstMember: Int32
    var memberCount: Int32
    var detail: String
}

/// The engine's findings: the conflicts, unsorted, and the pool of their members (occurrence
/// indices in time order; schedule indices in file order for `invalid_schedule`).
struct RawConflicts: Sendable {
    var conflicts: [RawConflict] = []
    var members: [Int32] = []

    mutating func append(_ kind: ConflictKind, _ subject: ConflictSubject, _ date: LocalDate?,
                         members newMembers: some Collection<Int32>, detail: String) {
        conflicts.append(RawConflict(kind: kind, subject: subject, date: date, firstMember: Int32(members.count),
                                     memberCount: Int32(newMembers.count), detail: detail))
        members.append(contentsOf: newMembers)
    }

    /// `other`'s conflicts after these, their members moved along in the pool.
    mutating func append(contentsOf other: RawConflicts) {
        let offset = Int32(members.count)
        conflicts.reserveCapacity(conflicts.count + other.conflicts.count)
        for var conflict in other.conflicts {
            conflict.firstMember += offset
            conflicts.append(conflict)
        }
        members.append(contentsOf: other.members)
    }

    func members(of conflict: RawConflict) -> ArraySlice<Int32> {
        members[Int(conflict.firstMember) ..< Int(conflict.firstMember + conflict.memberCount)]
    }

    /// The public form of one conflict, with its members' display ids.
    func resolved(_ conflict: RawConflict, occurrences: UnsafeBufferPointer<Occurrence>,
                  model: ClinicModel) -> Conflict {
        let ids: [String]
        if conflict.kind == .invalidSchedule {
            ids = members(of: conflict).map { model.schedules[Int($0)].id }
        } else {
            ids = members(of: conflict).map { member in
                let o = occurrences[Int(member)]
                return o.kind == .appointment ? model.appointments[Int(o.record)].id
                                              : model.visits[Int(o.record)].id
            }
        }
        return Conflict(kind: conflict.kind, subject: conflict.subject, date: conflict.date, ids: ids,
                        detail: conflict.detail)
    }
}
