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
        // As many records on each core: the first appointments on one, the other appointments
        // and the rep visits on the other (appointments are usually three in four records:
        // one core took them all before), written straight into the result's storage.
        let all = dataset.appointments
        let cut = Swift.min(all.count, (all.count + dataset.repVisits.count) / 2)
        let parts = Parts()
        let appointments = [AppointmentRecord](unsafeUninitializedCapacity: all.count) { storage, initialized in
            let storage = SendableStorage(storage)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    Self.writeAppointmentRecords(all[..<cut], into: storage.buffer, doctors: doctors,
                                                 patients: patients, timeZone: timeZone)
                } else {
                    Self.writeAppointmentRecords(all[cut...], into: storage.buffer, doctors: doctors,
                                                 patients: patients, timeZone: timeZone)
                    parts.visits = Self.visitRecords(dataset.repVisits, doctors: doctors, reps: reps, timeZone: timeZone)
                }
            }
            initialized = all.count
        }
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

    /// Where the visits' half of the work is left for the caller.
    private final class Parts: @unchecked Sendable {
        var visits: [RepVisitRecord] = []
    }

    /// The appointment records' storage, which both threads initialize, each its own elements.
    private struct SendableStorage: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<AppointmentRecord>
        init(_ buffer: UnsafeMutableBufferPointer<AppointmentRecord>) { self.buffer = buffer }
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

    /// Initializes `storage[i]` with the record of `appointments[i]`, for each index of the slice.
    private static func writeAppointmentRecords(_ appointments: ArraySlice<Appointment>,
                                                into storage: UnsafeMutableBufferPointer<AppointmentRecord>,
                                                doctors: DocumentIDIndex, patients: DocumentIDIndex,
                                                timeZone: ClinicTimeZone) {
        var doctor = DoctorResolver(doctors: doctors)
        func localDate(_ instant: Instant) -> LocalDate { timeZone.local(epochMilliseconds: instant.epochMilliseconds).date }
        // Patients come in no order: each probe is started a few appointments ahead, so that it
        // finds its slot in the cache.
        let patientKeys = appointments.map { DocumentIDIndex.packID($0.patientId) }
        let ahead = 12
        for (k, i) in appointments.indices.enumerated() {
            let appointment = appointments[i]
            if k + ahead < patientKeys.count, patientKeys[k + ahead].text == nil { patients.prefetch(patientKeys[k + ahead].0) }
            let key = patientKeys[k]
            guard let patient = patients.value(for: key.0, text: key.text) else {
                preconditionFailure("ModelMapping: patient \(appointment.patientId) is not in the dataset")
            }
            let recurrence: Recurrence = if let date = appointment.date {
                .dated(localDate(date))
            } else {
                .weekly(appointment.day, skipping: Set(appointment.skipDates.map(localDate)))
            }
            (storage.baseAddress! + i).initialize(to: AppointmentRecord(
                id: appointment.id.description, doctor: doctor(appointment.doctorId),
                patient: patient, time: appointment.time,
                status: appointment.status, recurrence: recurrence))
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
