import ClinicData
import SlotSolver

/// What one signed-in user may see, as in the CLI's roles: an admin everything; a doctor their
/// own practice; a patient or rep every doctor's hours and free slots (to book them) but only
/// their own appointments or visits. Conflicts are shown to admins and doctors (for their own
/// practice), the fourteen reports (about everyone) to admins only.
struct ViewScope {
    let signedIn: SignedInUser
    let clinic: Clinic

    var role: UserRole { signedIn.role }

    /// Everything what this user may see depends on: the role and, but for an admin (who sees
    /// everything), the profiles the account owns. Users with the same audience see the same
    /// answers, so the answer cache keys on it.
    var audience: Audience {
        role == .admin ? Audience(role: .admin, doctors: [], patients: [], reps: [])
            : Audience(role: role, doctors: signedIn.doctorIds, patients: signedIn.patientIds, reps: signedIn.repIds)
    }

    struct Audience: Hashable {
        var role: UserRole
        var doctors: Set<DocumentID>
        var patients: Set<DocumentID>
        var reps: Set<DocumentID>
    }

    /// The doctors whose weeks the user may open, by dense index.
    var doctors: [Int32] {
        let all = clinic.dataset.doctors.indices.map { Int32($0) }
        guard role == .doctor else { return all }
        return all.filter { signedIn.doctorIds.contains(clinic.dataset.doctors[Int($0)].id) }
    }

    func mayOpen(doctor: Int32) -> Bool { doctors.contains(doctor) }

    /// May see every booking of the doctors they see (an admin, or a doctor in their practice).
    var seesEveryBooking: Bool { role == .admin || role == .doctor }

    func requireConflicts() throws(ServerFailure) {
        guard seesEveryBooking else {
            throw .forbidden("\(signedIn.user.email) (\(role.rawValue)) may not see the clinic's conflicts")
        }
    }

    func requireReports() throws(ServerFailure) {
        guard role == .admin else {
            throw .forbidden("\(signedIn.user.email) (\(role.rawValue)) may not see the clinic's reports")
        }
    }

    /// The plan of the range for the doctors asked (nil: every doctor they may see), cut to what
    /// the user may see.
    func plan(range: DateRange, doctor: Int32?) -> WeeklyPlan {
        let wanted = doctor.map { [$0] } ?? doctors
        var plan = WeeklyPlanner.plan(model: clinic.model, calendar: clinic.calendar, range: range,
                                      doctor: wanted.count == 1 ? wanted[0] : nil)
        let allowed = Set(wanted)
        plan.doctors = plan.doctors.filter { allowed.contains($0.doctor) }
        guard !seesEveryBooking else { return plan }
        for w in plan.doctors.indices {
            for d in plan.doctors[w].days.indices {
                plan.doctors[w].days[d].entries = plan.doctors[w].days[d].entries.filter(isOwn)
            }
        }
        return plan
    }

    /// The conflicts the user may see over the range (none for patients and reps).
    func conflicts(range: DateRange, doctor: Int32?) -> ConflictReport {
        guard seesEveryBooking else { return ConflictReport(conflicts: []) }
        if role == .admin {
            return ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: range, doctor: doctor)
        }
        let wanted = doctor.map { [$0] } ?? doctors
        return ConflictReport(conflicts: wanted.flatMap {
            ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: range, doctor: $0).conflicts
        })
    }

    /// The user's own appointment or visit.
    func isOwn(_ entry: PlanEntry) -> Bool {
        switch entry.kind {
        case .appointment: signedIn.patientIds.contains(clinic.dataset.patients[Int(entry.person)].id)
        case .repVisit: signedIn.repIds.contains(clinic.dataset.medicalReps[Int(entry.person)].id)
        }
    }

    /// The patients the user may book for (by dense index): everyone for admins and doctors.
    var patients: [Int32] {
        clinic.dataset.patients.indices.map { Int32($0) }.filter {
            seesEveryBooking || signedIn.patientIds.contains(clinic.dataset.patients[Int($0)].id)
        }
    }

    var reps: [Int32] {
        clinic.dataset.medicalReps.indices.map { Int32($0) }.filter {
            seesEveryBooking || signedIn.repIds.contains(clinic.dataset.medicalReps[Int($0)].id)
        }
    }

    /// The doctor asked for by `_id`, 404 when unknown, 403 when not the user's to see.
    func doctor(_ text: String?) throws(ServerFailure) -> Int32? {
        guard let text else { return nil }
        let index = try clinic.person(.doctor, text)
        guard mayOpen(doctor: index) else {
            throw .forbidden("\(signedIn.user.email) (\(role.rawValue)) may not see doctor \(text)'s schedule")
        }
        return index
    }
}
