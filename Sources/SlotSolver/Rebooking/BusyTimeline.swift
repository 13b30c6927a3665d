/// The busy time of one resource on one date: disjoint, sorted, non-touching-merged intervals.
///
/// Occupying items in the data may overlap each other (that is a conflict, not our business
/// here); only the union matters for "is this new slot free", so the union is what is kept.
struct BusyTimeline: Sendable {
    /// Sorted by start; pairwise disjoint.
    private(set) var intervals: [MinuteInterval] = []

    init() {}

    /// The union of `items`.
    /// - Complexity: O(k log k).
    init(_ items: [MinuteInterval]) {
        let sorted = items.filter { !$0.isEmpty }.sorted { $0.start < $1.start }
        for item in sorted {
            if let last = intervals.last, item.start < last.end {
                if item.end > last.end { intervals[intervals.count - 1].end = item.end }
            } else {
                intervals.append(item)
            }
        }
    }

    /// Index of the first interval whose end is after `minute`.
    /// - Complexity: O(log k).
    func firstEnding(after minute: MinuteOfDay) -> Int {
        var low = 0, high = intervals.count
        while low < high {
            let mid = (low + high) / 2
            if intervals[mid].end <= minute { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether `slot` overlaps any busy interval (half-open).
    /// - Complexity: O(log k).
    func overlaps(_ slot: MinuteInterval) -> Bool {
        let i = firstEnding(after: slot.start)
        return i < intervals.count && intervals[i].start < slot.end
    }

    /// Marks `slot` busy.
    /// - Complexity: O(k).
    mutating func insert(_ slot: MinuteInterval) {
        guard !slot.isEmpty else { return }
        let i = firstEnding(after: slot.start)
        var merged = slot
        // Absorb every interval that overlaps the new one (touching ones stay apart: fine either way).
        while i < intervals.count, intervals[i].start < merged.end {
            merged.start = min(merged.start, intervals[i].start)
            merged.end = max(merged.end, intervals[i].end)
            intervals.remove(at: i)
        }
        intervals.insert(merged, at: i)
    }

    /// Frees `slot`, which must have been inserted and not merged with a neighbour (placed items
    /// never overlap one another on a resource, so in `PlacementState` none is).
    /// - Complexity: O(k).
    mutating func remove(_ slot: MinuteInterval) {
        let i = firstEnding(after: slot.start)
        if i < intervals.count, intervals[i] == slot { intervals.remove(at: i) }
    }

    /// Total busy minutes inside `window`.
    func busyMinutes(in window: MinuteInterval) -> Int32 {
        var total: Int32 = 0
        for interval in intervals {
            let s = max(interval.start, window.start), e = min(interval.end, window.end)
            if s < e { total += e.minutes - s.minutes }
        }
        return total
    }
}
