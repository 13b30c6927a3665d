/// Turns the model's records into the dated, timed occurrences the sweep and the plan work on.
///
/// Only what occupies time becomes an occurrence: `booked` appointments and `scheduled` or
/// `completed` rep visits. A weekly (standing) appointment becomes one occurrence per date of its
/// weekday in the range, minus its skipped dates; a dated one occurs on its date when that is in
/// the range.
public enum OccurrenceExpansion {
    /// Every occupying occurrence in `range` (booked appointment occurrences, `scheduled`/`completed`
    /// visits), for all doctors or only `doctors`. Appointment length: the doctor's schedule for that
    /// weekday (`calendar.appointmentMinutes`), else 15. Weekly appointments expand to every date in range
    /// with their weekday, minus `skipping`; dated ones occur on their date if in range.
    ///
    /// The result lists appointments first (file order, each one's dates ascending), then visits
    /// (file order); callers that need time order sort it.
    ///
    /// - Complexity: O(appointments × weeks in range + visits)
    public static func occurrences(of model: ClinicModel, calendar: WorkCalendar, in range: DateRange,
                                   doctors: Set<Int32>? = nil) -> [Occurrence] {
        var result: [Occurrence] = []
        result.reserveCapacity(model.appointments.count * Swift.max(1, (range.count + 6) / 7)
                               + model.visits.count)
        guard range.count > 0 else { return result }
        let firstWeekday = range.first.weekday.rawValue

        for (index, appointment) in model.appointments.enumerated() where appointment.occupiesTime {
            if let doctors, !doctors.contains(appointment.doctor) { continue }
            switch appointment.recurrence {
            case .weekly(let weekday, let skipping):
                let length = calendar.appointmentMinutes(doctor: appointment.doctor, weekday: weekday)
                var offset = (weekday.rawValue - firstWeekday + 7) % 7
                while offset < range.count {
                    let date = range.first.adding(days: offset)
                    offset += 7
                    if !skipping.isEmpty && skipping.contains(date) { continue }
                    result.append(Occurrence(kind: .appointment, doctor: appointment.doctor,
                                             person: appointment.patient, record: Int32(index),
                                             date: date, start: appointment.time, length: length))
                }
            case .dated(let date):
                guard range.contains(date) else { continue }
                let length = calendar.appointmentMinutes(doctor: appointment.doctor, weekday: date.weekday)
                result.append(Occurrence(kind: .appointment, doctor: appointment.doctor,
                                         person: appointment.patient, record: Int32(index),
                                         date: date, start: appointment.time, length: length))
            }
        }

        for (index, visit) in model.visits.enumerated()
        where visit.status.occupiesTime && range.contains(visit.date) {
            if let doctors, !doctors.contains(visit.doctor) { continue }
            result.append(Occurrence(kind: .repVisit, doctor: visit.doctor, person: visit.rep,
                                     record: Int32(index), date: visit.date, start: visit.start,
                                     length: visit.length))
        }
        return result
    }
}
