import Foundation
import SlotSolver

/// The VTIMEZONE component of a clinic's zone (RFC 5545 §3.6.5), from the system's tz database:
/// one observance in force when the events begin, then one per offset change until they end, so
/// that a calendar program places every local time right without knowing the zone by name.
struct ICSTimeZone {
    let zone: TimeZone

    init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// Whether the zone is UTC all year (then events are written in UTC with "Z", no VTIMEZONE).
    func isUTC(around seconds: Int64) -> Bool {
        let at = Date(timeIntervalSince1970: TimeInterval(seconds))
        let yearBefore = at.addingTimeInterval(-366 * 86_400)
        return zone.secondsFromGMT(for: at) == 0
            && zone.nextDaylightSavingTimeTransition(after: yearBefore).map { $0 > at.addingTimeInterval(366 * 86_400) } ?? true
    }

    /// Writes the component covering the Unix seconds `from ... to`.
    func write(into writer: inout ICSWriter, identifier: String, from: Int64, to: Int64) {
        let start = Date(timeIntervalSince1970: TimeInterval(from))
        let stop = Date(timeIntervalSince1970: TimeInterval(to))
        // Offset changes from two years before the events (to find the one in force) to their end.
        var changes: [Date] = []
        var at = start.addingTimeInterval(-2 * 366 * 86_400)
        while let next = zone.nextDaylightSavingTimeTransition(after: at), next <= stop {
            if zone.secondsFromGMT(for: next) != zone.secondsFromGMT(for: next.addingTimeInterval(-1)) {
                changes.append(next)
            }
            at = next
        }
        let inForce = changes.last { $0 <= start }
        let later = changes.filter { $0 > start }

        writer.begin("VTIMEZONE")
        writer.text("TZID", identifier)
        if let inForce {
            observance(at: inForce, into: &writer)
        } else {
            // No change in two years: one observance with the current offset since 1970.
            let offset = zone.secondsFromGMT(for: start)
            let kind = zone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD"
            writer.begin(kind)
            writer.raw("DTSTART", "19700101T000000")
            writer.raw("TZOFFSETFROM", ICSTimeZone.offsetText(offset))
            writer.raw("TZOFFSETTO", ICSTimeZone.offsetText(offset))
            if let name = ICSTimeZone.name(zone.abbreviation(for: start)) { writer.text("TZNAME", name) }
            writer.end(kind)
        }
        for change in later { observance(at: change, into: &writer) }
        writer.end("VTIMEZONE")
    }

    /// A STANDARD or DAYLIGHT observance starting at `change`; its DTSTART is the local time
    /// just before the change (in the old offset), as RFC 5545 requires.
    private func observance(at change: Date, into writer: inout ICSWriter) {
        let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
        let to = zone.secondsFromGMT(for: change)
        let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
        writer.begin(kind)
        let localSeconds = Int64(change.timeIntervalSince1970.rounded()) + Int64(from)
        writer.raw("DTSTART", ICSTimeZone.localText(seconds: localSeconds))
        writer.raw("TZOFFSETFROM", ICSTimeZone.offsetText(from))
        writer.raw("TZOFFSETTO", ICSTimeZone.offsetText(to))
        if let name = ICSTimeZone.name(zone.abbreviation(for: change)) { writer.text("TZNAME", name) }
        writer.end(kind)
    }

    /// A real abbreviation ("EET", "EDT"), or nil for the bare offsets ("GMT+2") some systems
    /// give instead, which calendar programs would show as the zone's name.
    static func name(_ abbreviation: String?) -> String? {
        guard let abbreviation, abbreviation == "GMT" || abbreviation == "UTC" || !abbreviation.hasPrefix("GMT") else {
            return nil
        }
        return abbreviation
    }

    // MARK: - value formats

    /// "+0200", "-0430", "+0000" (seconds dropped: every real zone offset is whole minutes now).
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + pad(minutes / 60) + pad(minutes % 60)
    }

    /// "YYYYMMDDTHHMMSS" of a wall-clock time given as seconds since 1970-01-01T00:00 (local).
    static func localText(seconds: Int64) -> String {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - day * 86_400
        return compact(LocalDate(daysSinceEpoch: Int32(day))) + "T"
            + pad(Int(rest / 3600)) + pad(Int(rest % 3600 / 60)) + pad(Int(rest % 60))
    }

    /// "YYYYMMDDTHHMMSSZ" of an instant.
    static func utcText(epochMilliseconds ms: Int64) -> String {
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        return localText(seconds: seconds) + "Z"
    }

    /// "20261129": a date as iCalendar writes it.
    static func compact(_ date: LocalDate) -> String {
        let (y, m, d) = date.components
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + pad(m) + pad(d)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
