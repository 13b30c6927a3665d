/// Finds every conflict of scheduling.md ("Conflicts") over a range of dates.
public enum ConflictDetector {
    /// Expands the model's occupying items over `range` (for all doctors: rep and patient
    /// double bookings cross doctors) and reports their conflicts, plus the invalid schedules.
    /// With `doctor` set, keeps that doctor's own conflicts and the rep and patient double
    /// bookings that include one of its items.
    ///
    /// - Complexity: O(n log n) in occurrences; output linear in n (clusters, not pairs).
    public static func detect(model: ClinicModel, calendar: WorkCalendar, range: DateRange,
                              doctor: Int32? = nil) -> ConflictReport {
        let occurrences = OccurrenceExpansion.occurrences(of: model, calendar: calendar, in: range)
        return detect(occurrences: occurrences, model: model, calendar: calendar, doctor: doctor)
    }

    /// The engine alone, on occurrences already expanded (e.g. by `OccurrenceExpansion`): every
    /// conflict among them, plus the model's invalid schedules, in report order.
    ///
    /// - Complexity: O(n log n) in occurrences; output linear in n.
    public static func detect(occurrences: [Occurrence], model: ClinicModel, calendar: WorkCalendar,
                              doctor: Int32? = nil) -> ConflictReport {
        var conflicts = occurrences.withUnsafeBufferPointer { buffer in
            let found = ConflictSweep.conflicts(in: buffer, model: model, calendar: calendar, doctor: doctor)
            return found.conflicts.map { found.resolved($0, occurrences: buffer, model: model) }
        }
        ReportOrder.sort(&conflicts)
        return ConflictReport(conflicts: conflicts)
    }
}
