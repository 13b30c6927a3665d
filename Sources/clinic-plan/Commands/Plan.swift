import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

extension ClinicPlan {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shows the week's plan per doctor: hours, bookings, free slots, closures and conflicts.",
            discussion: """
            For each doctor and each day of the clinic week (Sunday to Saturday) containing --week: \
            open or closed (with the reason), the patient and rep hours, appointments and rep visits \
            in time order (conflicts marked), the free patient and rep slots that can still be booked \
            (slots of the day's grid: appointment_minutes apart from the start of the patient hours, \
            15 minutes apart from the start of the rep hours; none once the day's cap is reached) with \
            the places left under the cap, and utilization (booked appointments / max_patients).

            Example: clinic-plan plan --data instances/sample --week 2026-11-29 --doctor "Ahmed Hassan"
            """)

        @OptionGroup var data: DataOptions

        @Option(help: "Any date of the week to plan (YYYY-MM-DD); the week runs Sunday to Saturday. Default: this week.",
                transform: LocalDate.parseArgument)
        var week: LocalDate?

        @Option(parsing: .unconditional, help: "How many weeks to plan, from the week of --week on (1 to 53).")
        var weeks: Int = 1

        @Option(help: DoctorOption.help)
        var doctor: String?

        @Option(help: "Output format: ics is an iCalendar file to import into calendar programs, html a self-contained page.")
        var format: PlanFormat = .table

        @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
        var output: String?

        func validate() throws {
            guard (1...53).contains(weeks) else { throw ValidationError("--weeks must be 1 to 53") }
        }

        func run() throws {
            let clinic = try data.loadClinic()
            let first = (week ?? LocalDate.today(in: clinic.timeZone)).startOfWeek
            let range = DateRange(first: first, count: 7 * weeks)
            let doctorIndex = try clinic.resolvePerson(.doctor, doctor)
            let plan = WeeklyPlanner.plan(model: clinic.model, calendar: clinic.calendar, range: range,
                                          doctor: doctorIndex)
            let conflicts = ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: range,
                                                    doctor: doctorIndex)
            let renderer = PlanRenderer(clinic: clinic, plan: plan, conflicts: conflicts)
            if format == .json, let output {
                // Large plans: the JSON goes to the file as bytes, never as one big string.
                try writeCommandOutput(renderer.jsonBytes() + [UInt8(ascii: "\n")], to: output)
                return
            }
            let text: String
            switch format {
            case .table: text = TerminalText.printable(renderer.table())
            case .json: text = renderer.json().description + "\n"
            case .csv: text = renderer.csv()
            case .ics:
                let now = Instant(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
                text = ICSCalendar(clinic: clinic, plan: plan, conflicts: conflicts, stamp: now,
                                   history: AuditHistory(folder: data.folderURL.path), doctor: doctorIndex).render()
            case .html:
                let analytics = ClinicAnalytics(dataset: clinic.dataset, model: clinic.model, calendar: clinic.calendar,
                                                range: range, doctor: doctorIndex)
                let conflictTable = ReportTables(clinic: clinic, analytics: analytics, threshold: 0.5)
                    .table(.schedulingConflicts)
                text = HTMLPage(clinic: clinic, title: "Weekly plan \(range)")
                    .render(plan: plan, conflicts: conflicts, reports: [conflictTable], reportRange: range)
            }
            try writeCommandOutput(text, to: output)
        }
    }
}

/// How `plan` prints: the three shared formats, plus an iCalendar file and an HTML page.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, ics, html
}
