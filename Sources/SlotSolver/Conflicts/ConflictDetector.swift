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
            return resolvedOnBothCores(found, occurrences: buffer, model: model)
        }
        ReportOrder.sort(&conflicts)
        return ConflictReport(conflicts: conflicts)
    }

    /// The public form of every conflict (each with its members' id strings), the first half
    /// made on one core and the second on the other, straight into the result's storage.
    private static func resolvedOnBothCores(_ found: RawConflicts, occurrences: UnsafeBufferPointer<Occurrence>,
                                            model: ClinicModel) -> [Conflict] {
        let count = found.conflicts.count
        return [Conflict](unsafeUninitializedCapacity: count) { storage, initialized in
            let half = count / 2
            func resolve(_ range: Range<Int>) {
                for i in range {
                    (storage.baseAddress! + i).initialize(to: found.resolved(found.conflicts[i], occurrences: occurrences,
                                                                             model: model))
                }
            }
            if count > 0 {
                _ = BothCores.run({ resolve(0..<half) }, { resolve(half..<count) })
            }
            initialized = count
        }
    }
}
