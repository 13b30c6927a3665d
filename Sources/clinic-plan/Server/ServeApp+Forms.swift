import ClinicData
import Foundation
import SlotSolver

/// The pages that change the data: each GET shows its form (with the session's CSRF token),
/// each POST does the change through `commit` and shows what happened.
extension ServeApp {
    func bookPage(_ incoming: Incoming, _ viewer: Viewer, result: String? = nil) throws -> Reply {
        let scope = viewer.scope, clinic = viewer.clinic
        let doctors = scope.doctors.map { (clinic.model.doctorIDs[Int($0)], clinic.names.doctorNames[Int($0)]) }
        let patients = scope.patients.map { (clinic.dataset.patients[Int($0)].id.description, clinic.names.patientNames[Int($0)]) }
        let reps = scope.reps.map { (clinic.dataset.medicalReps[Int($0)].id.description, clinic.names.repNames[Int($0)]) }
        let fields = incoming.method == "POST" ? incoming.form : incoming.query
        var body = result ?? ""
        body += "<form method=\"post\" action=\"/book\" class=\"stack\">\(WebLayout.csrfField(viewer))"
        body += "<label>Doctor " + WebLayout.select("doctor", doctors, selected: fields["doctor"]) + "</label>"
        if !patients.isEmpty {
            body += "<label>Patient " + WebLayout.select("patient", patients, selected: fields["patient"],
                                                         empty: reps.isEmpty ? nil : "(a rep visit)") + "</label>"
        }
        if !reps.isEmpty {
            body += "<label>Medical rep " + WebLayout.select("rep", reps, selected: fields["rep"],
                                                             empty: patients.isEmpty ? nil : "(an appointment)") + "</label>"
        }
        body += "<label>Date <input type=\"date\" name=\"date\" id=\"date\" value=\"\(HTMLText.escape(fields["date"] ?? ""))\" required></label>"
        body += "<label>Time <input type=\"time\" name=\"time\" id=\"time\" value=\"\(HTMLText.escape(fields["time"] ?? ""))\" required></label>"
        body += "<button type=\"submit\" id=\"book\">Book</button></form>"
        body += "<p>The five checks, in order: 1 the clinic is open; 2 a schedule exists that weekday; 3 the time is inside "
            + "the patient (or rep) hours; 4 the slot is free; 5 max_patients (or max_reps) is not reached.</p>"
        return .html(WebLayout.page("Book", viewer: viewer, body: body))
    }

    func bookForm(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let form = incoming.form
        let booked: BookedItem
        do {
            booked = try book(BookingInput(doctor: form["doctor"], patient: form["patient"], rep: form["rep"],
                                           date: form["date"], time: form["time"]), by: viewer)
        } catch {
            guard case .rejected(let sentence, let notes) = error else { throw error }
            return try bookPage(incoming, viewer, result: refusal(sentence, notes: notes, form: form)).withStatus(422)
        }
        let link = "/week?" + FormFields.query([("date", form["date"]), ("doctor", form["doctor"])])
        return .html(WebLayout.page("Booked", viewer: viewer, body: "<p class=\"ok\" id=\"message\">\(HTMLText.escape(booked.sentence))</p>"
                                    + "<p><a id=\"to-week\" href=\"\(link)\">See it on the week</a></p>"))
    }

    /// The failed check's sentence and the nearest free slots, each a link to the form filled in.
    private func refusal(_ sentence: String, notes: [String], form: FormFields) -> String {
        var text = "<p class=\"alert\" id=\"message\">\(HTMLText.escape(sentence))</p>"
        guard !notes.isEmpty else { return text }
        text += "<p>Nearest free slots:</p><ul id=\"suggestions\">" + notes.map { note -> String in
            let parts = note.split(separator: " ").map(String.init)
            let query = FormFields.query([("doctor", form["doctor"]), ("patient", form["patient"]), ("rep", form["rep"]),
                                          ("date", parts.first), ("time", parts.last)])
            return "<li><a href=\"/book?\(query)\">\(HTMLText.escape(note))</a></li>"
        }.joined()
        return text + "</ul>"
    }

