import SlotSolver

/// The engine's view of a dataset: doctors, reps and patients as dense indices in file order,
/// every ISODate turned into a local date and wall-clock minute in the clinic's zone.
/// `model.appointments[i]` is `dataset.appointments[i]`, `model.visits[i]` is
/// `dataset.repVisits[i]`, and schedules and closures keep file order too.
public struct ModelMapping: Sendable {
    public let model: ClinicModel
    private let doctors: DocumentIDIndex
    private let reps: DocumentIDIndex
    private let patients: DocumentIDIndex

    /// Maps a dataset that loaded without errors (every reference resolves); a dangling
    /// reference is a programming error here, because loading reports it first.
    ///
    /// - Complexity: O(n) in the number of documents (plus the skip dates).
    public init(_ dataset: ClinicDataset, timeZone: ClinicTimeZone) {
        func indices<Records: Collection>(_ records: Records, _ id: (Records.Element) -> DocumentID) -> DocumentIDIndex {
            var map = DocumentIDIndex(minimumCapacity: records.count)
            // Duplicates cannot survive validation; keep the first anyway, as the engine would.
            for (i, record) in records.enumerated() { map.insertIfAbsent(id(record), Int32(i)) }
            return map
        }
        let doctors = indices(dataset.doctors, \.id)
        let reps = indices(dataset.medicalReps, \.id)
        let patients = indices(dataset.patients, \.id)
        func resolve(_ map: DocumentIDIndex, _ id: DocumentID, _ what: String) -> Int32 {
            guard let index = map.value(for: id) else { preconditionFailure("ModelMapping: \(what) \(id) is not in the dataset") }
            return index
        }
        func localDate(_ instant: Instant) -> LocalDate { timeZone.local(epochMilliseconds: instant.epochMilliseconds).date }

        let schedules = dataset.schedules.map { schedule in
            ScheduleRule(
                id: schedule.id.description, doctor: resolve(doctors, schedule.doctorId, "doctor"), weekday: schedule.day,
                patientWindow: MinuteInterval(start: schedule.patientStart, end: schedule.patientEnd),
                repWindow: MinuteInterval(start: schedule.repStart, end: schedule.repEnd),
                maxPatients: Int32(clamping: schedule.maxPatients), maxReps: Int32(clamping: schedule.maxReps),
                appointmentMinutes: schedule.appointmentMinutes.map { Int32(clamping: $0) } ?? ScheduleRule.defaultAppointmentMinutes)
        }
        let closures = dataset.clinicDays.map { day in
            ClinicClosure(id: day.id.description, doctor: resolve(doctors, day.doctorId, "doctor"),
                          date: localDate(day.date), isOpen: day.isOpen, reason: day.reason)
        }
        let appointments = dataset.appointments.map { appointment in
            let recurrence: Recurrence = if let date = appointment.date {
                .dated(localDate(date))
            } else {
                .weekly(appointment.day, skipping: Set(appointment.skipDates.map(localDate)))
            }
            return AppointmentRecord(
                id: appointment.id.description, doctor: resolve(doctors, appointment.doctorId, "doctor"),
                patient: resolve(patients, appointment.patientId, "patient"), time: appointment.time,
                status: appointment.status, recurrence: recurrence)
        }
        let visits = dataset.repVisits.map { visit in
            let local = timeZone.local(epochMilliseconds: visit.date.epochMilliseconds)
            let duration = visit.visitSummary?.durationMin ?? 0
            return RepVisitRecord(
                id: visit.id.description, doctor: resolve(doctors, visit.doctorId, "doctor"),
                rep: resolve(reps, visit.repId, "rep"), date: local.date, start: local.minute,
                length: duration > 0 ? Int32(clamping: duration) : RepVisitRecord.defaultLength, status: visit.status)
        }
        model = ClinicModel(
            doctorIDs: dataset.doctors.map(\.id.description), repIDs: dataset.medicalReps.map(\.id.description),
            patientIDs: dataset.patients.map(\.id.description), schedules: schedules, closures: closures,
            appointments: appointments, visits: visits)
        self.doctors = doctors
        self.reps = reps
        self.patients = patients
    }

    public func doctorIndex(_ id: DocumentID) -> Int32? { doctors.value(for: id) }
    public func repIndex(_ id: DocumentID) -> Int32? { reps.value(for: id) }
    public func patientIndex(_ id: DocumentID) -> Int32? { patients.value(for: id) }
}
