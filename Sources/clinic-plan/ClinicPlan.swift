import ArgumentParser

struct ClinicPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic-plan",
        abstract: "Plans, checks and rebooks a multi-doctor clinic's appointments and rep visits.",
        discussion: """
        Works on a MongoDB export of the clinic's database: a folder with one mongoexport file per \
        collection (users, doctors, patients, medical_reps, appointments, rep_visits, Schedules, \
        clinic_days). Exit codes: 0 fine; 1 conflicts found, or a booking refused by \
        its checks; 2 bad input or usage; 3 wrong password or not allowed.

        Example: clinic-plan plan --data instances/sample --week 2026-11-29
        """,
        subcommands: [Plan.self, Conflicts.self, Rebook.self, Report.self, Validate.self, Generate.self, Book.self, Cancel.self, Close.self, Users.self, Serve.self],
        defaultSubcommand: nil)
}

/// Runs the tool with the documented exit codes: argument-parser reports usage errors with 64
/// (EX_USAGE); clinic-plan promises 2 for bad input and bad usage alike.
@main
enum Main {
    static func main() {
        do {
            var command = try ClinicPlan.parseAsRoot()
            try command.run()
        } catch {
            let code = ClinicPlan.exitCode(for: error)
            if code == .validationFailure {
                let message = ClinicPlan.fullMessage(for: error)
                FileOutput.standardError.write(message + "\n")
                ClinicPlan.exit(withError: ExitCode(ExitStatus.badInput))
            }
            ClinicPlan.exit(withError: error)
        }
    }
}

/// The tool's exit statuses.
enum ExitStatus {
    static let fine: Int32 = 0
    static let conflictsFound: Int32 = 1
    static let badInput: Int32 = 2
    /// A wrong email or password, or an action the signed-in user may not do.
    static let forbidden: Int32 = 3
}
