import ClinicData

/// People's names and emails by dense index, for output and for finding people by what a user
/// types: the engine knows only indices and ids.
struct Directory {
    let doctorNames: [String]
    let doctorDetails: [String]
    let patientNames: [String]
    let repNames: [String]
    let repCompanies: [String]
    /// The email of each profile's user ("" when the user is missing).
    let doctorEmails: [String]
    let patientEmails: [String]
    let repEmails: [String]
    // Kept as DocumentIDs: printing a million ids only to find one person would cost more than
    // the lookup; they are spelled out when asked for.
    private let doctorIDs: [DocumentID]
    private let patientIDs: [DocumentID]
    private let repIDs: [DocumentID]

    init(_ dataset: ClinicDataset) {
        // The first user of each `_id`, by position: the loader's packed index, not a dictionary
        // hashing every id (which was the slower half of building the clinic beside the model).
        var users = DocumentIDIndex(minimumCapacity: dataset.users.count)
        for (i, user) in dataset.users.enumerated() { users.insertIfAbsent(user.id, Int32(i)) }
        func user(_ id: DocumentID) -> User? { users.value(for: id).map { dataset.users[Int($0)] } }
        func name(_ userID: DocumentID, fallback: DocumentID) -> String { user(userID)?.name ?? "(\(fallback))" }
        func email(_ userID: DocumentID) -> String { user(userID)?.email ?? "" }
        doctorNames = dataset.doctors.map { name($0.userId, fallback: $0.id) }
        doctorDetails = dataset.doctors.map { "\($0.specialization), \($0.clinicName)" }
        patientNames = dataset.patients.map { name($0.userId, fallback: $0.id) }
        repNames = dataset.medicalReps.map { name($0.userId, fallback: $0.id) }
        repCompanies = dataset.medicalReps.map(\.companyName)
        doctorEmails = dataset.doctors.map { email($0.userId) }
        patientEmails = dataset.patients.map { email($0.userId) }
        repEmails = dataset.medicalReps.map { email($0.userId) }
        doctorIDs = dataset.doctors.map(\.id)
        patientIDs = dataset.patients.map(\.id)
        repIDs = dataset.medicalReps.map(\.id)
    }

    /// The names, emails and ids of one kind of person, by dense index.
    func names(_ kind: PersonKind) -> [String] {
        switch kind {
        case .doctor: doctorNames
        case .patient: patientNames
        case .rep: repNames
        }
    }

    func emails(_ kind: PersonKind) -> [String] {
        switch kind {
        case .doctor: doctorEmails
        case .patient: patientEmails
        case .rep: repEmails
        }
    }

    /// The `_id`s as printed.
    /// - Complexity: O(people of the kind)
    func ids(_ kind: PersonKind) -> [String] { documentIDs(kind).map(\.description) }

    /// One person's `_id` as printed.
    func id(_ kind: PersonKind, _ index: Int32) -> String { documentIDs(kind)[Int(index)].description }

    private func documentIDs(_ kind: PersonKind) -> [DocumentID] {
        switch kind {
        case .doctor: doctorIDs
        case .patient: patientIDs
        case .rep: repIDs
        }
    }

    /// A person as messages name them: the name, then the id ("Dr. Heba Mostafa (65f0…05)"); a
    /// doctor whose name does not already say so is "doctor NAME (ID)".
    func label(_ kind: PersonKind, _ index: Int32) -> String {
        let name = names(kind)[Int(index)], id = documentIDs(kind)[Int(index)]
        let prefix = kind == .doctor && !name.hasPrefix("Dr") ? "doctor " : ""
        return "\(prefix)\(name) (\(id))"
    }

    /// The same, for a profile named by its `_id` (the id alone when no profile has it).
    func label(_ kind: PersonKind, id: DocumentID) -> String {
        documentIDs(kind).firstIndex(of: id).map { label(kind, Int32($0)) } ?? id.description
    }
}

/// The three kinds of people the data knows, as options and messages name them.
enum PersonKind: String, CaseIterable {
    case doctor, patient, rep

    /// "doctor", "patient", "medical rep".
    var noun: String { self == .rep ? "medical rep" : rawValue }
    /// The collection file of the profiles.
    var fileName: String {
        switch self {
        case .doctor: "doctors.json"
        case .patient: "patients.json"
        case .rep: "medical_reps.json"
        }
    }
    /// The option that names one (`--doctor`).
    var option: String { "--" + rawValue }
    /// `clinic-plan people KIND`.
    var listName: String { rawValue + "s" }
}
