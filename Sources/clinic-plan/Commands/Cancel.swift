import ArgumentParser
import ClinicData
import SlotSolver

extension ClinicPlan {
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancels an appointment or a rep visit.",
            discussion: """
            Sets the appointment's status to cancelled (or the visit's, when it is scheduled or \
            rescheduled). A weekly (standing) appointment cancelled without --date ends the whole \
            series, and the message says so; with --date it keeps its other weeks: only that date's \
            occurrence is dropped, by adding it to skip_dates. A patient cancels only \
            their own appointments, a rep only their own visits, a doctor those with them, an admin any. \
            Exit status 0 cancelled, 1 nothing to cancel, 2 bad input, 3 wrong password or not allowed.

            Example: CLINIC_PASSWORD=clinic-demo clinic-plan cancel 65f000060000000000000001 --date 2026-12-06 --as admin@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions

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
            var dataset = clinic.dataset
            var appointment = dataset.appointments[index]
            let weekly = appointment.date == nil
            let name = (weekly ? "weekly appointment " : "appointment ") + "\(appointment.id)"
            guard appointment.status == .booked else { throw AuthRefusal(.rejected, "\(name) is already cancelled") }
            var detail = "cancelled"
            if let date {
                if let own = appointment.date {
                    guard clinic.localDate(own) == date else {
                        throw AuthRefusal(.failed, "\(name) is on \(clinic.localDate(own)), not on \(date)")
                    }
                    appointment.status = .cancelled
                } else {
                    guard date.weekday == appointment.day else {
                        throw AuthRefusal(.failed, "\(name) recurs on \(appointment.day.name)s; \(date) is a \(date.weekday.name)")
                    }
                    guard !appointment.skipDates.contains(where: { clinic.localDate($0) == date }) else {
                        throw AuthRefusal(.rejected, "\(name) already skips \(date)")
                    }
                    appointment.skipDates.append(clinic.instant(date))
                    detail = "skips \(date)"
                }
            } else {
                appointment.status = .cancelled
            }
            dataset.appointments[index] = appointment
            let who = "patient " + clinic.names.label(.patient, id: appointment.patientId)
            let output: String
            if detail != "cancelled" {
                output = "cancelled the \(date!) occurrence of \(name) (\(appointment.day.name)s \(appointment.time), \(who)); "
                    + "the other weeks stay booked\n"
            } else if weekly {
                output = "cancelled \(name) (\(appointment.day.name)s \(appointment.time), \(who)): the whole series is ended, "
                    + "every week; to cancel one date only, use --date\n"
            } else {
                let day = appointment.date.map { clinic.localDate($0).description } ?? ""
                output = "cancelled \(name) (\(appointment.day.name) \(day) \(appointment.time), \(who))\n"
            }
            return WriteDecision(dataset: dataset, detail: detail, output: output)
        }

        private func cancelVisit(at index: Int, clinic: Clinic) throws(AuthRefusal) -> WriteDecision {
            var dataset = clinic.dataset
            let visit = dataset.repVisits[index]
            let name = "rep visit \(visit.id)"
            let local = clinic.timeZone.local(epochMilliseconds: visit.date.epochMilliseconds)
            if let date, date != local.date {
                throw AuthRefusal(.failed, "\(name) is on \(local.date), not on \(date)")
            }
            switch visit.status {
            case .scheduled, .rescheduled:
                dataset.repVisits[index].status = .cancelled
                return WriteDecision(dataset: dataset, detail: "cancelled (was \(visit.status.rawValue))",
                                     output: "cancelled \(name) (\(local.date) \(local.minute), was \(visit.status.rawValue))\n")
            case .cancelled:
                throw AuthRefusal(.rejected, "\(name) is already cancelled")
            case .completed, .noShow:
                throw AuthRefusal(.rejected, "\(name) is \(visit.status.rawValue): only scheduled or rescheduled visits can be cancelled")
            }
        }
    }
}
