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
        let body = cached(viewer, "week", [week.first.description, clinic.model.doctorIDs[Int(doctor)]]) {
            weekBody(week, doctor: doctor, scope: scope)
        }
        return .html(WebLayout.page("Week of \(clinic.names.doctorNames[Int(doctor)])", viewer: viewer, body: body))
    }

    /// The doctors the week page lists at once. One doctor's week is shown, whatever the clinic's
    /// size, so the page costs the same at 5 doctors and at 500; the picker lists the page of
    /// doctors the one shown is on, and links to the first doctor of every other page.
    static let doctorsPerPicker = 40

    /// The week page below its title: the links to the weeks before and after, the doctor picker,
    /// the conflict count, the grid and the free slots.
    private func weekBody(_ week: DateRange, doctor: Int32, scope: ViewScope) -> String {
        let clinic = scope.clinic
        let doctorID = clinic.model.doctorIDs[Int(doctor)]
        let plan = scope.plan(range: week, doctor: doctor)
        let conflicts = scope.conflicts(range: week, doctor: doctor)
        func link(_ date: LocalDate, _ doctor: Int32, _ text: String) -> String {
            let query = FormFields.query([("date", date.description), ("doctor", clinic.model.doctorIDs[Int(doctor)])])
            return "<a href=\"/week?\(query)\">\(text)</a>"
        }
        var body = "<p class=\"weeknav\">" + link(week.first.adding(days: -7), doctor, "&larr; previous week")
            + " · week \(week) · " + link(week.first.adding(days: 7), doctor, "next week &rarr;") + "</p>"
        let doctors = scope.doctors
        if doctors.count > 1 {
            let size = ServeApp.doctorsPerPicker
            let page = (doctors.firstIndex(of: doctor) ?? 0) / size
            body += "<nav class=\"doctors\">" + doctors[(page * size)..<min(doctors.count, (page + 1) * size)].map { index in
                let name = HTMLText.escape(clinic.names.doctorNames[Int(index)])
                return index == doctor ? "<b>\(name)</b>" : link(week.first, index, name)
            }.joined(separator: " ") + "</nav>"
            if doctors.count > size {
                body += "<nav class=\"doctor-pages\">Doctors " + stride(from: 0, to: doctors.count, by: size).map { first in
                    let label = "\(first + 1)–\(min(doctors.count, first + size))"
                    return first / size == page ? "<b>\(label)</b>" : link(week.first, doctors[first], label)
                }.joined(separator: " · ") + "</nav>"
            }
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
        return body
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
        let doctor = try viewer.scope.doctor(incoming.query["doctor"])
        let body = cached(viewer, "conflicts", range.parameters + [doctorParameter(doctor, viewer)]) {
            let report = viewer.scope.conflicts(range: range, doctor: doctor)
            var body = "<p>\(report.conflicts.count) conflict(s) \(range) (\(range.count) days)</p>"
            body += "<table class=\"list\"><tr><th>Date</th><th>Kind</th><th>Ids</th><th>Detail</th></tr>"
            for conflict in report.conflicts {
                body += "<tr><td>\(conflict.date?.description ?? "-")</td><td>\(conflict.kind.rawValue)</td>"
                    + "<td>\(HTMLText.escape(conflict.ids.joined(separator: " ")))</td><td>\(HTMLText.escape(conflict.detail))</td></tr>"
            }
            return body + "</table>"
        }
        return .html(WebLayout.page("Conflicts", viewer: viewer, body: body))
    }

    func reportsPage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        try viewer.scope.requireReports()
        let clinic = viewer.clinic
        let range = try parseRange(incoming, viewer: viewer)
        let body = cached(viewer, "reports", range.parameters) {
            let analytics = ClinicAnalytics(dataset: clinic.dataset, model: clinic.model, calendar: clinic.calendar,
                                            range: range, doctor: nil)
            let builder = ReportTables(clinic: clinic, analytics: analytics, threshold: 0.5)
            var body = "<p>Reports over \(range) (\(range.count) days)</p>"
            for name in ReportName.allCases { body += HTMLReportSection(report: builder.table(name)).render() }
            return body
        }
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

extension DateRange {
    /// A range as an answer's cache key names it.
    var parameters: [String] { [first.description, String(count)] }
}
