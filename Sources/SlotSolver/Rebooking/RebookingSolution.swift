/// Where each item goes: a range day and start minute, or nowhere. Indexed like `instance.items`.
struct RebookingSolution: Sendable, Equatable {
    struct Placement: Sendable, Equatable {
        /// Range day offset, or -1 when unplaced.
        var day: Int32
        var start: Int32

        static let unplaced = Placement(day: -1, start: 0)
        var isPlaced: Bool { day >= 0 }
    }

    var placements: [Placement]

    init(unplacedCount: Int) {
        placements = Array(repeating: .unplaced, count: unplacedCount)
    }

    /// Σ delay days: t − o for placed items, range end − o for the others.
    func objective(in instance: RebookingInstance) -> Int {
        var total = 0
        for (i, item) in instance.items.enumerated() {
            let p = placements[i]
            total += p.isPlaced ? item.originalDate.days(to: instance.date(ofDay: p.day)) : item.unplacedCost
        }
        return total
    }
}

/// What the items placed so far occupy, on top of what stays (which candidate starts already
/// avoid): busy time per doctor-, rep- and patient-date, and counts per doctor-date and kind.
struct PlacementState: Sendable {
    private(set) var busy: [ResourceDay: BusyTimeline] = [:]
    private(set) var count: [ResourceDay: Int32] = [:]

    /// Whether `item` fits at `start` on candidate `day`, given what was placed so far.
    /// - Complexity: O(log k).
    func fits(_ item: RebookItem, day: CandidateDay, start: Int32, remainingCapacity: Int32) -> Bool {
        guard (count[ResourceDay.count(item.kind, doctor: item.doctor, day: day.day)] ?? 0) < remainingCapacity
        else { return false }
        let slot = MinuteInterval(start: MinuteOfDay(start), length: day.length)
        if busy[ResourceDay(.doctor, item.doctor, day: day.day)]?.overlaps(slot) ?? false { return false }
        if busy[ResourceDay.person(item.kind, item.person, day: day.day)]?.overlaps(slot) ?? false { return false }
        return true
    }

    mutating func place(_ item: RebookItem, day: CandidateDay, start: Int32) {
        let slot = MinuteInterval(start: MinuteOfDay(start), length: day.length)
        busy[ResourceDay(.doctor, item.doctor, day: day.day), default: BusyTimeline()].insert(slot)
        busy[ResourceDay.person(item.kind, item.person, day: day.day), default: BusyTimeline()].insert(slot)
        count[ResourceDay.count(item.kind, doctor: item.doctor, day: day.day), default: 0] += 1
    }

    mutating func remove(_ item: RebookItem, day: CandidateDay, start: Int32) {
        let slot = MinuteInterval(start: MinuteOfDay(start), length: day.length)
        busy[ResourceDay(.doctor, item.doctor, day: day.day)]?.remove(slot)
        busy[ResourceDay.person(item.kind, item.person, day: day.day)]?.remove(slot)
        count[ResourceDay.count(item.kind, doctor: item.doctor, day: day.day), default: 1] -= 1
    }

    /// The earliest (day, start) where `item` fits, or nil.
    /// - Complexity: O(candidate starts × log k).
    func earliestFit(for index: Int, in instance: RebookingInstance, before limit: Int32 = .max)
        -> (CandidateDay, Int32)? {
        let item = instance.items[index]
        for day in instance.candidateDays(of: index) where day.day < limit {
            let capacity = instance.remainingCapacity(of: item, day: day.day)
            guard (count[ResourceDay.count(item.kind, doctor: item.doctor, day: day.day)] ?? 0) < capacity
            else { continue }
            for start in instance.startMinutes(day) where fits(item, day: day, start: start, remainingCapacity: capacity) {
                return (day, start)
            }
        }
        return nil
    }
}
