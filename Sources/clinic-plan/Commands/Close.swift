import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

extension ClinicPlan {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Closes a date for one doctor or for every doctor (a clinic_days document with is_open false).",
            discussion: """
            One clinic_days document per doctor and date: --all closes every doctor who works on \
            that weekday, and a doctor's explicit opening for the date becomes the closure. \
            Bookings on that date stay where they are and show up as closed_day conflicts: the \
            command says how many need a new slot, which `clinic-plan rebook` finds. A doctor closes \
            only their own dates; closing for every doctor (--all) takes an admin. \
            Exit status 0 closed, 1 already closed (or not a working day), 2 bad input, 3 wrong password or not allowed.

            Example: CLINIC_PASSWORD=clinic-demo clinic-plan close --all --date 2026-12-24 --reason "National Holiday" --as admin@clinicplan.example
            Example: CLINIC_PASSWORD=clinic-demo clinic-plan close --doctor "Ahmed Hassan" --date 2026-12-06 --reason "Training" --as ahmed.hassan@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var output: ChangeOutputOptions

        @Option(help: "The doctor: an _id, an email or a unique part of the name.")
        var doctor: String?

        @Flag(help: "Close the date for every doctor.")
        var all = false

        @Option(help: "The date to close (YYYY-MM-DD).", transform: LocalDate.parseArgument)
        var date: LocalDate

        @Option(help: "Why the clinic is closed (e.g. \"National Holiday\").")
        var reason: String

        func validate() throws {
            guard (doctor == nil) == all else { throw ValidationError("give exactly one of --doctor ID and --all") }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--reason must not be empty")
            }
        }

        func run() throws {
            let session = AuthWriteSession(data: data, auth: auth, action: "close",
                                           ids: doctor.map { [("doctor_id", $0)] } ?? [("doctor_id", "all")])
            try session.run { clinic, signedIn, _ throws(AuthRefusal) in
                var index: Int32?
                let action: ProtectedAction
                if let doctor {
                    index = try clinic.requirePerson(.doctor, doctor)
                    action = .closeDay(doctor: clinic.dataset.doctors[Int(index!)].id)
                } else {
                    action = .closeClinic
                }
                if case .forbidden(let why) = AccessPolicy.decide(action, for: signedIn) {
                    throw AuthRefusal(.forbidden, why)
                }
                return try close(index, clinic: clinic)
            }
        }

        private func close(_ doctor: Int32?, clinic: Clinic) throws(AuthRefusal) -> WriteDecision {
            var ids = ObjectIDDeriver(dataset: clinic.dataset)
            let outcome = ClosureChanges.close(date, reason: reason, doctor: doctor, dataset: clinic.dataset,
                                               mapping: clinic.mapping, timeZone: clinic.timeZone, ids: &ids)
            func named(_ index: Int32) -> String { clinic.names.label(.doctor, index) }
            if let index = outcome.notWorking.first {
                throw AuthRefusal(.rejected, "\(named(index)) does not work on \(date.weekday.name)s, so \(date) "
                                  + "needs no closure; nothing was changed")
            }
            guard !outcome.closed.isEmpty else {
                let who = doctor.map(named).map { "\($0) is" } ?? "every doctor working on \(date.weekday.name)s is"
                throw AuthRefusal(.rejected, "\(who) already closed on \(date); nothing was changed")
            }
            // What now sits on a closed date (counted on the data before the closure).
            let stranded = OccurrenceExpansion.occurrences(of: clinic.model, calendar: clinic.calendar,
                                                           in: DateRange(first: date, count: 1), doctors: Set(outcome.closed))
            let appointments = stranded.filter { $0.kind == .appointment }.count
            let visits = stranded.filter { $0.kind == .repVisit && clinic.model.visits[Int($0.record)].status == .scheduled }.count
            var sentence = ""
            for index in outcome.closed {
                sentence += "closed \(date) for \(named(index)): \(reason)\n"
            }
            if appointments + visits > 0 {
                let only = doctor.map { " --doctor \(clinic.dataset.doctors[Int($0)].id)" } ?? ""
                sentence += "\(appointments) booked appointment(s) and \(visits) scheduled rep visit(s) on \(date) need a new slot: "
                    + "see `clinic-plan rebook --data \(data.data) --from \(date)\(only)`\n"
            }
            return WriteDecision(changes: outcome.changes,
                                 detail: "closed \(date) for \(outcome.closed.count) doctor(s): \(reason)",
                                 output: output.render(outcome.changes, action: "close", sentence: sentence))
        }
    }
}
