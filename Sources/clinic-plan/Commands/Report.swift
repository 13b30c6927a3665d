import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

extension ClinicPlan {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answers the seed system's fourteen analytics questions: one report each, or all of them.",
            discussion: """
            One report per aggregation query of the seed system, by name, or all of them. Booked means \
            appointment occurrences with status booked in the range (standing weekly bookings once per \
            matching date); visits means rep visits completed or scheduled. With --all and --format csv, \
            -o names a folder that gets one CSV file per report (on standard output, each report's CSV \
            follows a "# report: NAME" line); --format html writes one self-contained page (with --all: \
            the week grid of the range's first seven days, then every report with its chart). Reports \
            that pick one row (peak-day, peak-hour, most-active-rep) list every row tied for first. \
            weekly-schedule and closed-days are meant to be used with --doctor.

            Example: clinic-plan report occupancy-rate --data instances/sample --from 2026-11-29 --days 7
            """)

        @Argument(help: "The report to print.")
        var name: ReportName?

        @Flag(help: "Print every report, in the seed's order.")
        var all = false

        @OptionGroup var data: DataOptions
        @OptionGroup var dates: RangeOptions

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "The fraction of capacity, 0 to 1, below which low-utilization lists a doctor.",
            discussion: "Default: \"defaults.threshold\" of the data folder's clinic-plan.json, else 0.5."))
        var threshold: Double?

        @Option(help: "Output format.")
        var format: ReportFormat = .table

        @Option(name: [.short, .customLong("output")],
                help: "Write to this file (atomically) instead of standard output; a folder for --all --format csv.")
        var output: String?

        func validate() throws {
            guard (name == nil) != !all else {
                throw ValidationError(all ? "give a report name or --all, not both"
                                          : "give a report name or --all (reports: \(ReportName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if let threshold, !ClinicSettings.fractions.contains(threshold) {
                throw ValidationError("--threshold is a fraction of capacity: it must be 0 to 1 (0.5 is half), not \(threshold)")
            }
        }

        func run() throws {
            let clinic = try data.loadClinic()
            let range = dates.range(in: clinic)
            let doctorIndex = try dates.doctorIndex(in: clinic)
            let analytics = ClinicAnalytics(dataset: clinic.dataset, model: clinic.model, calendar: clinic.calendar,
                                            range: range, doctor: doctorIndex)
            let builder = ReportTables(clinic: clinic, analytics: analytics, threshold: threshold ?? clinic.settings.threshold)
            let names = name.map { [$0] } ?? ReportName.allCases
            let tables = names.map(builder.table)
            let renderer = ReportRenderer(clinic: clinic, range: range, doctor: doctorIndex)

            if all, format == .csv, let output {
                try writeFolder(tables, renderer: renderer, to: output)
                return
            }
            let text: String
            switch format {
            case .table: text = TerminalText.printable(renderer.table(tables))
            case .json: text = (name == nil ? renderer.json(tables) : renderer.json(tables[0])).description + "\n"
            case .csv: text = renderer.csv(tables)
            case .html:
                // With --all the page opens with the week grid of the range's first seven days.
                var plan: WeeklyPlan?
                var conflicts: ConflictReport?
                if all {
                    let week = DateRange(first: range.first, count: min(7, range.count))
                    plan = WeeklyPlanner.plan(model: clinic.model, calendar: clinic.calendar, range: week,
                                              doctor: doctorIndex)
                    conflicts = ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: week,
                                                        doctor: doctorIndex)
                }
                text = HTMLPage(clinic: clinic, title: all ? "Clinic reports \(range)" : tables[0].name.title)
                    .render(plan: plan, conflicts: conflicts, reports: tables, reportRange: range)
            }
            try writeCommandOutput(text, to: output)
        }

        /// One CSV per report in the folder `path` (created if missing), for BI tools.
        private func writeFolder(_ tables: [ReportTable], renderer: ReportRenderer, to path: String) throws {
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for table in tables {
                    try AtomicFile.write(Array(renderer.csv(table).utf8),
                                         to: folder.appendingPathComponent(ReportRenderer.csvFileName(table.name)))
                }
            } catch {
                throw badInput("cannot write \(path)", causes: [causeText(error)])
            }
            FileOutput.standardOutput.write("wrote \(tables.count) CSV file(s) to \(path)\n")
        }
    }
}

/// How `report` prints: a table for people, JSON or CSV for programs, or an HTML page.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, html
}

extension ReportName: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
