public enum UserRole: String, CaseIterable, Sendable {
    case doctor, patient, medicalRep = "medical rep", admin
}

/// One `users` document.
public struct User: Hashable, Sendable {
    public var id: DocumentID
    public var name: String
    public var email: String
    /// A password hash (bcrypt, argon2, …); loading warns when it looks like plain text.
    public var password: String
    public var role: UserRole

    public init(id: DocumentID, name: String, email: String, password: String, role: UserRole) {
        self.id = id
        self.name = name
        self.email = email
        self.password = password
        self.role = role
    }
}

/// One `doctors` document.
public struct Doctor: Hashable, Sendable {
    public var id: DocumentID
    public var userId: DocumentID
    public var specialization: String
    public var clinicName: String
    /// In EGP.
    public var consultationFee: Double

    public init(id: DocumentID, userId: DocumentID, specialization: String, clinicName: String, consultationFee: Double) {
        self.id = id
        self.userId = userId
        self.specialization = specialization
        self.clinicName = clinicName
        self.consultationFee = consultationFee
    }
}

/// One `patients` document.
public struct Patient: Hashable, Sendable {
    public var id: DocumentID
    public var userId: DocumentID
    public var age: Int
    public var gender: String
    public var phone: String
    public var bloodType: String

    public init(id: DocumentID, userId: DocumentID, age: Int, gender: String, phone: String, bloodType: String) {
        self.id = id
        self.userId = userId
        self.age = age
        self.gender = gender
        self.phone = phone
        self.bloodType = bloodType
    }
}

/// One `medical_reps` document.
public struct MedicalRep: Hashable, Sendable {
    public var id: DocumentID
    public var userId: DocumentID
    public var companyName: String
    public var companyPhone: String
    public var drugSpecialty: String
    public var phone: String

    public init(id: DocumentID, userId: DocumentID, companyName: String, companyPhone: String,
                drugSpecialty: String, phone: String) {
        self.id = id
        self.userId = userId
        self.companyName = companyName
        self.companyPhone = companyPhone
        self.drugSpecialty = drugSpecialty
        self.phone = phone
    }
}
