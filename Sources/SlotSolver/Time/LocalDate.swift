/// A calendar date in the clinic's local time, stored as days since 1970-01-01.
///
/// A plain day count keeps dates cheap to compare, hash and step through, which the engine does
/// millions of times; the civil-calendar conversions are Howard Hinnant's exact algorithms.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var daysSinceEpoch: Int32

    @inlinable public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The date with this year, month (1...12) and day (1...31), or nil when no such date exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = Int32(era * 146097 + doe - 719468)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = LocalDate.digits(bytes[0..<4]), let m = LocalDate.digits(bytes[5..<7]),
              let d = LocalDate.digits(bytes[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1970-01-01 was a Thursday.
    @inlinable public var weekday: Weekday {
        let r = (Int(daysSinceEpoch) + 4) % 7
        return Weekday(rawValue: r < 0 ? r + 7 : r)!
    }

    @inlinable public func adding(days: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + Int32(days))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    @inlinable public func days(to other: LocalDate) -> Int { Int(other.daysSinceEpoch - daysSinceEpoch) }

    /// The Sunday on or before this date: the first day of its clinic week.
    public var startOfWeek: LocalDate { adding(days: -weekday.rawValue) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return LocalDate.pad(y, 4) + "-" + LocalDate.pad(m, 2) + "-" + LocalDate.pad(d, 2)
    }

    @inlinable public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Consecutive dates `first ..< first + count`: the `--from DATE --days N` range.
public struct DateRange: Hashable, Sendable, Sequence, CustomStringConvertible {
    public var first: LocalDate
    public var count: Int

    public init(first: LocalDate, count: Int) {
        self.first = first
        self.count = Swift.max(0, count)
    }

    /// The day after the last date of the range.
    public var end: LocalDate { first.adding(days: count) }
    public var last: LocalDate { first.adding(days: count - 1) }

    @inlinable public func contains(_ date: LocalDate) -> Bool {
        date.daysSinceEpoch >= first.daysSinceEpoch && date.daysSinceEpoch < first.daysSinceEpoch + Int32(count)
    }

    public func makeIterator() -> AnyIterator<LocalDate> {
        var next = 0
        return AnyIterator {
            guard next < count else { return nil }
            defer { next += 1 }
            return first.adding(days: next)
        }
    }

    public var description: String { count == 0 ? "(empty)" : "\(first)…\(last)" }
}
