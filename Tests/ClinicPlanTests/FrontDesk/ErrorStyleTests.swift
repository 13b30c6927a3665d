import Foundation
import Testing

/// Issue 13, point 4: one way to fail. Every failure is printed once, by the root command, as
/// `error: …` (with its causes and candidates after it); option checks give their reason;
/// mistyped subcommands and choices get a "did you mean"; `--version` answers.
@Suite struct ErrorStyleTests {
    static let admin = "admin@clinicplan.example"

    func usage(_ command: String) -> String {
        "  See 'clinic-plan \(command) --help' for more information.\n"
    }

    @Test func aNegativeCountIsCheckedNotTakenForAnOption() throws {
        let run = try Tool.run(["conflicts", "--data", Tool.sample, "--days", "-1"])
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("error: --days must be 1 to 3660, not -1\nUsage: clinic-plan conflicts "))
        #expect(run.stderr.hasSuffix(usage("conflicts")))
        let suggest = try Tool.run(["book", "--doctor", "d", "--patient", "p", "--date", "2026-12-08", "--time", "09:40",
                                    "--as", Self.admin, "--suggest", "-3"])
        #expect(suggest.stderr.hasPrefix("error: --suggest must be 0 to 100, not -3\n"))
    }

    @Test(arguments: [
        ("2026-02-30", "must be a date that exists: February has 28 days in 2026"),
        ("2028-02-30", "must be a date that exists: February has 29 days in 2028"),
        ("2026-04-31", "must be a date that exists: April has 30 days"),
        ("2026-13-01", "must be a date that exists: there is no month 13"),
        ("29/11/2026", "must be a date written YYYY-MM-DD, such as 2026-11-29"),
        ("1899-12-31", "must be between 1900-01-01 and 2200-12-31"),
    ])
    func aDateThatIsNotOneSaysWhy(_ value: String, _ reason: String) throws {
        let run = try Tool.run(["plan", "--data", Tool.sample, "--week", value])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: The value '\(value)' is invalid for '--week <week>': \(reason)\n"), "\(run.stderr)")
    }

    @Test func aMissingFolderIsNamedOnce() throws {
        let run = try Tool.run(["plan", "--data", "/nonexistent-clinic"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: /nonexistent-clinic: no such folder\n")
    }

    @Test func aMistypedSubcommandGetsDidYouMean() throws {
        let top = try Tool.run(["plna", "--data", Tool.sample])
        #expect(top.status == 2 && top.stdout.isEmpty)
        #expect(top.stderr == """
            error: 'plna' is not a clinic-plan command; did you mean 'plan'?
            commands: plan, conflicts, rebook, report, people, validate, generate, book, cancel, close, users, serve
            See 'clinic-plan --help' for more information.

            """)
        let nested = try Tool.run(["users", "lst"])
        #expect(nested.stderr == """
            error: 'lst' is not a clinic-plan users command; did you mean 'list'?
            commands: add, passwd, list
            See 'clinic-plan users --help' for more information.

            """)
        let far = try Tool.run(["frobnicate"])
        #expect(far.status == 2 && far.stderr.hasPrefix("error: 'frobnicate' is not a clinic-plan command\ncommands: "))
    }

    @Test func aMistypedChoiceGetsDidYouMean() throws {
        let format = try Tool.run(["plan", "--data", Tool.sample, "--format", "jsn"])
        #expect(format.status == 2)
        #expect(format.stderr.hasPrefix("""
            error: The value 'jsn' is invalid for '--format <format>'. Please provide one of 'table', 'json', 'csv', 'ics' or 'html'.
            Did you mean 'json'?

            """))
        let zone = try Tool.run(["plan", "--data", Tool.sample, "--timezone", "Africa/Cairp"])
        #expect(zone.stderr.hasPrefix("error: The value 'Africa/Cairp' is invalid for '--timezone <timezone>'\nDid you mean 'Africa/Cairo'?\n"))
        let role = try Tool.run(["users", "add", "--email", "a@b.example", "--name", "A", "--role", "doctr", "--as", Self.admin])
        #expect(role.stderr.hasPrefix("error: The value 'doctr' is invalid for '--role <role>'. Please provide one of 'doctor', 'patient', 'medical rep' or 'admin'.\nDid you mean 'doctor'?\n"))
        let report = try Tool.run(["report", "occupancy-rat", "--data", Tool.sample])
        // The fourteen names are listed one a line; the guess follows the list.
        #expect(report.stderr.contains("\n  - scheduling-conflicts\nDid you mean 'occupancy-rate'?\n"), "\(report.stderr)")
        let scheme = try Tool.run(["users", "passwd", "--scheme", "sha512crypt", "--as", Self.admin])
        #expect(scheme.stderr.hasPrefix("error: The value 'sha512crypt' is invalid for '--scheme <scheme>'. Please provide one of 'bcrypt' and 'yescrypt'.\n"))
    }

    @Test func rebookApplyWithAnUnknownDoctorPrintsOneError() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let run = try Tool.run(["rebook", "--data", clinic.path, "--apply", "--doctor", "nope", "--as", Self.admin],
                               environment: Tool.environment())
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr == "error: no doctor matches --doctor \"nope\" in \(clinic.path)/doctors.json (by _id, email or name); "
                + "`clinic-plan people doctors --data \(clinic.path)` lists them\n")
        #expect(clinic.auditLines().count == 1 && clinic.auditLines()[0].contains(#""outcome":"failed""#))
    }

    @Test func rebookApplyChecksTheLockTimeoutAsItsOwnOption() throws {
        let run = try Tool.run(["rebook", "--data", Tool.sample, "--apply", "--lock-timeout=-1", "--as", Self.admin])
        #expect(run.status == 2)
        #expect(run.stderr == "error: --lock-timeout must be 0 to 86400 seconds, not -1.0\nUsage: clinic-plan rebook <options>\n"
                + usage("rebook"))
    }

    @Test func anOutputIntoAMissingFolderSaysNoFileWasWritten() throws {
        let run = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-11-29", "--format", "ics",
                                "-o", "/nonexistent-dir/x.ics"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: /nonexistent-dir/x.ics: cannot be written (No such file or directory); no file was written\n")
    }

    @Test func aFailedWriteGivesItsCause() throws {
        let run = try Tool.run(["report", "--all", "--data", Tool.sample, "--format", "csv", "-o", "/proc/clinic-reports"])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.first == "error: cannot write /proc/clinic-reports" && lines.count == 2)
        #expect(lines.last == "  caused by: No such file or directory")
    }

    @Test func versionIsPrinted() throws {
        let run = try Tool.run(["--version"])
        #expect(run.status == 0 && run.stdout == "0.13.0\n")
    }

    @Test func everyErrorStartsTheSameWay() throws {
        let runs = [
            ["plan", "--data", Tool.sample, "--week", "2026-02-30"], ["conflicts", "--data", Tool.sample, "--days", "0"],
            ["plan", "--data", Tool.sample, "--doctor", "nobody"], ["report", "--data", Tool.sample],
            ["users", "list", "--data", Tool.sample], ["plna"],
        ]
        for arguments in runs {
            let run = try Tool.run(arguments)
            #expect(run.status == 2 && run.stderr.hasPrefix("error: ") && !run.stderr.contains("Error:"), "\(arguments): \(run.stderr)")
        }
    }
}
