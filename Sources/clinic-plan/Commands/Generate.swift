import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

extension ClinicPlan {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes a realistic generated clinic of any size to a new data folder.",
            discussion: """
            The same options give the same folder, byte for byte. Doctors get 2 to 5 working days with \
            varied patient and rep hours, caps and appointment lengths; bookings fill about 60% of the \
            patient slots over --weeks weeks from --from (standing weekly and dated ones, some cancelled); \
            rep visits run from two weeks before --from (completed, cancelled, no-show) to the end \
            (scheduled); --rescheduled visits wait for a new slot; one clinic-wide holiday and scattered \
            closures close days that already have bookings, and about 1% of bookings are careless \
            (double bookings, outside hours, over the cap). Every user's password is "clinic-demo", \
            hashed with bcrypt and a salt of its own per user (derived from --seed and the user's _id).

            --shape picks a profile of what real clinics look like and what is hard for rebooking:
            \(GeneratorShape.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))
            The folder gets a clinic-plan.json naming --timezone, so that no later command needs it again. \
            Grid and range length are rebook's options (--grid 15, --days 28): bookings cover --weeks \
            weeks from --from, so a 28-day rebooking range from --from needs --weeks 4 (the default) or more.

            Example: clinic-plan generate --doctors 20 --reps 15 --patients 300 --rescheduled 50 --seed 7 --from 2026-12-06 --shape near-cap -o instances/generated/d20-near-cap
            """)

        @Option(help: "Number of doctors.") var doctors: Int = 10
        @Option(help: "Number of medical reps.") var reps: Int = 10
        @Option(help: "Number of patients.") var patients: Int = 30
        @Option(help: "Number of rep visits waiting with status rescheduled.") var rescheduled: Int = 20
        @Option(help: "Seed of the random choices.") var seed: UInt64 = 1
        @Option(help: "First date of the bookings (YYYY-MM-DD); default: the Sunday of the current week.",
                transform: LocalDate.parseArgument)
        var from: LocalDate?
        @Option(help: "Weeks of bookings.") var weeks: Int = 4
        @Option(help: "The clinic's IANA time zone; ISODates are written as instants of local times in it, and clinic-plan.json names it.")
        var timezone: ClinicTimeZone = .utc
        @Option(help: "File layout: one document per line (mongoexport's default) or a JSON array.")
        var layout: LayoutChoice = .jsonLines
        @Option(help: "Extended JSON mode.") var mode: ModeChoice = .relaxed
        @Option(help: "The profile of the clinic (see above).") var shape: GeneratorShape = .standard
        @Option(help: "bcrypt cost of the password hashes (4 to 31; each step doubles the time, 4 takes about 1 ms a user).")
        var passwordCost: Int = DemoPasswordHashes.defaultCost
        @Option(name: [.short, .customLong("output")], help: "The folder to write (created if missing).")
        var output: String

        func validate() throws {
            guard doctors >= 1 else { throw ValidationError("--doctors must be at least 1") }
            guard reps >= 0, patients >= 0, rescheduled >= 0 else {
                throw ValidationError("--reps, --patients and --rescheduled cannot be negative")
            }
            guard rescheduled == 0 || reps >= 1 else { throw ValidationError("--rescheduled needs at least one rep") }
            guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 520") }
            guard PasswordScheme.bcrypt.costRange.contains(passwordCost) else {
                throw ValidationError("--password-cost must be between 4 and 31")
            }
        }

        func run() throws {
            let zone = timezone
            let config = GeneratorConfig(
                doctors: doctors, reps: reps, patients: patients, rescheduled: rescheduled, seed: seed,
                from: from ?? LocalDate.today(in: zone).startOfWeek, weeks: weeks, timeZone: zone, shape: shape,
                passwordCost: passwordCost)
            let progress = Progress(enabled: FileOutput.standardError.isTerminal)
            var generator = InstanceGenerator(config)
            let dataset: ClinicDataset
            do {
                dataset = try generator.generate { phase, fraction in progress.report(phase, fraction) }
            } catch {
                throw badInput("cannot hash the passwords: \(error)")
            }
            progress.report("writing", 1)
            do {
                let folder = URL(fileURLWithPath: output, isDirectory: true)
                try DataFolder.write(dataset, to: folder, layout: layout.fileLayout, mode: mode.extendedJSONMode)
                // The clinic's settings, so that every command reads the folder in its zone.
                var settings = ClinicSettings.standard
                settings.timeZone = zone
                try settings.write(to: folder)
            } catch {
                throw badInput("cannot write \(output)", causes: [causeText(error)])
            }
            progress.finish()
            FileOutput.standardOutput.write(
"wrote \(output): \(dataset.countsDescription)\n")
        }
    }
}

extension GeneratorShape: ExpressibleByArgument {}

enum LayoutChoice: String, ExpressibleByArgument, CaseIterable {
    case jsonLines = "json-lines", jsonArray = "json-array"

    var fileLayout: FileLayout { self == .jsonLines ? .jsonLines : .jsonArray }
}

enum ModeChoice: String, ExpressibleByArgument, CaseIterable {
    case relaxed, canonical

    var extendedJSONMode: ExtendedJSONMode { self == .relaxed ? .relaxed : .canonical }
}
