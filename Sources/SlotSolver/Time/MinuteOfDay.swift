/// A wall-clock time in the clinic's zone, as minutes since local midnight.
///
/// 0...1439 are the times of a day; 1440 ("24:00") is accepted only where a window may end at
/// midnight. Times past 1440 arise only as the end of an item that runs past midnight.
public struct MinuteOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutes: Int32

    @inlinable public init(_ minutes: Int32) { self.minutes = minutes }
    @inlinable public init(hour: Int, minute: Int) { minutes = Int32(hour * 60 + minute) }

    public static let midnight = MinuteOfDay(0)
    public static let endOfDay = MinuteOfDay(1440)

    /// Parses a 24-hour "HH:MM", two digits each ("9:00" is refused: the spec's form is fixed,
    /// and other readers of the same data compare times as text). "24:00" parses only when
    /// `allowEndOfDay` is set.
    public init?(hhmm text: some StringProtocol, allowEndOfDay: Bool = false) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              let h = LocalDate.digits(bytes[0..<2]), let m = LocalDate.digits(bytes[3...]) else { return nil }
        if h == 24 && m == 0 && allowEndOfDay { self.init(1440); return }
        guard h < 24, m < 60 else { return nil }
        self.init(hour: h, minute: m)
    }

    /// "HH:MM"; minutes past midnight of the next day print as "24:10" and so on.
    public var description: String {
        LocalDate.pad(Int(minutes) / 60, 2) + ":" + LocalDate.pad(Int(minutes) % 60, 2)
    }

    @inlinable public static func < (lhs: MinuteOfDay, rhs: MinuteOfDay) -> Bool { lhs.minutes < rhs.minutes }
    @inlinable public static func + (lhs: MinuteOfDay, rhs: Int32) -> MinuteOfDay { MinuteOfDay(lhs.minutes + rhs) }
}

/// A half-open span of wall-clock minutes, [start, end): an appointment, a visit or a window.
public struct MinuteInterval: Hashable, Sendable, CustomStringConvertible {
    public var start: MinuteOfDay
    public var end: MinuteOfDay

    @inlinable public init(start: MinuteOfDay, end: MinuteOfDay) {
        self.start = start
        self.end = end
    }

    @inlinable public init(start: MinuteOfDay, length: Int32) {
        self.init(start: start, end: start + length)
    }

    @inlinable public var length: Int32 { end.minutes - start.minutes }
    @inlinable public var isEmpty: Bool { end <= start }

    /// Half-open overlap: touching intervals ([9:00, 9:15) and [9:15, 9:30)) do not overlap.
    @inlinable public func overlaps(_ other: MinuteInterval) -> Bool {
        start < other.end && other.start < end
    }

    /// Whether `other` lies wholly inside this interval (start ≥ start and end ≤ end).
    @inlinable public func contains(_ other: MinuteInterval) -> Bool {
        other.start >= start && other.end <= end
    }

    /// "HH:MM–HH:MM".
    public var description: String { "\(start)–\(end)" }
}
