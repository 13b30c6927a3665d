/// A resource on one date of the range, packed into one integer so that the hot maps hash fast:
/// a doctor's time, a rep's time or a patient's time, or a doctor's capacity count of one kind.
struct ResourceDay: Hashable, Sendable, Comparable {
    enum Tag: Int64 {
        case doctor = 0, rep = 1, patient = 2
        case appointmentCount = 3, visitCount = 4
    }

    let key: Int64

    /// - Parameter day: the date's offset in the range (0 ..< range.count).
    init(_ tag: Tag, _ id: Int32, day: Int32) {
        key = tag.rawValue << 56 | Int64(UInt32(bitPattern: id)) << 24 | Int64(day)
    }

    var day: Int32 { Int32(key & 0xFF_FFFF) }
    var id: Int32 { Int32(bitPattern: UInt32((key >> 24) & 0xFFFF_FFFF)) }
    var tag: Tag { Tag(rawValue: key >> 56)! }

    static func < (lhs: ResourceDay, rhs: ResourceDay) -> Bool { lhs.key < rhs.key }

    /// The time resource an item's person uses: the patient (appointments) or the rep (visits).
    static func person(_ kind: ItemKind, _ id: Int32, day: Int32) -> ResourceDay {
        ResourceDay(kind == .appointment ? .patient : .rep, id, day: day)
    }

    /// The capacity count an item of `kind` uses at its doctor.
    static func count(_ kind: ItemKind, doctor: Int32, day: Int32) -> ResourceDay {
        ResourceDay(kind == .appointment ? .appointmentCount : .visitCount, doctor, day: day)
    }
}
