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
            let closure = ClosureWrite(doctor: doctor, date: date, reason: reason)
            let session = AuthWriteSession(data: data, auth: auth, action: "close", ids: closure.ids)
            try session.run { clinic, signedIn, ids throws(AuthRefusal) in
                var decision = try closure.decide(clinic, signedIn, ids: &ids)
                decision.output = output.render(decision.changes, action: "close", sentence: decision.output)
                return decision
            }
        }
    }
}
