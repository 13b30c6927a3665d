import ArgumentParser
import Foundation

struct ClinicPlan: ParsableCommand {
    /// `clinic-plan --version`.
    static let version = "0.13.0"

    static let configuration = CommandConfiguration(
        commandName: "clinic-plan",
        abstract: "Plans, checks and rebooks a multi-doctor clinic's appointments and rep visits.",
        discussion: """
        Works on a MongoDB export of the clinic's database: a folder with one mongoexport file per \
        collection (users, doctors, patients, medical_reps, appointments, rep_visits, Schedules, \
        clinic_days), and the clinic's settings (time zone, rebooking grid, option defaults) in \
        clinic-plan.json there. Exit codes: 0 fine; 1 conflicts found, or a booking refused by \
        its checks; 2 bad input or usage; 3 wrong password or not allowed.

        Example: clinic-plan plan --data instances/sample --week 2026-11-29
        """,
        version: version,
        subcommands: [Plan.self, Conflicts.self, Rebook.self, Report.self, People.self, Validate.self, Generate.self,
                      Book.self, Cancel.self, Close.self, Users.self, Serve.self],
        defaultSubcommand: nil)
}

/// Runs the tool and is the one place that prints a failure: usage errors as argument-parser
/// words them (with "did you mean" added), domain failures (`CommandFailure`) with their cause
/// chain, all as `error: …` on standard error, with the documented exit codes (argument-parser's
/// 64, EX_USAGE, becomes 2, as for any bad input).
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first != "serve" { MallocTuning.keepFreedMemory() }
        if let unknown = CommandSuggestions.unknownSubcommand(in: arguments) {
            fail(unknown)
        }
        do {
            var command = try ClinicPlan.parseAsRoot(arguments)
            try command.run()
        } catch let failure as CommandFailure {
            fail(failure)
        } catch let code as ExitCode {
            // A command's own answer (conflicts found, a refused booking): already printed.
            ClinicPlan.exit(withError: code)
        } catch {
            // Help and --version print as argument-parser does; anything else is one `error:`
            // (a usage error with its usage lines), exit status 2.
            guard ClinicPlan.exitCode(for: error) != .success else { ClinicPlan.exit(withError: error) }
            FileOutput.standardError.write(CommandSuggestions.usageMessage(ClinicPlan.fullMessage(for: error)) + "\n")
            ClinicPlan.exit(withError: ExitCode(ExitStatus.badInput))
        }
    }

    private static func fail(_ failure: CommandFailure) -> Never {
        FileOutput.standardError.write(failure.description + "\n")
        ClinicPlan.exit(withError: ExitCode(failure.exitStatus))
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
