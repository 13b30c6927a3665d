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
            -o names a folder that gets one CSV file per report; --format html writes one self-contained \
            page (with --all: the week grid of the range's first seven days, then every report with its chart).

            Example: clinic-plan report occupancy-rate --data instances/sample --from 2026-11-29 --days 7
            """)

        @Argument(help: "The report to print.")
        var name: ReportName?

        @Flag(help: "Print every report, in the seed's order.")
        var all = false

        @OptionGroup var data: DataOptions

        @Option(help: "First date of the range (YYYY-MM-DD); default: the Sunday of the current week.")
        var from: LocalDate?

        @Option(help: "Number of days in the range.")
        var days: Int = 7

        @Option(help: "Only this doctor (its _id); weekly-schedule and closed-days are meant to be used with it.")
        var doctor: String?

        @Option(help: "The fraction of capacity below which low-utilization lists a doctor.")
        var threshold: Double = 0.5

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
            guard (1...ValueDomains.maxDays).contains(days) else { throw ValidationError("--days must be 1 to \(ValueDomains.maxDays)") }
            guard threshold >= 0 else { throw ValidationError("--threshold cannot be negative") }
        }

        func run() throws {
            let clinic = try data.loadClinic()
            let range = DateRange(first: from ?? LocalDate.today(in: clinic.timeZone).startOfWeek, count: days)
            let doctorIndex = try clinic.resolveDoctor(doctor, data: data.data)
            let analytics = ClinicAnalytics(dataset: clinic.dataset, model: clinic.model, calendar: clinic.calendar,
                                            range: range, doctor: doctorIndex)
            let builder = ReportTables(clinic: clinic, analytics: analytics, threshold: threshold)
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
                throw badInput("cannot write \(path): \(error)")
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
