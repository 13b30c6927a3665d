/// An ISODate: milliseconds since 1970-01-01T00:00:00Z, as MongoDB stores dates.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var epochMilliseconds: Int64

    public init(epochMilliseconds: Int64) { self.epochMilliseconds = epochMilliseconds }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.epochMilliseconds < rhs.epochMilliseconds }

    /// `2026-12-06T13:15:00Z` (milliseconds shown only when not zero).
    public var description: String { ISODate.format(epochMilliseconds) }
}
