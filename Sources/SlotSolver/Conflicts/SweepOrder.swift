/// Occurrences sorted by (group, start, index), where a group is a subject (doctor, rep or patient)
/// on one date: the order every sweep walks.
///
/// The three fields are packed into one `UInt64` per occurrence whenever they fit (they do for any
/// realistic clinic: a million occurrences, thousands of subjects, years of dates), so the sort
/// compares plain integers; otherwise it falls back to sorting (group, start·index) pairs.
struct SweepOrder {
    /// Whose occurrences a sweep groups, and which kinds it takes.
    enum Subject {
        /// Every occurrence, grouped by doctor and date.
        case doctor
        /// Rep visits only, grouped by rep and date.
        case rep
        /// Appointments only, grouped by patient and date.
        case patient
    }

    /// Indices into the occurrence array, in sweep order.
    var indices: [Int32]
    /// The group of the occurrence at the same position: subject × date span + date offset.
    var groups: [UInt64]

    /// - Complexity: O(n log n)
    init(_ occurrences: UnsafeBufferPointer<Occurrence>, subject: Subject, bounds: OccurrenceBounds) {
        let span = UInt64(bounds.dateSpan)
        let firstDay = bounds.firstDay
        let firstStart = bounds.firstStart

        @inline(__always) func take(_ o: Occurrence) -> Bool {
            switch subject {
            case .doctor: true
            case .rep: o.kind == .repVisit
            case .patient: o.kind == .appointment
            }
        }
        @inline(__always) func group(_ o: Occurrence) -> UInt64 {
            let who = subject == .doctor ? o.doctor : o.person
            return UInt64(UInt32(bitPattern: who)) &* span &+ UInt64(o.date.daysSinceEpoch - firstDay)
        }

        let maxSubject = UInt64(subject == .doctor ? bounds.maxDoctor : bounds.maxPerson)
        // Subjects are dense indices, never negative; a negative one would be read as a huge
        // unsigned one, and `bounds` measured them the same way, so packing stays exact.
        let maxGroup = maxSubject * span + span - 1
        let indexBits = SweepOrder.bits(UInt64(Swift.max(occurrences.count - 1, 0)))
        let startBits = SweepOrder.bits(UInt64(bounds.lastStart - firstStart))
        let groupBits = SweepOrder.bits(maxGroup)

        var indices: [Int32] = []
        var groups: [UInt64] = []
        if indexBits + startBits + groupBits <= 64 {
            let startShift = UInt64(indexBits)
            let groupShift = UInt64(indexBits + startBits)
            let indexMask: UInt64 = indexBits == 64 ? ~0 : (1 << UInt64(indexBits)) - 1
            var keys: [UInt64] = []
            keys.reserveCapacity(occurrences.count)
            for i in occurrences.indices {
                let o = occurrences[i]
                guard take(o) else { continue }
                let start = UInt64(o.start.minutes - firstStart)
                // Shifts by 64 would trap; a zero-bit field is always 0, so skip its shift.
                let g = groupBits == 0 ? 0 : group(o) << groupShift
                let s = startBits == 0 ? 0 : start << startShift
                keys.append(g | s | UInt64(i))
            }
            RadixSort.sort(&keys, significantBits: indexBits + startBits + groupBits)
            keys.withUnsafeBufferPointer { keys in
                indices = [Int32](unsafeUninitializedCapacity: keys.count) { indices, count in
                    for p in keys.indices { indices[p] = Int32(truncatingIfNeeded: keys[p] & indexMask) }
                    count = keys.count
                }
                groups = [UInt64](unsafeUninitializedCapacity: keys.count) { groups, count in
                    for p in keys.indices { groups[p] = groupBits == 0 ? 0 : keys[p] >> groupShift }
                    count = keys.count
                }
            }
        } else {
            var pairs: [(group: UInt64, rest: UInt64)] = []
            pairs.reserveCapacity(occurrences.count)
            for i in occurrences.indices {
                let o = occurrences[i]
                guard take(o) else { continue }
                pairs.append((group(o), UInt64(o.start.minutes - firstStart) << 32 | UInt64(i)))
            }
            pairs.sort { ($0.group, $0.rest) < ($1.group, $1.rest) }
            indices = pairs.map { Int32(truncatingIfNeeded: $0.rest & 0xFFFF_FFFF) }
            groups = pairs.map(\.group)
        }
        self.indices = indices
        self.groups = groups
    }

    /// Bits needed to hold `value` (0 for 0).
    static func bits(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }
}

/// The extent of a set of occurrences: what `SweepOrder` needs to pack its keys.
struct OccurrenceBounds {
    var firstDay: Int32 = 0
    var dateSpan: Int32 = 1
    var firstStart: Int32 = 0
    var lastStart: Int32 = 0
    /// Largest subject indices, read as unsigned (as `SweepOrder` packs them).
    var maxDoctor: UInt32 = 0
    var maxPerson: UInt32 = 0

    /// - Complexity: O(n)
    init(_ occurrences: UnsafeBufferPointer<Occurrence>) {
        guard let first = occurrences.first else { return }
        var lowDay = first.date.daysSinceEpoch, highDay = lowDay
        var lowStart = first.start.minutes, highStart = lowStart
        var maxDoctor: UInt32 = 0, maxPerson: UInt32 = 0
        for o in occurrences {
            lowDay = Swift.min(lowDay, o.date.daysSinceEpoch)
            highDay = Swift.max(highDay, o.date.daysSinceEpoch)
            lowStart = Swift.min(lowStart, o.start.minutes)
            highStart = Swift.max(highStart, o.start.minutes)
            maxDoctor = Swift.max(maxDoctor, UInt32(bitPattern: o.doctor))
            maxPerson = Swift.max(maxPerson, UInt32(bitPattern: o.person))
        }
        firstDay = lowDay
        dateSpan = highDay - lowDay + 1
        firstStart = lowStart
        lastStart = highStart
        self.maxDoctor = maxDoctor
        self.maxPerson = maxPerson
    }
}
