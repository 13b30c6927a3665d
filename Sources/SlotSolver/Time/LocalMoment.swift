/// A date and a wall-clock minute in the clinic's zone: "2026-12-03T14:30".
public struct LocalMoment: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var minute: MinuteOfDay

    public init(date: LocalDate, minute: MinuteOfDay = .midnight) {
        self.date = date
        self.minute = minute
    }

    /// Parses `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:MM`.
    public init?(iso text: String) {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = LocalDate(iso: String(parts[0])) else { return nil }
        if parts.count == 1 {
            self.init(date: date)
            return
        }
        guard let minute = MinuteOfDay(hhmm: parts[1]) else { return nil }
        self.init(date: date, minute: minute)
    }

    public var description: String { "\(date)T\(minute)" }

    public static func < (lhs: LocalMoment, rhs: LocalMoment) -> Bool {
        (lhs.date, lhs.minute) < (rhs.date, rhs.minute)
    }
}
