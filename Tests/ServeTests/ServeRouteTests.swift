import Foundation
import Testing

/// Every page, feed and API route of `clinic-plan serve`, as each role sees it, on the sample.
@Suite(.serialized) struct ServeRouteTests {
    static let admin = "admin@clinicplan.example"
    /// Patient Mohamed Saeed (65f000020000000000000001): appointment 65f000060000000000000001,
    /// Sundays 09:00 with Dr. Ahmed Hassan (65f000010000000000000001).
    static let patient = "mohamed.saeed@clinicplan.example"
    static let doctorAhmed = "ahmed.hassan@clinicplan.example"
    static let ahmed = "65f000010000000000000001", mona = "65f000010000000000000002"

    private func signedIn(_ server: ServedClinic, _ email: String) throws -> WebClient {
        let client = server.client()
        let answer = try client.signIn(email)
        #expect(answer.status == 303, "sign-in of \(email)")
        return client
    }

    private func csrf(_ client: WebClient) throws -> String {
        try WebClient.field("csrf", in: try client.get("/book").body)
    }

    @Test func adminSeesEveryPage() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let week = try client.get("/week?date=2026-12-02&doctor=\(Self.ahmed)")
        #expect(week.status == 200)
        #expect(week.body.contains("week 2026-11-29…2026-12-05"))
        #expect(week.body.contains("href=\"/week?date=2026-11-22&doctor=\(Self.ahmed)\""))
        #expect(week.body.contains("href=\"/week?date=2026-12-06&doctor=\(Self.ahmed)\""))
        #expect(week.body.contains("href=\"/week?date=2026-11-29&doctor=\(Self.mona)\""))
        // The sample's double booking on Sunday 09:00/09:10 is marked, and free slots link to /book.
        #expect(week.body.contains("item appt conflict"))
        #expect(week.body.contains("Nada Essam"))
        #expect(week.body.contains("href=\"/book?doctor=\(Self.ahmed)&date=2026-11-29&time=09:40\""))
        #expect(try client.get("/").status == 200)
        let conflicts = try client.get("/conflicts?from=2026-11-29&days=7")
        #expect(conflicts.status == 200)
        #expect(conflicts.body.contains("double_booking"))
        let reports = try client.get("/reports?from=2026-11-29&days=7")
        #expect(reports.status == 200)
        #expect(reports.body.components(separatedBy: "id=\"report-").count - 1 == 14)
        for page in ["/book", "/cancel", "/close", "/rebook", "/calendar"] {
            let answer = try client.get(page)
            #expect(answer.status == 200, "\(page)")
            #expect(answer.body.contains("name=\"csrf\""), "\(page)")
        }
        #expect(try client.get("/week?date=2026-13-01").status == 400)
        #expect(try client.get("/week?doctor=nope").status == 404)
        #expect(try client.get("/nowhere").status == 404)
    }

    @Test func apiDocumentsAreTheCLIsJSON() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let plan = try #require(try client.get("/api/v1/plan?week=2026-12-02&doctor=\(Self.ahmed)").json)
        #expect(plan["week"] as? [String: String] == ["from": "2026-11-29", "to": "2026-12-05"])
        let days = try #require(((plan["doctors"] as? [[String: Any]])?.first)?["days"] as? [[String: Any]])
        #expect(days.map { $0["status"] as? String } ==
                ["open", "no_schedule", "open", "no_schedule", "closed", "no_schedule", "no_schedule"])
        #expect(days[0]["booked_appointments"] as? Int == 3)
        let all = try #require(try client.get("/api/v1/plan?week=2026-12-02").json)
        #expect((all["doctors"] as? [Any])?.count == 10)
        let conflicts = try #require(try client.get("/api/v1/conflicts?from=2026-11-29&days=7").json)
        #expect((conflicts["range"] as? [String: Any])?["days"] as? Int == 7)
        #expect(((conflicts["summary"] as? [String: Int])?["double_booking"] ?? 0) > 0)
        // The same documents as the CLI's --format json.
        func same(_ path: String, _ arguments: [String]) throws {
            let api = try #require(try client.get(path).json)
            let cli = try #require(try JSONSerialization.jsonObject(
                with: Data(try Tool.output(arguments + ["--data", Tool.sample, "--format", "json"]).utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: api).isEqual(to: cli), "\(path)")
        }
        try same("/api/v1/reports/peak-day?from=2026-11-29&days=7", ["report", "peak-day", "--from", "2026-11-29", "--days", "7"])
        try same("/api/v1/plan?week=2026-11-29&doctor=\(Self.ahmed)", ["plan", "--week", "2026-11-29", "--doctor", Self.ahmed])
        try same("/api/v1/conflicts?from=2026-11-29&days=7", ["conflicts", "--from", "2026-11-29", "--days", "7"])
        let missing = try client.get("/api/v1/reports/nope")
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        let people = try #require(try client.get("/api/v1/people").json)
        #expect((people["doctors"] as? [Any])?.count == 10)
        #expect((people["patients"] as? [Any])?.count == 30)
        let bad = try client.get("/api/v1/conflicts?days=0")
        #expect(bad.status == 400)
        #expect(bad.json?["title"] as? String == "Bad request")
        let document = try #require(try client.get("/api/v1/openapi.json").json)
        #expect(document["openapi"] as? String == "3.0.3")
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(Set(paths.keys) == ["/api/v1/plan", "/api/v1/conflicts", "/api/v1/reports/{name}", "/api/v1/people",
                                     "/api/v1/bookings", "/api/v1/bookings/{id}", "/api/v1/rebookings",
                                     "/api/v1/rebookings/{id}/apply", "/api/v1/tokens"])
    }

    @Test func bookingFormChecksBooksAndShowsItOnTheGrid() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let token = try csrf(client)
        let form = [("csrf", token), ("doctor", Self.ahmed), ("patient", "65f000020000000000000003"),
                    ("date", "2026-12-08"), ("time", "09:40")]
        let booked = try client.post("/book", form: form)
        #expect(booked.status == 200)
        #expect(booked.body.contains("booked appointment"))
        let week = try client.get("/week?date=2026-12-08&doctor=\(Self.ahmed)")
        #expect(week.body.contains("09:40 Mahmoud Reda"))
        #expect(server.auditLines.last?.contains("\"action\":\"book\"") == true)
        // The same slot again: check 4 fails, and the nearest free slots are offered.
        let again = try client.post("/book", form: form)
        #expect(again.status == 422)
        #expect(again.body.contains("check 4"))
        #expect(again.body.contains("id=\"suggestions\""))
        #expect(server.auditLines.last?.contains("\"outcome\":\"rejected\"") == true)
    }

    @Test func patientSeesAndBooksOnlyTheirOwn() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.patient)
        let week = try client.get("/week?date=2026-11-29&doctor=\(Self.ahmed)")
        #expect(week.status == 200)
        #expect(week.body.contains("Mohamed Saeed"))
        #expect(!week.body.contains("Nada Essam"))
        #expect(!week.body.contains("65f00006000000000000000a"))
        let plan = try client.get("/api/v1/plan?week=2026-11-29&doctor=\(Self.ahmed)").body
        #expect(plan.contains("65f000060000000000000001"))
        #expect(!plan.contains("65f00006000000000000000a") && !plan.contains("Nada Essam"))
        let people = try #require(try client.get("/api/v1/people").json)
        #expect((people["patients"] as? [[String: Any]])?.map { $0["_id"] as? String } == ["65f000020000000000000001"])
        #expect((people["medical_reps"] as? [Any])?.count == 0)
        for path in ["/conflicts", "/reports", "/api/v1/conflicts", "/api/v1/reports/peak-day", "/calendar"] {
            #expect(try client.get(path).status == 403, "\(path)")
        }
        let token = try csrf(client)
        let before = server.dataFiles
        let other = try client.post("/book", form: [("csrf", token), ("doctor", Self.ahmed), ("patient", "65f000020000000000000003"),
                                                    ("date", "2026-12-08"), ("time", "09:40")])
        #expect(other.status == 403)
        let cancel = try client.send("DELETE", "/api/v1/bookings/65f00006000000000000000a", headers: [("X-CSRF-Token", token)])
        #expect(cancel.status == 403)
        #expect(try client.post("/close", form: [("csrf", token), ("doctor", Self.ahmed), ("date", "2026-12-08"),
                                                  ("reason", "x")]).status == 403)
        let rebook = try client.send("POST", "/api/v1/rebookings", json: ["from": "2026-12-06"], headers: [("X-CSRF-Token", token)])
        #expect(rebook.status == 403)
        #expect(server.dataFiles == before)
        #expect(server.auditLines.filter { $0.contains("\"outcome\":\"forbidden\"") }.count == 3)
        // Their own booking and cancellation go through.
        let own = try client.send("POST", "/api/v1/bookings", json: ["doctor": Self.ahmed, "patient": "65f000020000000000000001",
                                                                     "date": "2026-12-08", "time": "09:40"],
                                  headers: [("X-CSRF-Token", token)])
        #expect(own.status == 201)
        let id = try #require(own.json?["_id"] as? String)
        #expect(try client.send("DELETE", "/api/v1/bookings/\(id)", headers: [("X-CSRF-Token", token)]).status == 200)
    }

    @Test func doctorManagesOnlyTheirOwnPractice() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.doctorAhmed)
        #expect(try client.get("/week?doctor=\(Self.ahmed)").status == 200)
        #expect(try client.get("/week?doctor=\(Self.mona)").status == 403)
        #expect(try client.get("/api/v1/plan?doctor=\(Self.mona)").status == 403)
        let plan = try #require(try client.get("/api/v1/plan?week=2026-11-29").json)
        #expect((plan["doctors"] as? [[String: Any]])?.map { $0["doctor_id"] as? String } == [Self.ahmed])
        #expect(try client.get("/conflicts?from=2026-11-29").status == 200)
        #expect(try client.get("/reports").status == 403)
        let token = try csrf(client)
        let before = server.dataFiles
        #expect(try client.post("/close", form: [("csrf", token), ("doctor", Self.mona), ("date", "2026-12-07"),
                                                  ("reason", "x")]).status == 403)
        #expect(try client.post("/close", form: [("csrf", token), ("date", "2026-12-07"), ("reason", "x")]).status == 403)
        #expect(server.dataFiles == before)
        let closed = try client.post("/close", form: [("csrf", token), ("doctor", Self.ahmed), ("date", "2026-12-06"),
                                                      ("reason", "Conference")])
        #expect(closed.status == 200)
        #expect(closed.body.contains("closed 2026-12-06 for Dr. Ahmed Hassan (65f000010000000000000001): Conference"))
        #expect(server.file("clinic_days.json").contains("Conference"))
    }

    @Test func rebookingPreviewApplyAndDownloads() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let token = try csrf(client)
        // Closing Sunday 2026-12-06 for Dr. Ahmed Hassan strands his weekly Sunday appointments.
        let preview = try client.post("/rebook", form: [("csrf", token), ("from", "2026-12-06"), ("days", "7"),
                                                        ("doctor", Self.ahmed), ("closures", "2026-12-06 Holiday")])
        #expect(preview.status == 200)
        #expect(preview.body.contains("id=\"moves\""))
        let before = server.dataFiles
        #expect(server.dataFiles == before, "a preview writes nothing")
        let action = try #require(preview.body.range(of: "action=\"/rebook/")).upperBound
        let id = String(preview.body[action...].prefix { $0 != "/" })
        let script = try client.get("/rebook/\(id)/mongosh.js")
        #expect(script.status == 200)
        #expect(script.body.contains("Holiday"))
        let calls = try client.get("/rebook/\(id)/calls.csv")
        #expect(calls.status == 200)
        #expect(calls.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(try client.post("/rebook/\(id)/apply", form: []).status == 403)
        let applied = try client.post("/rebook/\(id)/apply", form: [("csrf", token)])
        #expect(applied.status == 200)
        #expect(server.file("clinic_days.json").contains("Holiday"))
        #expect(server.dataFiles != before)
        #expect(server.auditLines.last?.contains("\"action\":\"rebook\"") == true)
        #expect(try client.post("/rebook/\(id)/apply", form: [("csrf", token)]).status == 404)
    }

    @Test func apiRebookingRefusesAStalePreview() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let token = try csrf(client)
        let preview = try client.send("POST", "/api/v1/rebookings", json: ["from": "2026-12-06", "days": 7, "doctor": Self.ahmed,
                                                                           "closures": [["date": "2026-12-06", "reason": "Holiday"]]],
                                      headers: [("X-CSRF-Token", token)])
        #expect(preview.status == 201)
        let id = try #require(preview.json?["id"] as? String)
        // Someone books meanwhile: the preview no longer matches the folder.
        #expect(try client.post("/book", form: [("csrf", token), ("doctor", Self.ahmed), ("patient", "65f000020000000000000003"),
                                                 ("date", "2026-12-08"), ("time", "09:40")]).status == 200)
        let stale = try client.send("POST", "/api/v1/rebookings/\(id)/apply", headers: [("X-CSRF-Token", token)])
        #expect(stale.status == 409)
        #expect(!server.file("clinic_days.json").contains("Holiday"))
        let fresh = try client.send("POST", "/api/v1/rebookings", json: ["from": "2026-12-06", "days": 7, "doctor": Self.ahmed,
                                                                         "closures": [["date": "2026-12-06", "reason": "Holiday"]]],
                                    headers: [("X-CSRF-Token", token)])
        let freshID = try #require(fresh.json?["id"] as? String)
        let applied = try client.send("POST", "/api/v1/rebookings/\(freshID)/apply", headers: [("X-CSRF-Token", token)])
        #expect(applied.status == 200)
        #expect(server.file("clinic_days.json").contains("Holiday"))
    }

    @Test func calendarFeedsNeedTheirRotatableToken() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let page = try client.get("/calendar")
        let start = try #require(page.body.range(of: "href=\"/calendar/\(Self.ahmed).ics?token=")).upperBound
        let token = String(page.body[start...].prefix { $0 != "\"" })
        let feed = server.client()
        let ics = try feed.get("/calendar/\(Self.ahmed).ics?token=\(token)")
        #expect(ics.status == 200)
        #expect(ics.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(ics.body.hasPrefix("BEGIN:VCALENDAR"))
        #expect(try feed.get("/calendar/\(Self.mona).ics?token=\(token)").status == 401)
        // A doctor rotates their own token (not another's); the old URL stops working.
        let doctor = try signedIn(server, Self.doctorAhmed)
        let doctorToken = try csrf(doctor)
        #expect(try doctor.post("/calendar/\(Self.mona)/rotate", form: [("csrf", doctorToken)]).status == 403)
        #expect(try doctor.post("/calendar/\(Self.ahmed)/rotate", form: [("csrf", doctorToken)]).status == 303)
        #expect(try feed.get("/calendar/\(Self.ahmed).ics?token=\(token)").status == 401)
        let newPage = try doctor.get("/calendar")
        #expect(!newPage.body.contains(Self.mona))
        let newStart = try #require(newPage.body.range(of: "token=")).upperBound
        let newToken = String(newPage.body[newStart...].prefix { $0 != "\"" })
        #expect(newToken != token)
        #expect(try feed.get("/calendar/\(Self.ahmed).ics?token=\(newToken)").status == 200)
    }

    @Test func adminIssuedBearerTokensActAsTheirUser() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let admin = try signedIn(server, Self.admin)
        let token = try csrf(admin)
        let issued = try admin.send("POST", "/api/v1/tokens", json: ["email": Self.patient], headers: [("X-CSRF-Token", token)])
        #expect(issued.status == 201)
        let bearer = try #require(issued.json?["token"] as? String)
        let api = server.client()
        api.bearer = bearer
        let people = try #require(try api.get("/api/v1/people").json)
        #expect((people["patients"] as? [Any])?.count == 1)
        #expect(try api.get("/api/v1/conflicts").status == 403)
        // A bearer needs no CSRF token; it still cannot issue tokens unless it is an admin's.
        #expect(try api.send("POST", "/api/v1/tokens", json: [:] as [String: String]).status == 403)
        let patient = try signedIn(server, Self.patient)
        #expect(try patient.send("POST", "/api/v1/tokens", json: [:] as [String: String],
                                 headers: [("X-CSRF-Token", try csrf(patient))]).status == 403)
    }

    @Test func theServerReadsWhatTheCLIWrote() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let before = try client.get("/api/v1/plan?week=2026-12-08&doctor=\(Self.ahmed)").body
        #expect(!before.contains("Mahmoud Reda"))
        let status = try Tool.run(Tool.binary, ["book", "--data", server.folder.path, "--doctor", Self.ahmed, "--patient", "65f000020000000000000003",
                                   "--date", "2026-12-08", "--time", "09:40", "--as", Self.admin],
                                  environment: ["CLINIC_PASSWORD": "clinic-demo"]).status
        #expect(status == 0)
        let after = try client.get("/api/v1/plan?week=2026-12-08&doctor=\(Self.ahmed)").body
        #expect(after.contains("Mahmoud Reda"))
    }
}
