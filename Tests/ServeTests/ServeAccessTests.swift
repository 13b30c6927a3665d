import Foundation
import Testing

/// Signing in, sessions, CSRF and the rate limit of `clinic-plan serve`.
@Suite(.serialized) struct ServeAccessTests {
    static let admin = "admin@clinicplan.example"

    @Test func everyRouteButLoginAndStaticNeedsASignedInUser() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = server.client()
        #expect(try client.get("/login").status == 200)
        #expect(try client.get("/static/clinic.css").status == 200)
        for page in ["/", "/week", "/conflicts", "/reports", "/book", "/cancel", "/close", "/rebook", "/calendar",
                     "/rebook/x/mongosh.js", "/rebook/x/calls.csv"] {
            let answer = try client.get(page)
            #expect(answer.status == 303, "\(page)")
            #expect(answer.header("Location")?.hasPrefix("/login?next=") == true, "\(page)")
        }
        for (method, path) in [("GET", "/api/v1/plan"), ("GET", "/api/v1/conflicts"), ("GET", "/api/v1/reports/peak-day"),
                               ("GET", "/api/v1/people"), ("POST", "/api/v1/bookings"), ("DELETE", "/api/v1/bookings/65f000060000000000000001"),
                               ("POST", "/api/v1/rebookings"), ("POST", "/api/v1/rebookings/x/apply"), ("POST", "/api/v1/tokens")] {
            let answer = try client.send(method, path)
            #expect(answer.status == 401, "\(method) \(path)")
            #expect(answer.header("Content-Type") == "application/problem+json", "\(method) \(path)")
            #expect(answer.json?["status"] as? Int == 401)
        }
        for (path, form) in [("/book", [("doctor", "65f000010000000000000001")]), ("/cancel", [("id", "65f000060000000000000001")]),
                             ("/close", [("date", "2026-12-08")]), ("/rebook", []), ("/logout", [])] {
            #expect(try client.post(path, form: form).status == 303, "POST \(path)")
        }
        #expect(try client.get("/calendar/65f000010000000000000001.ics").status == 401)
        #expect(try client.get("/calendar/65f000010000000000000001.ics?token=00").status == 401)
        let bearer = server.client()
        bearer.bearer = "0123456789abcdef0123456789abcdef"
        #expect(try bearer.get("/api/v1/people").status == 401)
    }

    @Test func signInSetsAStrictHttpOnlySessionCookieAndAuditsEveryAttempt() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = server.client()
        let wrong = try client.signIn(Self.admin, password: "nope")
        #expect(wrong.status == 401)
        #expect(!wrong.headers("Set-Cookie").contains { $0.hasPrefix("clinic_session=") })
        #expect(client.cookies["clinic_session"] == nil)

        let right = try client.signIn(Self.admin)
        #expect(right.status == 303)
        #expect(right.header("Location") == "/")
        let cookie = try #require(right.headers("Set-Cookie").first { $0.hasPrefix("clinic_session=") })
        let id = try #require(client.cookies["clinic_session"])
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
        #expect(cookie == "clinic_session=\(id); Path=/; HttpOnly; SameSite=Strict")
        #expect(try client.get("/week").status == 200)

        let logins = server.auditLines.filter { $0.contains("\"action\":\"login\"") }
        #expect(logins.count == 2)
        #expect(logins[0].contains("\"outcome\":\"login_failed\"") && logins[0].contains(Self.admin))
        #expect(logins[1].contains("\"outcome\":\"confirmed\""))

        // Signing out ends the session on the server: the old cookie no longer works.
        let page = try client.get("/week")
        #expect(try client.post("/logout", form: [("csrf", try WebClient.field("csrf", in: page.body))]).status == 303)
        let replay = server.client()
        replay.cookies["clinic_session"] = id
        #expect(try replay.get("/week").status == 303)
        #expect(try replay.get("/api/v1/people").status == 401)
    }

    @Test func formsWithoutTheirCSRFTokenAreRefusedAndChangeNothing() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        // The login form: its token must match the cookie GET /login set.
        let stranger = server.client()
        _ = try stranger.get("/login")
        let forged = try stranger.post("/login", form: [("csrf", "0123456789abcdef0123456789abcdef"), ("email", Self.admin),
                                                        ("password", "clinic-demo")])
        #expect(forged.status == 403)
        #expect(stranger.cookies["clinic_session"] == nil)

        let client = server.client()
        #expect(try client.signIn(Self.admin).status == 303)
        let before = server.dataFiles
        let booking = [("doctor", "65f000010000000000000001"), ("patient", "65f000020000000000000003"),
                       ("date", "2026-12-08"), ("time", "09:40")]
        #expect(try client.post("/book", form: booking).status == 403)
        #expect(try client.post("/book", form: booking + [("csrf", "wrong")]).status == 403)
        #expect(try client.post("/close", form: [("date", "2026-12-08"), ("reason", "x")]).status == 403)
        #expect(try client.post("/cancel", form: [("id", "65f000060000000000000001")]).status == 403)
        // The API with the session cookie needs the token in X-CSRF-Token.
        let api = try client.send("POST", "/api/v1/bookings", json: ["doctor": "65f000010000000000000001",
                                                                     "patient": "65f000020000000000000003",
                                                                     "date": "2026-12-08", "time": "09:40"])
        #expect(api.status == 403)
        #expect(api.header("Content-Type") == "application/problem+json")
        #expect(server.dataFiles == before)

        let csrf = try WebClient.field("csrf", in: try client.get("/book").body)
        #expect(try client.post("/book", form: booking + [("csrf", csrf)]).status == 200)
        #expect(server.dataFiles != before)
    }

    @Test func sessionsExpireOnTheServer() throws {
        let server = try ServedClinic(extra: ["--session-timeout", "1"])
        defer { server.stop() }
        let client = server.client()
        #expect(try client.signIn(Self.admin).status == 303)
        #expect(try client.get("/week").status == 200)
        Thread.sleep(forTimeInterval: 1.5)
        let page = try client.get("/week")
        #expect(page.status == 303)
        #expect(page.header("Location")?.hasPrefix("/login") == true)
        #expect(try client.get("/api/v1/people").status == 401)
    }

    @Test func failedSignInsAreLimitedPerEmailAndPerAddress() throws {
        let server = try ServedClinic(extra: ["--login-attempts", "3", "--login-window", "60"])
        defer { server.stop() }
        let client = server.client()
        for _ in 0..<3 { #expect(try client.signIn(Self.admin, password: "wrong").status == 401) }
        // Over the limit, even the right password is refused, before it is checked.
        let limited = try client.signIn(Self.admin)
        #expect(limited.status == 429)
        #expect(Int(limited.header("Retry-After") ?? "") ?? 0 > 0)
        #expect(client.cookies["clinic_session"] == nil)
        // Another email from the same address still may sign in, until the address's own limit
        // (four times the email's: 12 failures) is reached.
        #expect(try client.signIn("mona.adel@clinicplan.example").status == 303)
        for n in 0..<9 { #expect(try client.signIn("nobody\(n)@clinicplan.example", password: "x").status == 401) }
        #expect(try client.signIn("karim.fathy@clinicplan.example").status == 429)
        let audited = server.auditLines.filter { $0.contains("\"action\":\"login\"") && $0.contains("rate limited") }
        #expect(audited.count == 2)
    }
}
