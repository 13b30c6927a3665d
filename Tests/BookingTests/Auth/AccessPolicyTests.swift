import ClinicData
import Testing

/// The permission table, role by role.
@Suite struct AccessPolicyTests {
    static let d1 = DocumentID.objectId("d1"), d2 = DocumentID.objectId("d2")
    static let p1 = DocumentID.objectId("p1"), p2 = DocumentID.objectId("p2")
    static let r1 = DocumentID.objectId("r1"), r2 = DocumentID.objectId("r2")

    static func signedIn(_ role: UserRole, id: Int64 = 9) -> SignedInUser {
        let user = User(id: .int(id), name: "U", email: "u@x.test", password: "", role: role)
        switch role {
        case .doctor: return SignedInUser(user: user, doctorIds: [d1])
        case .patient: return SignedInUser(user: user, patientIds: [p1])
        case .medicalRep: return SignedInUser(user: user, repIds: [r1])
        case .admin: return SignedInUser(user: user)
        }
    }

    static let actions: [ProtectedAction] = [
        .bookAppointment(doctor: d1, patient: p1), .bookAppointment(doctor: d2, patient: p2),
        .requestVisit(doctor: d1, rep: r1), .requestVisit(doctor: d2, rep: r2),
        .cancelAppointment(doctor: d1, patient: p1), .cancelAppointment(doctor: d2, patient: p2),
        .cancelVisit(doctor: d1, rep: r1), .cancelVisit(doctor: d2, rep: r2),
        .closeDay(doctor: d1), .closeDay(doctor: d2), .closeClinic, .addUser,
        .setPassword(user: .int(9)), .setPassword(user: .int(10)),
    ]

    func allowed(_ role: UserRole) -> [Bool] {
        Self.actions.map { AccessPolicy.decide($0, for: Self.signedIn(role)).isAllowed }
    }

    @Test func patientsOnlyTheirOwnAppointmentsAndPassword() {
        #expect(allowed(.patient) == [true, false, false, false, true, false, false, false, false, false, false, false, true, false])
    }

    @Test func repsOnlyTheirOwnVisitsAndPassword() {
        #expect(allowed(.medicalRep) == [false, false, true, false, false, false, true, false, false, false, false, false, true, false])
    }

    @Test func doctorsTheirOwnBookingsClosuresAndPassword() {
        #expect(allowed(.doctor) == [true, false, true, false, true, false, true, false, true, false, false, false, true, false])
    }

    @Test func adminsEverything() {
        #expect(allowed(.admin) == Array(repeating: true, count: Self.actions.count))
    }

    @Test func refusalsSayWhoMayDoWhat() {
        #expect(AccessPolicy.decide(.bookAppointment(doctor: Self.d1, patient: Self.p2), for: Self.signedIn(.patient))
                == .forbidden("u@x.test (patient) may book only their own appointments, not those of patient p2"))
        #expect(AccessPolicy.decide(.closeClinic, for: Self.signedIn(.doctor))
                == .forbidden("u@x.test (doctor) may not close a date for every doctor"))
        #expect(AccessPolicy.decide(.addUser, for: Self.signedIn(.medicalRep))
                == .forbidden("u@x.test (medical rep) may not add users"))
    }
}
