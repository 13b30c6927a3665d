/// The one-sentence `detail` of each conflict kind, kept together so the wording stays uniform.
///
/// A report may hold a hundred thousand of these, so times are formatted by hand ("HH:MM", exactly
/// as `MinuteOfDay.description` writes them) rather than through generic interpolation.
enum ConflictSentences {
    static func noun(_ kind: ItemKind) -> String { kind == .appointment ? "appointment" : "rep visit" }

    static func closedDay(_ o: Occurrence, reason: String) -> String {
        let why = reason.isEmpty ? "" : " (" + reason + ")"
        return noun(o.kind) + " at " + clock(o.start) + " on a day the doctor is closed" + why
    }

    static func noSchedule(_ o: Occurrence) -> String {
        noun(o.kind) + " at " + clock(o.start) + " on a " + o.date.weekday.name + ", when the doctor has no schedule"
    }

    static func outsideHours(_ o: Occurrence, window: MinuteInterval) -> String {
        let name = o.kind == .appointment ? " is outside the patient window " : " is outside the rep window "
        return noun(o.kind) + " " + span(o.interval) + name + span(window)
    }

    static func overlap(count: Int, of what: String, span: MinuteInterval) -> String {
        String(count) + " overlapping " + what + " between " + clock(span.start) + " and " + clock(span.end)
    }

    static func overCapacity(count: Int, of kind: ItemKind, limit: Int32) -> String {
        kind == .appointment ? String(count) + " booked appointments, max_patients " + String(limit)
                             : String(count) + " occupying rep visits, max_reps " + String(limit)
    }

    static func overlappingWindows(_ rule: ScheduleRule) -> String {
        rule.weekday.name + " patient window " + span(rule.patientWindow) + " overlaps rep window "
            + span(rule.repWindow)
    }

    static func duplicateSchedules(count: Int, weekday: Weekday) -> String {
        String(count) + " schedules for " + weekday.name + "; the first in file order is used"
    }

    // MARK: - Times

    /// "HH:MM–HH:MM".
    static func span(_ interval: MinuteInterval) -> String {
        clock(interval.start) + "–" + clock(interval.end)
    }

    /// "HH:MM", as `MinuteOfDay.description`; five ASCII bytes fit a small string, so no allocation.
    static func clock(_ minute: MinuteOfDay) -> String {
        let m = Int(minute.minutes)
        guard m >= 0, m < 6000 else { return minute.description }
        return String(unsafeUninitializedCapacity: 5) { bytes in
            let zero = UInt8(ascii: "0")
            bytes[0] = zero + UInt8(m / 600)
            bytes[1] = zero + UInt8(m / 60 % 10)
            bytes[2] = UInt8(ascii: ":")
            bytes[3] = zero + UInt8(m % 60 / 10)
            bytes[4] = zero + UInt8(m % 10)
            return 5
        }
    }
}
