/// The moment by which a computation must have ended: `--time-limit` turned into an absolute
/// instant once, when the command starts, and handed to every stage that can take long — model
/// construction, enumeration, dynamic programming, column generation, every GLPK call and every
/// search loop (HiGHS's `checkLimits()`, CP-SAT's shared time limit). A stage asks `check()` in
/// its loops; a sub-search gets `capped(atMost:)`, never a clock of its own, so no stage can
/// outlive its parent's promise.
///
/// Reading `ContinuousClock.now` costs tens of nanoseconds, so loops may ask on every iteration;
/// the innermost searches ask every few thousand nodes.
public struct Deadline: Sendable, Equatable {
    /// nil: no limit.
    public let instant: ContinuousClock.Instant?

    /// No limit at all.
    public static let never = Deadline(instant: nil)

    public init(instant: ContinuousClock.Instant?) {
        self.instant = instant
    }

    /// `seconds` from now (nil: never).
    public static func after(seconds: Double?) -> Deadline {
        guard let seconds else { return .never }
        return Deadline(instant: ContinuousClock.now.advanced(by: Deadline.duration(seconds)))
    }

    /// Seconds left, never negative; nil without a limit.
    public var remainingSeconds: Double? {
        guard let instant else { return nil }
        let left = ContinuousClock.now.duration(to: instant)
        return max(0, Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18)
    }

    public var hasPassed: Bool {
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }

    /// Throws `DeadlineReached` once the deadline has passed.
    public func check() throws(DeadlineReached) {
        if hasPassed { throw DeadlineReached() }
    }

    /// The earlier of this deadline and `seconds` from now: the budget of a sub-search.
    public func capped(atMost seconds: Double) -> Deadline {
        let cap = ContinuousClock.now.advanced(by: Deadline.duration(seconds))
        guard let instant else { return Deadline(instant: cap) }
        return Deadline(instant: min(instant, cap))
    }

    /// This deadline moved `seconds` earlier (a reserve for the work that must follow it).
    public func reserving(_ seconds: Double) -> Deadline {
        guard let instant else { return self }
        return Deadline(instant: instant.advanced(by: Deadline.duration(-seconds)))
    }

    /// The smaller of the remaining seconds and `seconds` (for a solver's own time option).
    public func secondsLeft(atMost seconds: Double? = nil) -> Double? {
        switch (remainingSeconds, seconds) {
        case (nil, nil): return nil
        case let (left?, nil): return left
        case let (nil, cap?): return cap
        case let (left?, cap?): return min(left, cap)
        }
    }

    private static func duration(_ seconds: Double) -> Duration {
        // Beyond a century the deadline is as good as never; clamping keeps Duration from trapping.
        let clamped = min(max(seconds, -3.2e9), 3.2e9)
        return .nanoseconds(Int64(clamped * 1e9))
    }
}

/// Thrown by `Deadline.check()`: the stage stops, and whoever holds the best solution so far
/// returns it with the best bound proven so far.
public struct DeadlineReached: Error, Sendable {
    public init() {}
}
