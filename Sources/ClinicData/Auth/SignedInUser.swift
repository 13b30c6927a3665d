/// A signed-in user with the profiles their account owns: the doctors, patients and medical
/// reps whose `user_id` is the user's `_id`. Permissions are decided against these.
public struct SignedInUser: Hashable, Sendable {
    public var user: User
    public var doctorIds: Set<DocumentID>
    public var patientIds: Set<DocumentID>
    public var repIds: Set<DocumentID>

    public init(user: User, doctorIds: Set<DocumentID> = [], patientIds: Set<DocumentID> = [],
                repIds: Set<DocumentID> = []) {
        self.user = user
        self.doctorIds = doctorIds
        self.patientIds = patientIds
        self.repIds = repIds
    }

    /// - Complexity: O(doctors + patients + reps).
    public init(user: User, dataset: ClinicDataset) {
        self.init(user: user,
                  doctorIds: Set(dataset.doctors.filter { $0.userId == user.id }.map(\.id)),
                  patientIds: Set(dataset.patients.filter { $0.userId == user.id }.map(\.id)),
                  repIds: Set(dataset.medicalReps.filter { $0.userId == user.id }.map(\.id)))
    }

    public var role: UserRole { user.role }
}
