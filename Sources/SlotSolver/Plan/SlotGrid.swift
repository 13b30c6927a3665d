/// The slots a doctor's day offers, one rule for the plan, `book` and its suggestions: patient
/// slots are `appointment_minutes` long, back to back from the start of the patient window; rep
/// slots are `repSlotMinutes` apart from the start of the rep window (a visit of another length
/// still starts on that grid). A slot lies wholly inside its window.
public struct SlotGrid: Hashable, Sendable {
    /// Rep visits are offered every 15 minutes (the seed's default visit length).
    public static let repSlotMinutes: Int32 = 15

    public var window: MinuteInterval
    /// Minutes between two slot starts.
    public var step: Int32
    /// Minutes one booking takes.
    public var length: Int32

    public init(window: MinuteInterval, step: Int32, length: Int32) {
        self.window = window
        self.step = max(1, step)
        self.length = length
    }

    /// The grid of `kind` under the weekday's rule; `length` is the booking's own length (the
    /// appointment length for patients, the visit's for reps).
    public init(rule: ScheduleRule, kind: ItemKind, length: Int32? = nil) {
        switch kind {
        case .appointment:
            self.init(window: rule.patientWindow, step: rule.appointmentMinutes, length: length ?? rule.appointmentMinutes)
        case .repVisit:
            self.init(window: rule.repWindow, step: Self.repSlotMinutes, length: length ?? Self.repSlotMinutes)
        }
    }

    /// Whether a booking may start at `start` on this grid (it need not fit: that is check 3's other half).
    @inlinable public func isSlotStart(_ start: MinuteOfDay) -> Bool {
        start >= window.start && (start.minutes - window.start.minutes) % step == 0
    }

    /// Every slot of the grid that fits in the window, in time order.
    /// - Complexity: O(window / step)
    public var slots: [MinuteInterval] {
        guard length > 0 else { return [] }
        var result: [MinuteInterval] = []
        var start = window.start
        while start + length <= window.end {
            result.append(MinuteInterval(start: start, length: length))
            start = start + step
        }
        return result
    }

    /// The slots that overlap none of `busy` (sorted by start; they may overlap each other).
    /// - Complexity: O(slots + busy)
    public func freeSlots(busy: [MinuteInterval]) -> [MinuteInterval] {
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
        for slot in slots {
            while next < merged.count && merged[next].end <= slot.start { next += 1 }
            if next == merged.count || !merged[next].overlaps(slot) { free.append(slot) }
        }
        return free
    }
}
