import Foundation
import Testing

/// The server and the CLI write through one write session (`FolderWrite`) with the same
/// decisions (`BookingWrite`, `CancellationWrite`, `ClosureWrite`): the same request changes the
/// same documents and audits the same line, whichever front end it came through.
@Suite(.serialized) struct ServeWriteTests {
    static let admin = ServeRouteTests.admin, ahmed = ServeRouteTests.ahmed

    /// An audit line without its time and user agent of the moment: what both front ends must agree on.
    private func audited(_ line: String) throws -> [String: String] {
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        var kept: [String: String] = [:]
        for key in ["user", "action", "outcome", "detail"] { kept[key] = entry[key] as? String }
        let ids = entry["ids"] as? [String: Any] ?? [:]
        kept["ids"] = ids.keys.sorted().map { "\($0)=\(ids[$0]!)" }.joined(separator: " ")
        return kept
    }

    private func cli(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        try Tool.run(Tool.binary, arguments + ["--data", folder.path, "--as", Self.admin],
                     environment: ["CLINIC_PASSWORD": "clinic-demo"])
    }

    /// Dr. Ahmed, Tuesday 2026-12-08 09:40, for `patient`: asked of the server's API, then of the
    /// CLI in the copy of the folder.
    private func bookThroughBoth(patient: String, _ client: WebClient, csrf: String, copy: URL) throws
        -> (served: HTTPAnswer, booked: (status: Int32, output: String)) {
        let served = try client.send("POST", "/api/v1/bookings",
                                     json: ["doctor": Self.ahmed, "patient": patient, "date": "2026-12-08", "time": "09:40"],
                                     headers: [("X-CSRF-Token", csrf)])
        let booked = try cli(["book", "--doctor", Self.ahmed, "--patient", patient, "--date", "2026-12-08", "--time", "09:40",
                              "--not-before", "2026-12-01"], in: copy)
        return (served, booked)
    }

    @Test func aBookingACancellationAndAClosureWriteTheSameThroughTheServerAndTheCLI() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let copy = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Tool.sample) {
            try FileManager.default.copyItem(atPath: Tool.sample + "/" + name, toPath: copy.path + "/" + name)
        }
        let client = server.client()
        #expect(try client.signIn(Self.admin).status == 303)
        let csrf = try WebClient.field("csrf", in: try client.get("/book").body)

        let (served, booked) = try bookThroughBoth(patient: "65f000020000000000000003", client, csrf: csrf, copy: copy)
        #expect(served.status == 201)
        #expect(booked.status == 0)
        // The same new _id (derived from the data), the same sentence, the same file.
        let id = try #require(served.json?["_id"] as? String)
        #expect(booked.output.trimmingCharacters(in: .newlines) == served.json?["message"] as? String)
        #expect(booked.output.contains(id))
        #expect(server.file("appointments.json") == (try String(contentsOf: copy.appendingPathComponent("appointments.json"), encoding: .utf8)))

        // A refusal by a check: the same sentence, 422 and exit 1, nothing written.
        let (refused, again) = try bookThroughBoth(patient: "65f000020000000000000004", client, csrf: csrf, copy: copy)
        #expect(refused.status == 422)
        #expect(again.status == 1)
        #expect(again.output.hasPrefix(try #require(refused.json?["detail"] as? String)))

        #expect(try client.send("DELETE", "/api/v1/bookings/\(id)", headers: [("X-CSRF-Token", csrf)]).status == 200)
        #expect(try cli(["cancel", id], in: copy).status == 0)
        let closed = try client.post("/close", form: [("csrf", csrf), ("doctor", Self.ahmed), ("date", "2026-12-06"),
                                                      ("reason", "Conference")])
        #expect(closed.status == 200)
        #expect(try cli(["close", "--doctor", Self.ahmed, "--date", "2026-12-06", "--reason", "Conference"], in: copy).status == 0)
        for name in ["appointments.json", "clinic_days.json", "rep_visits.json"] {
            #expect(server.file(name) == (try String(contentsOf: copy.appendingPathComponent(name), encoding: .utf8)), "\(name)")
        }
        // One audit line per ending, the same through both: sign-in lines are the server's alone.
        let serverLines = try server.auditLines.filter { !$0.contains("\"action\":\"login\"") }.map(audited)
        let cliLines = try (try String(contentsOf: copy.appendingPathComponent("audit.jsonl"), encoding: .utf8))
            .split(separator: "\n").map { try audited(String($0)) }
        #expect(serverLines.map { $0["action"] } == ["book", "book", "cancel", "close"])
        #expect(serverLines == cliLines)
    }
}
