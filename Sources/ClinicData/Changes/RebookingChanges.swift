import SlotSolver

/// Turns a rebooking result into changes to the data (scheduling.md "Rebooking", issue 3):
/// - a moved dated appointment gets its new date, time and weekday;
/// - a moved occurrence of a weekly appointment becomes a `skip_dates` entry on it plus a new
///   dated appointment for the new slot;
/// - a moved visit gets its new date and status `scheduled`;
/// - new closures become `clinic_days` documents (one per doctor working that weekday, or the
///   `--doctor`'s alone), unless the doctor is already closed that date.
/// Items that could not be placed are left as they are.
public enum RebookingChanges {
    public static func make(_ result: RebookingResult, closures: [ExtraClosure], dataset: ClinicDataset,
                            mapping: ModelMapping, timeZone: ClinicTimeZone, ids: inout ObjectIDMaker) -> ChangeSet {
        var appointments: [Int: Appointment] = [:]   // records edited so far, by index
        var order: [Int] = []                          // first-edit order, so output is stable
        var inserted: [DataChange] = []
        var visits: [DataChange] = []
        func midnight(_ date: LocalDate) -> Instant {
            Instant(epochMilliseconds: timeZone.epochMilliseconds(date: date, minute: .midnight))
        }
        for move in result.moves {
            guard let toDate = move.toDate, let toStart = move.toStart else { continue }
            let index = Int(move.record)
            switch move.kind {
            case .appointment:
                if appointments[index] == nil { order.append(index) }
                var appointment = appointments[index] ?? dataset.appointments[index]
                if appointment.date != nil {
                    appointment.date = midnight(toDate)
                    appointment.time = toStart
                    appointment.day = toDate.weekday
                } else {
                    appointment.skipDates.append(midnight(move.fromDate))
                    inserted.append(.insertAppointment(Appointment(
                        id: ids.next(), doctorId: appointment.doctorId, patientId: appointment.patientId,
                        day: toDate.weekday, time: toStart, status: .booked, date: midnight(toDate))))
                }
                appointments[index] = appointment
            case .repVisit:
                var visit = dataset.repVisits[index]
                visit.date = Instant(epochMilliseconds: timeZone.epochMilliseconds(date: toDate, minute: toStart))
                visit.status = .scheduled
                visits.append(.updateRepVisit(visit))
            }
        }
        var changes = order.map { DataChange.updateAppointment(appointments[$0]!) } + inserted + visits
        changes += closureDocuments(closures, mapping: mapping, dataset: dataset, ids: &ids, midnight: midnight)
        return ChangeSet(changes)
    }

    private static func closureDocuments(_ closures: [ExtraClosure], mapping: ModelMapping, dataset: ClinicDataset,
                                         ids: inout ObjectIDMaker, midnight: (LocalDate) -> Instant) -> [DataChange] {
        let calendar = WorkCalendar(mapping.model)
        var changes: [DataChange] = []
        for closure in closures {
            let doctors = closure.doctor.map { [$0] } ?? (0..<Int32(dataset.doctors.count)).filter {
                calendar.schedule(doctor: $0, weekday: closure.date.weekday) != nil
            }
            for doctor in doctors where calendar.closure(doctor: doctor, date: closure.date) == nil {
                changes.append(.insertClinicDay(ClinicDay(
                    id: ids.next(), doctorId: dataset.doctors[Int(doctor)].id, date: midnight(closure.date),
                    isOpen: false, reason: closure.reason)))
            }
        }
        return changes
    }
}
