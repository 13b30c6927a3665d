import ClinicData
import Foundation
import SlotSolver

/// Per-doctor iCalendar subscription feeds: `/calendar/DOCTOR_ID.ics?token=…`, the events of
/// `plan --format ics` over the next `feedWeeks` weeks (with cancellations), signed in by the
/// doctor's secret token only, so that calendar apps can subscribe by URL.
extension ServeApp {
    static let feedWeeks = 8

    func feed(_ incoming: Incoming, file: String) throws -> Reply {
        guard file.hasSuffix(".ics") else { throw ServerFailure.notFound("feeds end in .ics") }
        let doctorText = String(file.dropLast(4))
        guard let token = incoming.query["token"], secrets.feedTokenMatches(doctor: doctorText, token: token) else {
            throw ServerFailure.unauthorized("a wrong or missing feed token")
        }
        let clinic = try live.snapshot().clinic
        let doctor = try clinic.person(.doctor, doctorText)
        let range = DateRange(first: LocalDate.today(in: clinic.timeZone).startOfWeek, count: 7 * ServeApp.feedWeeks)
        let plan = WeeklyPlanner.plan(model: clinic.model, calendar: clinic.calendar, range: range, doctor: doctor)
        let conflicts = ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: range, doctor: doctor)
        let now = Instant(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let text = ICSCalendar(clinic: clinic, plan: plan, conflicts: conflicts, stamp: now,
                               history: AuditHistory(folder: live.data.folderURL.path), doctor: doctor).render()
        return Reply(status: 200, headers: [("Content-Type", "text/calendar; charset=utf-8")], body: Array(text.utf8))
    }

    /// The feed URLs of the doctors the user may manage (an admin: all; a doctor: their own).
    func calendarPage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        guard viewer.scope.seesEveryBooking else {
            throw ServerFailure.forbidden("\(viewer.email) (\(viewer.signedIn.role.rawValue)) has no calendar feed")
        }
        let clinic = viewer.clinic
        var body = "<p>Subscribe in a calendar app (Google Calendar: Other calendars → From URL; Apple Calendar: "
            + "File → New Calendar Subscription) with the doctor's URL. Rotating the token stops the old URL at once.</p>"
        body += "<table class=\"list\"><tr><th>Doctor</th><th>Feed</th><th></th></tr>"
        for doctor in viewer.scope.doctors.prefix(500) {
            let id = clinic.model.doctorIDs[Int(doctor)]
            let token = try secrets.feedToken(doctor: id)
            let url = "/calendar/\(id).ics?token=\(token)"
            body += "<tr><td>\(HTMLText.escape(clinic.names.doctorNames[Int(doctor)]))</td>"
                + "<td><a class=\"feed\" href=\"\(HTMLText.escape(url))\">\(HTMLText.escape(url))</a></td>"
                + "<td><form method=\"post\" action=\"/calendar/\(HTMLText.escape(id))/rotate\">\(WebLayout.csrfField(viewer))"
                + "<button type=\"submit\">Rotate token</button></form></td></tr>"
        }
        return .html(WebLayout.page("Calendar feeds", viewer: viewer, body: body + "</table>"))
    }

    func rotateFeed(_ incoming: Incoming, _ viewer: Viewer, doctor text: String) throws -> Reply {
        let doctor = try viewer.clinic.person(.doctor, text)
        let id = viewer.clinic.dataset.doctors[Int(doctor)].id
        guard viewer.signedIn.role == .admin || viewer.signedIn.doctorIds.contains(id) else {
            throw ServerFailure.forbidden("\(viewer.email) may rotate only their own feed token, not doctor \(text)'s")
        }
        let token = try secrets.rotateFeedToken(doctor: viewer.clinic.model.doctorIDs[Int(doctor)])
        try? AuditLog(folder: live.data.folderURL).append(
            AuditEntry(user: viewer.email, action: "rotate feed token", ids: [("doctor_id", id.description)],
                       outcome: .confirmed, detail: "the old feed URL no longer works"))
        if incoming.wantsJSON { return .json("{\"token\":\"\(token)\"}") }
        return .redirect("/calendar")
    }
}
