/// Something only some users may do: every writing command asks for one of these.
public enum ProtectedAction: Hashable, Sendable, CustomStringConvertible {
    case bookAppointment(doctor: DocumentID, patient: DocumentID)
    case requestVisit(doctor: DocumentID, rep: DocumentID)
    case cancelAppointment(doctor: DocumentID, patient: DocumentID)
    case cancelVisit(doctor: DocumentID, rep: DocumentID)
    /// Close one doctor's date (a `clinic_days` document with `is_open: false`).
    case closeDay(doctor: DocumentID)
    /// Close a date for every doctor at once.
    case closeClinic
    /// Rebook what closures hit (and rescheduled visits): one doctor's items, or everyone's (nil).
    case rebook(doctor: DocumentID?)
    /// Add users.
    case addUser
    /// Set a user's password.
    case setPassword(user: DocumentID)
    /// List the accounts (names, emails, roles, how passwords are stored): admins only.
    case listUsers

    public var description: String {
        switch self {
        case .bookAppointment(let doctor, let patient): "book an appointment of patient \(patient) with doctor \(doctor)"
        case .requestVisit(let doctor, let rep): "request a visit of rep \(rep) to doctor \(doctor)"
        case .cancelAppointment(let doctor, let patient): "cancel an appointment of patient \(patient) with doctor \(doctor)"
        case .cancelVisit(let doctor, let rep): "cancel a visit of rep \(rep) to doctor \(doctor)"
        case .closeDay(let doctor): "close a date of doctor \(doctor)"
        case .closeClinic: "close a date for every doctor"
        case .rebook(let doctor?): "rebook the items of doctor \(doctor)"
        case .rebook(nil): "rebook the items of every doctor"
        case .addUser: "add users"
        case .setPassword(let user): "set the password of user \(user)"
        case .listUsers: "list the users"
        }
    }
}
