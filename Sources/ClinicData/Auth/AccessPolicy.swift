/// Who may do what: a patient books and cancels only their own appointments; a medical rep
/// requests and cancels only their own visits; a doctor manages their own schedule, closures
/// and bookings (appointments and visits with them); an admin may do everything. Everyone may
/// set their own password.
public enum AccessPolicy {
    public enum Decision: Hashable, Sendable {
        case allowed
        /// Refused, with the sentence to show.
        case forbidden(String)

        public var isAllowed: Bool { self == .allowed }
    }

    /// - Complexity: O(1).
    public static func decide(_ action: ProtectedAction, for signedIn: SignedInUser) -> Decision {
        let who = "\(signedIn.user.email) (\(signedIn.role.rawValue))"
        if signedIn.role == .admin { return .allowed }
        if case .setPassword(let user) = action, user == signedIn.user.id { return .allowed }
        switch (signedIn.role, action) {
        case (.patient, .bookAppointment(_, let patient)), (.patient, .cancelAppointment(_, let patient)):
            if signedIn.patientIds.contains(patient) { return .allowed }
            return .forbidden("\(who) may \(verb(action)) only their own appointments, not those of patient \(patient)")
        case (.medicalRep, .requestVisit(_, let rep)), (.medicalRep, .cancelVisit(_, let rep)):
            if signedIn.repIds.contains(rep) { return .allowed }
            return .forbidden("\(who) may \(verb(action)) only their own visits, not those of rep \(rep)")
        case (.doctor, .bookAppointment(let doctor, _)), (.doctor, .requestVisit(let doctor, _)),
             (.doctor, .cancelAppointment(let doctor, _)), (.doctor, .cancelVisit(let doctor, _)),
             (.doctor, .closeDay(let doctor)), (.doctor, .rebook(let doctor?)):
            if signedIn.doctorIds.contains(doctor) { return .allowed }
            return .forbidden("\(who) may \(verb(action)) only for their own practice, not for doctor \(doctor)")
        default:
            return .forbidden("\(who) may not \(action)")
        }
    }

    private static func verb(_ action: ProtectedAction) -> String {
        switch action {
        case .bookAppointment: "book"
        case .requestVisit: "request"
        case .cancelAppointment, .cancelVisit: "cancel"
        case .closeDay: "close dates"
        case .closeClinic: "close the clinic"
        case .rebook: "rebook"
        case .addUser: "add users"
        case .setPassword: "set passwords"
        case .listUsers: "list the users"
        }
    }
}
