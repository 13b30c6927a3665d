import ClinicData
import Foundation
import SlotSolver

/// The browser's pages: server-rendered HTML with the CLI's own renderers (the week grid of
/// `plan --format html`, the report sections of `report --format html`).
extension ServeApp {
    func weekPage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let scope = viewer.scope
        let clinic = viewer.clinic
        let date = try parseDate(incoming.query["date"], name: "date") ?? LocalDate.today(in: clinic.timeZone)
        let week = DateRange(first: date.startOfWeek, count: 7)
        guard let doctor = try scope.doctor(incoming.query["doctor"]) ?? scope.doctors.first else {
            return .html(WebLayout.page("Week", viewer: viewer, body: "<p>No doctor to show.</p>"))
        }
        let doctorID = clinic.model.doctorIDs[Int(doctor)]
        let plan = scope.plan(range: week, doctor: doctor)
        let conflicts = scope.conflicts(range: week, doctor: doctor)
        func link(_ date: LocalDate, _ doctor: String, _ text: String) -> String {
            "<a href=\"/week?\(FormFields.query([("date", date.description), ("doctor", doctor)]))\">\(text)</a>"
        }
        var body = "<p class=\"weeknav\">" + link(week.first.adding(days: -7), doctorID, "&larr; previous week")
            + " · week \(week) · " + link(week.first.adding(days: 7), doctorID, "next week &rarr;") + "</p>"
        let doctors = scope.doctors
        if doctors.count > 1 {
            body += "<nav class=\"doctors\">" + doctors.prefix(200).map { index -> String in
                let id = clinic.model.doctorIDs[Int(index)]
                let name = HTMLText.escape(clinic.names.doctorNames[Int(index)])
                return index == doctor ? "<b>\(name)</b>" : link(week.first, id, name)
            }.joined(separator: " ") + "</nav>"
        }
        if !conflicts.conflicts.isEmpty {
            body += "<p class=\"alert\" id=\"conflict-count\">\(conflicts.conflicts.count) conflict(s) this week "
                + "(<a href=\"/conflicts?\(FormFields.query([("from", week.first.description), ("days", "7")]))\">list</a>)</p>"
        }
        let grid = HTMLWeekGrid(clinic: clinic, conflicts: ConflictIndex(conflicts))
        for doctorWeek in plan.doctors {
            body += grid.render(doctorWeek)
            body += freeSlots(doctorWeek, doctorID: doctorID, clinic: clinic)
        }
        return .html(WebLayout.page("Week of \(clinic.names.doctorNames[Int(doctor)])", viewer: viewer, body: body))
    }

    /// The week's free patient slots, each a link to the booking form filled in.
    private func freeSlots(_ week: DoctorWeek, doctorID: String, clinic: Clinic) -> String {
        var out = "<h3>Free patient slots</h3><ul class=\"free\">"
        for day in week.days where day.status == .open && !day.freePatientSlots.isEmpty {
            out += "<li>\(day.date.weekday.shortName) \(day.date): " + day.freePatientSlots.map { slot in
                let query = FormFields.query([("doctor", doctorID), ("date", day.date.description),
                                              ("time", slot.start.description)])
                return "<a class=\"slot\" href=\"/book?\(query)\">\(slot.start)</a>"
            }.joined() + "</li>"
        }
        return out + "</ul>"
    }

    func conflictsPage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        try viewer.scope.requireConflicts()
        let range = try parseRange(incoming, viewer: viewer)
        let report = viewer.scope.conflicts(range: range, doctor: try viewer.scope.doctor(incoming.query["doctor"]))
        var body = "<p>\(report.conflicts.count) conflict(s) \(range) (\(range.count) days)</p>"
        body += "<table class=\"list\"><tr><th>Date</th><th>Kind</th><th>Ids</th><th>Detail</th></tr>"
        for conflict in report.conflicts {
            body += "<tr><td>\(conflict.date?.description ?? "-")</td><td>\(conflict.kind.rawValue)</td>"
                + "<td>\(HTMLText.escape(conflict.ids.joined(separator: " ")))</td><td>\(HTMLText.escape(conflict.detail))</td></tr>"
        }
        return .html(WebLayout.page("Conflicts", viewer: viewer, body: body + "</table>"))
    }

    func reportsPage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        try viewer.scope.requireReports()
        let clinic = viewer.clinic
        let range = try parseRange(incoming, viewer: viewer)
        let analytics = ClinicAnalytics(dataset: clinic.dataset, model: clinic.model, calendar: clinic.calendar,
                                        range: range, doctor: nil)
        let builder = ReportTables(clinic: clinic, analytics: analytics, threshold: 0.5)
        var body = "<p>Reports over \(range) (\(range.count) days)</p>"
        for name in ReportName.allCases { body += HTMLReportSection(report: builder.table(name)).render() }
        return .html(WebLayout.page("Reports", viewer: viewer, body: body))
    }

    func parseDate(_ text: String?, name: String) throws(ServerFailure) -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(argument: text) else { throw .badRequest("\(name) must be a YYYY-MM-DD date, not \(text)") }
        return date
    }

    /// `from` (default: this week's Sunday) and `days` (default 7).
    func parseRange(_ incoming: Incoming, viewer: Viewer) throws(ServerFailure) -> DateRange {
        let first = try parseDate(incoming.query["from"], name: "from") ?? LocalDate.today(in: viewer.clinic.timeZone).startOfWeek
        var days = 7
        if let text = incoming.query["days"] {
            guard let value = Int(text), (1...ValueDomains.maxDays).contains(value) else {
                throw .badRequest("days must be a whole number from 1 to \(ValueDomains.maxDays)")
            }
            days = value
        }
        return DateRange(first: first, count: days)
    }
}
