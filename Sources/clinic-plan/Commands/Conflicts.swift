import ArgumentParser
import ClinicData
import SlotSolver

extension ClinicPlan {
    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Finds every scheduling conflict in a range of dates.",
            discussion: """
            Checks booked appointments and occupying rep visits (scheduled or completed) against \
            closures, schedules, hours, each other and daily caps: closed_day, no_schedule, \
            outside_hours, double_booking, rep_double_booked, patient_double_booked, over_capacity \
            and invalid_schedule. Overlapping items are reported once per cluster, not per pair. With \
            --doctor, that doctor's conflicts and the rep or patient clusters that involve it. \
            Exit status 1 when any conflict is found, 0 when none.

            Example: clinic-plan conflicts --data instances/sample --from 2026-11-29 --days 7
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var dates: RangeOptions

        @Option(help: "Output format.")
        var format: OutputFormat = .table

        func run() throws {
            let clinic = try data.loadClinic()
            let range = dates.range(in: clinic)
            let doctorIndex = try dates.doctorIndex(in: clinic)
            let report = ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: range,
                                                 doctor: doctorIndex)
            let renderer = ConflictRenderer(clinic: clinic, range: range)
            let text: String
            switch format {
            case .table: text = TerminalText.printable(renderer.table(report))
            case .json: text = renderer.json(report).description + "\n"
            case .csv: text = renderer.csv(report)
            }
            FileOutput.standardOutput.write(text)
            if !report.conflicts.isEmpty { throw ExitCode(ExitStatus.conflictsFound) }
        }
    }
}
