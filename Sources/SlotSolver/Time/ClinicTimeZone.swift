import Foundation

/// The clinic's IANA time zone: turns stored instants into local dates and wall-clock minutes and
/// back, correctly on the days a daylight-saving change happens.
///
/// Foundation's per-call offset lookup is far too slow for millions of instants, so the zone's
/// offset changes are read once into a sorted table and each conversion is a binary search.
public struct ClinicTimeZone: Sendable, CustomStringConvertible {
    public let identifier: String
    /// Offset changes: from `transitions[i]` (Unix seconds) on, the offset is `offsets[i]` seconds.
    private let transitions: [Int64]
    private let offsets: [Int32]

    public static let utc = ClinicTimeZone(fixedIdentifier: "UTC")

    /// The zone named `identifier` ("UTC", "Africa/Cairo", "America/New_York"), or nil when the
    /// system's tz database does not know it.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        // The table covers 1900...2200; every clinic date falls far inside it.
        var at = Date(timeIntervalSince1970: -2_208_988_800)
        let stop = Date(timeIntervalSince1970: 7_258_118_400)
        var transitions: [Int64] = [Int64.min]
        var offsets: [Int32] = [Int32(zone.secondsFromGMT(for: at))]
        while let next = zone.nextDaylightSavingTimeTransition(after: at), next < stop {
            let offset = Int32(zone.secondsFromGMT(for: next))
            if offset != offsets.last {
                transitions.append(Int64(next.timeIntervalSince1970.rounded()))
                offsets.append(offset)
            }
            at = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    private init(fixedIdentifier: String) {
        identifier = fixedIdentifier
        transitions = [Int64.min]
        offsets = [0]
    }

    public var description: String { identifier }

    /// The zone's offset from UTC, in seconds, at the Unix time `seconds`.
    @inlinable public func offset(atUnixSeconds seconds: Int64) -> Int32 {
        offsetTable(seconds)
    }

    @usableFromInline func offsetTable(_ seconds: Int64) -> Int32 {
        if offsets.count == 1 { return offsets[0] }
        var low = 0, high = transitions.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if transitions[mid] <= seconds { low = mid } else { high = mid - 1 }
        }
        return offsets[low]
    }

    /// The local date and wall-clock minute of an instant given in milliseconds since 1970 (UTC).
    /// Seconds are dropped: a visit at 13:15:40 starts in minute 13:15.
    /// The loader admits only 1900...2200 (`ValueDomains`); anything else is clamped to about
    /// ±140,000 years first, so that no instant, however far, can overflow here.
    public func local(epochMilliseconds raw: Int64) -> (date: LocalDate, minute: MinuteOfDay) {
        let limit: Int64 = 1 << 52
        let ms = min(max(raw, -limit), limit)
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let local = seconds + Int64(offsetTable(seconds))
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let minute = (local - day * 86_400) / 60
        return (LocalDate(daysSinceEpoch: Int32(day)), MinuteOfDay(Int32(minute)))
    }

    /// The instant (milliseconds since 1970, UTC) at which the local wall clock shows `minute` on
    /// `date`. A wall time skipped by a spring-forward change is read with the offset in force
    /// before the change (so 02:30 on such a day becomes 03:30), as iCalendar reads it; a wall time
    /// that occurs twice in a fall-back change is its first occurrence.
    public func epochMilliseconds(date: LocalDate, minute: MinuteOfDay) -> Int64 {
        let wall = Int64(date.daysSinceEpoch) * 86_400 + Int64(minute.minutes) * 60
        // Try the offsets in force around this wall time, earliest instant first.
        let before = offsetTable(wall - 86_400)
        let after = offsetTable(wall + 86_400)
        for offset in [max(before, after), min(before, after)] {
            let candidate = wall - Int64(offset)
            if offsetTable(candidate) == offset { return candidate * 1000 }
        }
        return (wall - Int64(before)) * 1000
    }
}
