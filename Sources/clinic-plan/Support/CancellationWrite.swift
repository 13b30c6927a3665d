import ClinicData
import SlotSolver

/// A cancellation as `clinic-plan cancel`, the server's form and `DELETE /api/v1/bookings/ID` ask
/// for it, decided on the fresh data under the lock: the appointment or visit found by `_id`,
/// the user's permission, and the change (`BookingChanges.cancelAppointment` or `cancelVisit`).
struct CancellationWrite {
    /// The `_id` as given.
    var id: String
    /// For a weekly appointment: only that date's occurrence.
    var date: LocalDate?

    /// The audit line's ids before the decision: the `_id` as given.
    var ids: [(String, String)] { [("id", id)] }

    /// The decision; its output is the sentence saying what was cancelled.
    func decide(_ clinic: Clinic, _ signedIn: SignedInUser, ids: inout [(String, String)]) throws(AuthRefusal) -> WriteDecision {
        let cancellation: BookingChanges.Cancellation
        if let index = clinic.appointmentIndex(named: id) {
            let appointment = clinic.dataset.appointments[index]
            ids = [("appointment_id", appointment.id.description), ("doctor_id", appointment.doctorId.description),
                   ("patient_id", appointment.patientId.description)]
            try AuthRefusal.allow(.cancelAppointment(doctor: appointment.doctorId, patient: appointment.patientId), signedIn)
            do {
                cancellation = try BookingChanges.cancelAppointment(at: index, date: date, dataset: clinic.dataset, timeZone: clinic.timeZone)
            } catch {
                throw AuthRefusal(error)
            }
        } else if let index = clinic.visitIndex(named: id) {
            let visit = clinic.dataset.repVisits[index]
            ids = [("visit_id", visit.id.description), ("doctor_id", visit.doctorId.description), ("rep_id", visit.repId.description)]
            try AuthRefusal.allow(.cancelVisit(doctor: visit.doctorId, rep: visit.repId), signedIn)
            do {
                cancellation = try BookingChanges.cancelVisit(at: index, date: date, dataset: clinic.dataset, timeZone: clinic.timeZone)
            } catch {
                throw AuthRefusal(error)
            }
        } else {
            ids = [("id", id)]
            throw AuthRefusal(.failed, "no appointment or rep visit with _id \(id) in \(clinic.folderPath)", subject: .unknownRecord)
        }
        return WriteDecision(changes: cancellation.changes, detail: cancellation.detail, output: cancellation.sentence)
    }
}
