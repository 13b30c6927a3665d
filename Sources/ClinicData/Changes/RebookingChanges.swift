import SlotSolver

/// Turns a rebooking result into changes to the data (scheduling.md "Rebooking", issue 3):
/// - a moved dated appointment gets its new date, time and weekday;
/// - a moved occurrence of a weekly appointment becomes a `skip_dates` entry on it plus a new
///   dated appointment for the new slot;
/// - a moved visit gets its new date and status `scheduled`;
/// - new closures become `clinic_days` documents by the rule of `ClosureChanges`.
/// Items that could not be placed are left as they are. New `_id`s are derived from the data
/// (`ObjectIDDeriver`), so the preview, the mongosh script and `--apply` agree on them.
public enum RebookingChanges {
    public static func make(_ result: RebookingResult, closures: [ExtraClosure], dataset: ClinicDataset,
                            mapping: ModelMapping, timeZone: ClinicTimeZone) -> ChangeSet {
        var ids = ObjectIDDeriver(dataset: dataset)
        var appointments: [Int: Appointment] = [:]   // records edited so far, by index
        var order: [Int] = []                          // first-edit order, so output is stable
        var inserted: [DataChange] = []
        var visits: [DataChange] = []
        func instant(_ date: LocalDate, _ minute: MinuteOfDay = .midnight) -> Instant {
            Instant(epochMilliseconds: timeZone.epochMilliseconds(date: date, minute: minute))
        }
        for move in result.moves {
            guard let toDate = move.toDate, let toStart = move.toStart else { continue }
            let index = Int(move.record)
            switch move.kind {
            case .appointment:
                if appointments[index] == nil { order.append(index) }
                var appointment = appointments[index] ?? dataset.appointments[index]
                if appointment.date != nil {
                    appointment.date = instant(toDate)
                    appointment.time = toStart
                    appointment.day = toDate.weekday
                } else {
                    appointment.skipDates.append(instant(move.fromDate))
                    let id = ids.id(for: ["appointments", appointment.id.description, move.fromDate.description,
                                          toDate.description, toStart.description], at: instant(toDate, toStart))
                    inserted.append(.appointment(.insert(Appointment(
                        id: id, doctorId: appointment.doctorId, patientId: appointment.patientId,
                        day: toDate.weekday, time: toStart, status: .booked, date: instant(toDate)))))
                }
                appointments[index] = appointment
            case .repVisit:
                let before = dataset.repVisits[index]
                var visit = before
                visit.date = instant(toDate, toStart)
                visit.status = .scheduled
                visits.append(.repVisit(.update(before, to: visit)))
            }
        }
        var changes = ChangeSet(order.map { .appointment(.update(dataset.appointments[$0], to: appointments[$0]!)) }
                                + inserted + visits)
        var closedDates = Set<LocalDate>()
        for closure in closures where closedDates.insert(closure.date).inserted {
            changes = changes + ClosureChanges.close(closure.date, reason: closure.reason, doctor: closure.doctor,
                                                     dataset: dataset, mapping: mapping, timeZone: timeZone,
                                                     ids: &ids).changes
        }
        return changes
    }
}
