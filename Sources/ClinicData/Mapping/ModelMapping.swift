import Dispatch
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
        func localDate(_ instant: Instant) -> LocalDate { timeZone.local(epochMilliseconds: instant.epochMilliseconds).date }

        let schedules = dataset.schedules.map { schedule in
            ScheduleRule(
                id: schedule.id.description, doctor: Self.resolve(doctors, schedule.doctorId, "doctor"), weekday: schedule.day,
                patientWindow: MinuteInterval(start: schedule.patientStart, end: schedule.patientEnd),
                repWindow: MinuteInterval(start: schedule.repStart, end: schedule.repEnd),
                maxPatients: Int32(clamping: schedule.maxPatients), maxReps: Int32(clamping: schedule.maxReps),
                appointmentMinutes: schedule.appointmentMinutes.map { Int32(clamping: $0) } ?? ScheduleRule.defaultAppointmentMinutes)
        }
        let closures = dataset.clinicDays.map { day in
            ClinicClosure(id: day.id.description, doctor: Self.resolve(doctors, day.doctorId, "doctor"),
                          date: localDate(day.date), isOpen: day.isOpen, reason: day.reason)
        }
        // Appointments (usually most of the data) on one core, rep visits on the other.
        let parts = Parts()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                parts.appointments = Self.appointmentRecords(dataset.appointments, doctors: doctors, patients: patients,
                                                             timeZone: timeZone)
            } else {
                parts.visits = Self.visitRecords(dataset.repVisits, doctors: doctors, reps: reps, timeZone: timeZone)
            }
        }
        let appointments = parts.appointments
        let visits = parts.visits
        model = ClinicModel(
            doctorIDs: dataset.doctors.map(\.id.description), repIDs: dataset.medicalReps.map(\.id.description),
            patientIDs: dataset.patients.map(\.id.description), schedules: schedules, closures: closures,
            appointments: appointments, visits: visits)
        self.doctors = doctors
        self.reps = reps
        self.patients = patients
    }

    // MARK: - Records

    /// Where the two halves of the work meet; each thread writes its own property only.
    private final class Parts: @unchecked Sendable {
        var appointments: [AppointmentRecord] = []
        var visits: [RepVisitRecord] = []
    }

    private static func resolve(_ map: DocumentIDIndex, _ id: DocumentID, _ what: String) -> Int32 {
        guard let index = map.value(for: id) else { preconditionFailure("ModelMapping: \(what) \(id) is not in the dataset") }
        return index
    }

    /// Resolves doctor ids, remembering the last one: consecutive documents usually name the same doctor.
    private struct DoctorResolver {
        let doctors: DocumentIDIndex
        var last: (id: DocumentID, index: Int32)?

        mutating func callAsFunction(_ id: DocumentID) -> Int32 {
            if let last, last.id == id { return last.index }
            let index = ModelMapping.resolve(doctors, id, "doctor")
            last = (id, index)
            return index
        }
    }

    private static func appointmentRecords(_ appointments: [Appointment], doctors: DocumentIDIndex,
                                           patients: DocumentIDIndex, timeZone: ClinicTimeZone) -> [AppointmentRecord] {
        var doctor = DoctorResolver(doctors: doctors)
        func localDate(_ instant: Instant) -> LocalDate { timeZone.local(epochMilliseconds: instant.epochMilliseconds).date }
        // Patients come in no order: each probe is started a few appointments ahead, so that it
        // finds its slot in the cache.
        let patientKeys = appointments.map { DocumentIDIndex.packID($0.patientId) }
        let ahead = 12
        var i = 0
        return appointments.map { appointment in
            defer { i += 1 }
            if i + ahead < patientKeys.count, patientKeys[i + ahead].text == nil { patients.prefetch(patientKeys[i + ahead].0) }
            let key = patientKeys[i]
            guard let patient = patients.value(for: key.0, text: key.text) else {
                preconditionFailure("ModelMapping: patient \(appointment.patientId) is not in the dataset")
            }
            let recurrence: Recurrence = if let date = appointment.date {
                .dated(localDate(date))
            } else {
                .weekly(appointment.day, skipping: Set(appointment.skipDates.map(localDate)))
            }
            return AppointmentRecord(
                id: appointment.id.description, doctor: doctor(appointment.doctorId),
                patient: patient, time: appointment.time,
                status: appointment.status, recurrence: recurrence)
        }
    }

    private static func visitRecords(_ visits: [RepVisit], doctors: DocumentIDIndex, reps: DocumentIDIndex,
                                     timeZone: ClinicTimeZone) -> [RepVisitRecord] {
        var doctor = DoctorResolver(doctors: doctors)
        return visits.map { visit in
            let local = timeZone.local(epochMilliseconds: visit.date.epochMilliseconds)
            let duration = visit.visitSummary?.durationMin ?? 0
            return RepVisitRecord(
                id: visit.id.description, doctor: doctor(visit.doctorId),
                rep: resolve(reps, visit.repId, "rep"), date: local.date, start: local.minute,
                length: duration > 0 ? Int32(clamping: duration) : RepVisitRecord.defaultLength, status: visit.status)
        }
    }

    public func doctorIndex(_ id: DocumentID) -> Int32? { doctors.value(for: id) }
    public func repIndex(_ id: DocumentID) -> Int32? { reps.value(for: id) }
    public func patientIndex(_ id: DocumentID) -> Int32? { patients.value(for: id) }
}
