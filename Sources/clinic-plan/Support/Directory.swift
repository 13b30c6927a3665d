import ClinicData

/// People's names by dense index, for output: the engine knows only indices and ids.
struct Directory {
    let doctorNames: [String]
    let doctorDetails: [String]
    let patientNames: [String]
    let repNames: [String]
    let repCompanies: [String]

    init(_ dataset: ClinicDataset) {
        var userNames: [DocumentID: String] = [:]
        userNames.reserveCapacity(dataset.users.count)
        for user in dataset.users where userNames[user.id] == nil { userNames[user.id] = user.name }
        func name(_ userID: DocumentID, fallback: DocumentID) -> String { userNames[userID] ?? "(\(fallback))" }
        doctorNames = dataset.doctors.map { name($0.userId, fallback: $0.id) }
        doctorDetails = dataset.doctors.map { "\($0.specialization), \($0.clinicName)" }
        patientNames = dataset.patients.map { name($0.userId, fallback: $0.id) }
        repNames = dataset.medicalReps.map { name($0.userId, fallback: $0.id) }
        repCompanies = dataset.medicalReps.map(\.companyName)
    }
}
