/// The free slots of a window: grid slots [start + k·step, start + k·step + length) that lie
/// inside the window and overlap none of the busy intervals.
enum FreeSlots {
    /// Rep visits are offered on a 15-minute grid.
    static let repSlotMinutes: Int32 = 15

    /// - Parameters:
    ///   - busy: the occupied intervals, sorted by start (they may overlap each other).
    /// - Complexity: O(slots + busy)
    static func slots(in window: MinuteInterval, length: Int32, busy: [MinuteInterval]) -> [MinuteInterval] {
        guard length > 0 else { return [] }
        // Merge the busy intervals into disjoint ones, so one forward pointer answers each slot.
        var merged: [MinuteInterval] = []
        for interval in busy where !interval.isEmpty {
            if let last = merged.last, interval.start <= last.end {
                if last.end < interval.end { merged[merged.count - 1].end = interval.end }
            } else {
                merged.append(interval)
            }
        }
        var free: [MinuteInterval] = []
        var next = 0
        var start = window.start
        while start + length <= window.end {
            let slot = MinuteInterval(start: start, length: length)
            while next < merged.count && merged[next].end <= slot.start { next += 1 }
            if next == merged.count || !merged[next].overlaps(slot) { free.append(slot) }
            start = start + length
        }
        return free
    }
}