    func cancelPage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let clinic = viewer.clinic
        let today = LocalDate.today(in: clinic.timeZone)
        let plan = viewer.scope.plan(range: DateRange(first: today.startOfWeek, count: 28), doctor: nil)
        var options: [(String, String)] = []
        for week in plan.doctors {
            for day in week.days {
                for entry in day.entries where day.date >= today {
                    options.append(("\(entry.id)|\(day.date)", "\(day.date) \(entry.interval.start) "
                                    + "\(entry.kind == .appointment ? clinic.names.patientNames[Int(entry.person)] : clinic.names.repNames[Int(entry.person)]) "
                                    + "with \(clinic.names.doctorNames[Int(week.doctor)]) (\(entry.id))"))
                }
            }
        }
        var body = "<form method=\"post\" action=\"/cancel\" class=\"stack\">\(WebLayout.csrfField(viewer))"
        body += "<label>Booking (next four weeks) " + WebLayout.select("booking", options.sorted { $0.1 < $1.1 }.prefix(500).map { $0 },
                                                                        selected: incoming.query["booking"], empty: "(choose)") + "</label>"
        body += "<label>Or its _id <input name=\"id\" id=\"id\" value=\"\(HTMLText.escape(incoming.query["id"] ?? ""))\"></label>"
        body += "<label><input type=\"checkbox\" name=\"only\" value=\"1\" checked> only that date's occurrence of a weekly appointment</label>"
        body += "<label>Date (for an _id) <input type=\"date\" name=\"date\"></label>"
        body += "<button type=\"submit\" id=\"cancel\">Cancel it</button></form>"
        return .html(WebLayout.page("Cancel", viewer: viewer, body: body))
    }

    func cancelForm(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        var id = incoming.form["id"], date = incoming.form["date"]
        if let booking = incoming.form["booking"] {
            let parts = booking.split(separator: "|").map(String.init)
            id = parts.first
            date = incoming.form["only"] != nil && parts.count > 1 ? parts[1] : nil
        }
        guard let id else { throw ServerFailure.badRequest("choose a booking or give its _id") }
        let sentence = try cancel(id, date: date, by: viewer)
        return .html(WebLayout.page("Cancelled", viewer: viewer, body: "<p class=\"ok\" id=\"message\">\(HTMLText.escape(sentence))</p>"))
    }

    func closePage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let clinic = viewer.clinic
        let doctors = viewer.scope.doctors.map { (clinic.model.doctorIDs[Int($0)], clinic.names.doctorNames[Int($0)]) }
        var body = "<form method=\"post\" action=\"/close\" class=\"stack\">\(WebLayout.csrfField(viewer))"
        body += "<label>Doctor " + WebLayout.select("doctor", doctors, selected: incoming.query["doctor"],
                                                    empty: viewer.signedIn.role == .admin ? "(every doctor)" : nil) + "</label>"
        body += "<label>Date <input type=\"date\" name=\"date\" id=\"date\" required></label>"
        body += "<label>Reason <input name=\"reason\" id=\"reason\" required></label>"
        body += "<button type=\"submit\" id=\"close\">Close the date</button></form>"
        return .html(WebLayout.page("Close a date", viewer: viewer, body: body))
    }

    func closeForm(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let form = incoming.form
        let sentence = try close(doctor: form["doctor"], date: form["date"], reason: form["reason"], by: viewer)
        let rebook = "/rebook?" + FormFields.query([("from", form["date"]), ("doctor", form["doctor"])])
        let lines = sentence.split(separator: "\n").map { HTMLText.escape(String($0)) }.joined(separator: "<br>")
        return .html(WebLayout.page("Closed", viewer: viewer, body: "<p class=\"ok\" id=\"message\">\(lines)</p>"
                                    + "<p><a id=\"to-rebook\" href=\"\(rebook)\">Rebook what the closure hits</a></p>"))
    }

    func rebookPage(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let clinic = viewer.clinic
        let doctors = viewer.scope.doctors.map { (clinic.model.doctorIDs[Int($0)], clinic.names.doctorNames[Int($0)]) }
        var body = "<form method=\"post\" action=\"/rebook\" class=\"stack\">\(WebLayout.csrfField(viewer))"
        body += "<label>From <input type=\"date\" name=\"from\" id=\"from\" value=\"\(HTMLText.escape(incoming.query["from"] ?? ""))\"></label>"
        body += "<label>Days <input type=\"number\" name=\"days\" id=\"days\" value=\"14\" min=\"1\" max=\"\(ValueDomains.maxDays)\"></label>"
        body += "<label>Doctor " + WebLayout.select("doctor", doctors, selected: incoming.query["doctor"],
                                                    empty: viewer.signedIn.role == .admin ? "(every doctor)" : nil) + "</label>"
        body += "<label>Also close (one per line: YYYY-MM-DD reason) <textarea name=\"closures\" id=\"closures\" rows=\"3\"></textarea></label>"
        body += "<button type=\"submit\" id=\"preview\">Preview the moves</button></form>"
        return .html(WebLayout.page("Rebook", viewer: viewer, body: body))
    }

    func rebookPreviewForm(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let form = incoming.form
        let closures = (form["closures"] ?? "").split(whereSeparator: \.isNewline).compactMap { line -> (String, String)? in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
            return parts.first.map { ($0, parts.count > 1 ? parts[1] : "Closed") }
        }
        var days: Int?
        if let text = form["days"] {
            guard let value = Int(text) else { throw ServerFailure.badRequest("days must be a whole number") }
            days = value
        }
        let preview = try rebookPreview(RebookInput(from: form["from"], days: days, doctor: form["doctor"], closures: closures),
                                        by: viewer)
        var body = "<pre id=\"preview-table\">\(HTMLText.escape(preview.renderer.table()))</pre>"
        body += "<form method=\"post\" action=\"/rebook/\(preview.id)/apply\">\(WebLayout.csrfField(viewer))"
        body += "<button type=\"submit\" id=\"apply\">Apply these \(preview.changes.count) change(s)</button></form>"
        body += "<p><a href=\"/rebook/\(preview.id)/mongosh.js\" id=\"mongosh\">mongosh script</a> · "
            + "<a href=\"/rebook/\(preview.id)/calls.csv\" id=\"calls\">call list (CSV)</a></p>"
        body += movesGrid(preview)
        return .html(WebLayout.page("Rebooking preview", viewer: viewer, body: body))
    }

    /// The first week of the preview's range, as the grid, with the moves as a table beside it:
    /// each move from its old slot to its new one.
    private func movesGrid(_ preview: RebookPreview) -> String {
        let clinic = preview.clinic
        var out = "<h2>Moves</h2><table class=\"list\" id=\"moves\"><tr><th>Item</th><th>From</th><th>To</th></tr>"
        for move in preview.result.moves {
            let to = move.toDate.map { "\($0) \(move.toStart.map(\.description) ?? "")" } ?? "unplaced"
            out += "<tr><td>\(move.kind == .appointment ? "appointment" : "visit") with "
                + "\(HTMLText.escape(clinic.names.doctorNames[Int(move.doctor)]))</td>"
                + "<td>\(move.fromDate) \(move.fromStart)</td><td>\(HTMLText.escape(to))</td></tr>"
        }
        out += "</table>"
        let week = DateRange(first: preview.range.first.startOfWeek, count: 7)
        let doctors = Set(preview.result.moves.map(\.doctor))
        let plan = WeeklyPlanner.plan(model: clinic.model, calendar: clinic.calendar, range: week, doctor: nil)
        let grid = HTMLWeekGrid(clinic: clinic, conflicts: ConflictIndex(ConflictReport(conflicts: [])))
        for doctorWeek in plan.doctors where doctors.contains(doctorWeek.doctor) { out += grid.render(doctorWeek) }
        return out
    }

    func rebookApplyForm(_ incoming: Incoming, _ viewer: Viewer, id: String) throws -> Reply {
        let preview = try rebookApply(id, by: viewer)
        return .html(WebLayout.page("Rebooking applied", viewer: viewer, body:
            "<p class=\"ok\" id=\"message\">Applied \(preview.changes.count) change(s) as one transaction: "
            + "\(preview.result.appointments.moved) appointment(s) and \(preview.result.repVisits.moved) visit(s) moved.</p>"
            + "<pre>\(HTMLText.escape(preview.callList))</pre>"))
    }

    enum PreviewFile { case mongosh, callList }

    func rebookDownload(_ incoming: Incoming, _ viewer: Viewer, id: String, file: PreviewFile) throws -> Reply {
        guard let preview = previews.find(id, email: viewer.email) else {
            throw ServerFailure.notFound("no rebooking preview \(id) of yours")
        }
        switch file {
        case .mongosh: return .file(preview.mongosh, type: "text/javascript; charset=utf-8", name: "rebook.js")
        case .callList: return .file(preview.callList, type: "text/csv; charset=utf-8", name: "call-list.csv")
        }
    }
}

extension Reply {
    func withStatus(_ status: Int) -> Reply {
        var copy = self
        copy.status = status
        return copy
    }
}
