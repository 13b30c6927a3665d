import ArgumentParser
import ClinicData
import SlotSolver

/// The dates and the doctor a command looks at: shared by `conflicts`, `report` and `rebook`.
struct RangeOptions: ParsableArguments {
    @Option(help: "First date of the range (YYYY-MM-DD); default: the Sunday of the current week (rebook: today).",
            transform: LocalDate.parseArgument)
    var from: LocalDate?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Number of days in the range, 1 to \(ValueDomains.maxDays).",
        discussion: "Default: \"defaults.days\" of the data folder's clinic-plan.json, else 7."))
    var days: Int?

    @Option(help: DoctorOption.help)
    var doctor: String?

    func validate() throws {
        if let days, !ClinicSettings.dayCounts.contains(days) {
            throw ValidationError("--days must be 1 to \(ValueDomains.maxDays), not \(days)")
        }
    }

    /// The range: `--from` (or `defaultFirst`, else this week's Sunday in the clinic's zone) for
    /// `--days` (or the settings' days).
    func range(in clinic: Clinic, defaultFirst: LocalDate? = nil) -> DateRange {
        DateRange(first: from ?? defaultFirst ?? LocalDate.today(in: clinic.timeZone).startOfWeek,
                  count: days ?? clinic.settings.days)
    }

    /// The doctor `--doctor` names, when given.
    func doctorIndex(in clinic: Clinic) throws -> Int32? {
        try clinic.resolvePerson(.doctor, doctor)
    }
}

/// The help of every `--doctor`, one wording for all commands.
enum DoctorOption {
    static let help = ArgumentHelp(
        "Only this doctor: an _id, an email or a unique part of the name.",
        discussion: "`clinic-plan people doctors` lists them.", valueName: "doctor")
}
