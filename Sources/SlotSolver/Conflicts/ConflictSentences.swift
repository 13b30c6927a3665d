/// The one-sentence `detail` of each conflict kind, kept together so the wording stays uniform.
enum ConflictSentences {
    static func noun(_ kind: ItemKind) -> String { kind == .appointment ? "appointment" : "rep visit" }

    static func closedDay(_ o: Occurrence, reason: String) -> String {
        let why = reason.isEmpty ? "" : " (\(reason))"
        return "\(noun(o.kind)) at \(o.start) on a day the doctor is closed\(why)"
    }

    static func noSchedule(_ o: Occurrence) -> String {
        "\(noun(o.kind)) at \(o.start) on a \(o.date.weekday), when the doctor has no schedule"
    }

    static func outsideHours(_ o: Occurrence, window: MinuteInterval) -> String {
        let name = o.kind == .appointment ? "patient" : "rep"
        return "\(noun(o.kind)) \(o.interval) is outside the \(name) window \(window)"
    }

    static func overlap(count: Int, of what: String, span: MinuteInterval) -> String {
        "\(count) overlapping \(what) between \(span.start) and \(span.end)"
    }

    static func overCapacity(count: Int, of kind: ItemKind, limit: Int32) -> String {
        kind == .appointment ? "\(count) booked appointments, max_patients \(limit)"
                             : "\(count) occupying rep visits, max_reps \(limit)"
    }

    static func overlappingWindows(_ rule: ScheduleRule) -> String {
        "\(rule.weekday) patient window \(rule.patientWindow) overlaps rep window \(rule.repWindow)"
    }

    static func duplicateSchedules(count: Int, weekday: Weekday) -> String {
        "\(count) schedules for \(weekday); the first in file order is used"
    }
}
