import SlotSolver

/// ISO 8601 date-times as MongoDB's Extended JSON writes them, parsed and formatted by hand:
/// DateFormatter is far too slow for a million dates and depends on locale settings.
enum ISODate {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset (`+02:00`, `+0200`,
    /// `+02`), into milliseconds since 1970 (UTC). Fraction digits past milliseconds are dropped.
    static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes s: UnsafeBufferPointer<UInt8>) -> Int64? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for i in range {
                let digit = Int(s[i]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard s.count >= 17, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
              s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t"), s[13] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16),
              let date = LocalDate(year: year, month: month, day: day), hour < 24, minute < 60
        else { return nil }
        var i = 16
        var second = 0
        var millisecond = 0
        if i < s.count, s[i] == UInt8(ascii: ":") {
            guard let value = number(i + 1..<i + 3), value < 60 else { return nil }
            second = value
            i += 3
            if i < s.count, s[i] == UInt8(ascii: ".") {
                i += 1
                var digits = 0
                while i < s.count, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
                    if digits < 3 { millisecond = millisecond * 10 + Int(s[i] - 48) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                if digits < 3 { for _ in digits..<3 { millisecond *= 10 } }
            }
        }
        guard i < s.count else { return nil }  // a zone designator is required: instants are absolute
        var offsetMinutes = 0
        switch s[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number(i + 1..<i + 3), hours <= 23 else { return nil }
            i += 3
            var minutes = 0
            if i < s.count {
                if s[i] == UInt8(ascii: ":") { i += 1 }
                guard let value = number(i..<i + 2), value < 60 else { return nil }
                minutes = value
                i += 2
            }
            offsetMinutes = sign * (hours * 60 + minutes)
        default:
            return nil
        }
        guard i == s.count else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1000 + Int64(millisecond)
    }

    /// `2026-12-06T13:15:00Z`, or `2026-12-06T13:15:00.250Z` when the milliseconds are not zero:
    /// the relaxed Extended JSON form mongoexport writes.
    static func format(_ epochMilliseconds: Int64) -> String {
        let ms = epochMilliseconds
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let milli = Int(ms - seconds * 1000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = LocalDate(daysSinceEpoch: Int32(truncatingIfNeeded: days))
        var text = date.description + "T" + pad(secondOfDay / 3600) + ":" + pad(secondOfDay / 60 % 60) + ":" + pad(secondOfDay % 60)
        if milli != 0 {
            let digits = String(milli)
            text += "." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        return text + "Z"
    }

    /// Whether relaxed Extended JSON may write this instant as an ISO string (years 1970...9999);
    /// other instants are written as `{"$numberLong": …}` even in relaxed mode.
    static func isRelaxedRepresentable(_ epochMilliseconds: Int64) -> Bool {
        epochMilliseconds >= 0 && epochMilliseconds < 253_402_300_800_000
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
