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
            let cancellation = CancellationWrite(id: id, date: date)
            let session = AuthWriteSession(data: data, auth: auth, action: "cancel", ids: cancellation.ids)
            try session.run { clinic, signedIn, ids throws(AuthRefusal) in
                var decision = try cancellation.decide(clinic, signedIn, ids: &ids)
                decision.output = output.render(decision.changes, action: "cancel", sentence: decision.output)
                return decision
            }
        }
    }
}
