/// The eight collections of a data folder, each in file order.
public struct ClinicDataset: Hashable, Sendable {
    public var users: [User]
    public var doctors: [Doctor]
    public var patients: [Patient]
    public var medicalReps: [MedicalRep]
    public var appointments: [Appointment]
    public var repVisits: [RepVisit]
    public var schedules: [Schedule]
    public var clinicDays: [ClinicDay]

    public init(users: [User] = [], doctors: [Doctor] = [], patients: [Patient] = [], medicalReps: [MedicalRep] = [],
                appointments: [Appointment] = [], repVisits: [RepVisit] = [], schedules: [Schedule] = [],
                clinicDays: [ClinicDay] = []) {
        self.users = users
        self.doctors = doctors
        self.patients = patients
        self.medicalReps = medicalReps
        self.appointments = appointments
        self.repVisits = repVisits
        self.schedules = schedules
        self.clinicDays = clinicDays
    }
}

/// The collections, named as in MongoDB.
public enum CollectionName: String, CaseIterable, Sendable {
    case users, doctors, patients, medicalReps = "medical_reps", appointments, repVisits = "rep_visits",
         schedules = "Schedules", clinicDays = "clinic_days"

    /// The file a new folder uses: `users.json`, …, `schedules.json`, `clinic_days.json`.
    public var defaultFileName: String {
        self == .schedules ? "schedules.json" : rawValue + ".json"
    }

    /// The names this collection's file may have, the preferred one first
    /// (the seed spells the schedules collection `Schedules`).
    public var acceptedFileNames: [String] {
        self == .schedules ? ["schedules.json", "Schedules.json"] : [defaultFileName]
    }
}
