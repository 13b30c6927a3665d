import ArgumentParser
import ClinicData
import SlotSolver

extension ClinicPlan {
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancels an appointment or a rep visit.",
            discussion: """
            Sets the appointment's status to cancelled (or the visit's, when it is scheduled or \
            rescheduled). Without --date, a weekly appointment ends: every week of the series is \
            cancelled, and the message says so. With --date, a weekly (standing) appointment keeps its other weeks: only \
            that date's occurrence is dropped, by adding it to skip_dates. A patient cancels only \
            their own appointments, a rep only their own visits, a doctor those with them, an admin any. \
            Exit status 0 cancelled, 1 nothing to cancel, 2 bad input, 3 wrong password or not allowed.

            Example: CLINIC_PASSWORD=clinic-demo clinic-plan cancel 65f000060000000000000001 --date 2026-12-06 --as admin@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var output: ChangeOutputOptions

        @Argument(help: "The _id of the appointment or rep visit.")
        var id: String

        @Option(help: "For a weekly appointment: cancel only its occurrence on this date (YYYY-MM-DD).",
                transform: LocalDate.parseArgument)
        var date: LocalDate?

        func run() throws {
            let session = AuthWriteSession(data: data, auth: auth, action: "cancel", ids: [])
            try session.run { clinic, signedIn, ids throws(AuthRefusal) in
                if let index = clinic.appointmentIndex(named: id) {
                    let appointment = clinic.dataset.appointments[index]
                    ids = [("appointment_id", appointment.id.description), ("doctor_id", appointment.doctorId.description),
                           ("patient_id", appointment.patientId.description)]
                    try allow(.cancelAppointment(doctor: appointment.doctorId, patient: appointment.patientId), signedIn)
                    return try cancelAppointment(at: index, clinic: clinic)
                }
                if let index = clinic.visitIndex(named: id) {
                    let visit = clinic.dataset.repVisits[index]
                    ids = [("visit_id", visit.id.description), ("doctor_id", visit.doctorId.description),
                           ("rep_id", visit.repId.description)]
                    try allow(.cancelVisit(doctor: visit.doctorId, rep: visit.repId), signedIn)
                    return try cancelVisit(at: index, clinic: clinic)
                }
                ids = [("id", id)]
                throw AuthRefusal(.failed, "no appointment or rep visit with _id \(id) in \(data.data)")
            }
        }

        private func allow(_ action: ProtectedAction, _ signedIn: SignedInUser) throws(AuthRefusal) {
            if case .forbidden(let why) = AccessPolicy.decide(action, for: signedIn) {
                throw AuthRefusal(.forbidden, why)
            }
        }

        private func cancelAppointment(at index: Int, clinic: Clinic) throws(AuthRefusal) -> WriteDecision {
            do {
                return decision(try BookingChanges.cancelAppointment(at: index, date: date, dataset: clinic.dataset,
                                                                     timeZone: clinic.timeZone))
            } catch {
                throw AuthRefusal(error)
            }
        }

        private func cancelVisit(at index: Int, clinic: Clinic) throws(AuthRefusal) -> WriteDecision {
            do {
                return decision(try BookingChanges.cancelVisit(at: index, date: date, dataset: clinic.dataset,
                                                               timeZone: clinic.timeZone))
            } catch {
                throw AuthRefusal(error)
            }
        }

        private func decision(_ cancellation: BookingChanges.Cancellation) -> WriteDecision {
            WriteDecision(changes: cancellation.changes, detail: cancellation.detail,
                          output: output.render(cancellation.changes, action: "cancel", sentence: cancellation.sentence))
        }
    }
}
