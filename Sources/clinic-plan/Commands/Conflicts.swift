import ArgumentParser
import Foundation
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
            switch format {
            case .table: FileOutput.standardOutput.write(TerminalText.printable(renderer.table(report)))
            case .json: FileOutput.standardOutput.write(renderer.json(report) + [UInt8(ascii: "\n")])
            case .csv: FileOutput.standardOutput.write(renderer.csv(report))
            }
            // Straight out, the report written: freeing a million records and the model on the way
            // out would cost more than writing the report did (the output is unbuffered, nothing
            // is left to flush).
            Foundation.exit(report.conflicts.isEmpty ? 0 : ExitStatus.conflictsFound)
        }
    }
}
