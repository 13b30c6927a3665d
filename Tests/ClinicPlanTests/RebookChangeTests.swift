import Foundation
import Testing

/// Issue 12: the change a rebooking makes is built once and agrees in every rendering (preview,
/// JSON, mongosh script, --apply); the script is safe on a live database (run here under Node
/// against a mock `db`); unplaced items fail the run; the call list matches the moves; `close`
/// and `rebook --close` write the same documents.
@Suite struct RebookChangeTests {
    private let closeTuesday = ["--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14",
                                "--close", "2026-12-01:Staff training"]

    @Test func previewJSONScriptAndApplyAgreeOnEveryNewID() throws {
        let folder = try copyOfSample()
        defer { remove(folder) }
        let preview = try json(["rebook", "--data", folder.path, "--format", "json"] + closeTuesday)
        let changes = try #require(preview["changes"] as? [[String: Any]])
        let inserted = changes.filter { $0["op"] as? String == "insert" }.compactMap { ($0["_id"] as? [String: String])?["$oid"] }
        #expect(inserted.count == 4, "\(changes)")    // one moved weekly occurrence + three closures
        let script = try Tool.run(["rebook", "--data", folder.path, "--format", "mongosh"] + closeTuesday)
        for id in inserted { #expect(script.stdout.contains(#"_id: ObjectId("\#(id)")"#)) }
        let apply = try Tool.run(["rebook", "--data", folder.path, "--apply", "--as", "admin@clinicplan.example"] + closeTuesday,
                                 environment: Self.withPassword("clinic-demo"))
        #expect(apply.status == 0, "\(apply.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("appointments.json"), encoding: .utf8)
            + String(contentsOf: folder.appendingPathComponent("clinic_days.json"), encoding: .utf8)
        for id in inserted { #expect(written.contains(#"{"$oid":"\#(id)"}"#)) }
        // The audit line lists every record the rebooking changed, from → to.
        let audit = try String(contentsOf: folder.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(audit.utf8)) as? [String: Any])
        let audited = try #require(entry["changes"] as? [[String: Any]])
        #expect(audited.count == changes.count)
        #expect(audited.filter { $0["op"] as? String == "update" }.allSatisfy { $0["from"] != nil && $0["to"] != nil })
    }

    @Test(arguments: [true, false])
    func theScriptUnderNodeGivesTheFolderApplyWrites(replicaSet: Bool) throws {
        let work = try Tool.temporaryFolder()
        defer { remove(work) }
        let applied = try copyOfSample()
        defer { remove(applied) }
        let run = try Tool.run(["rebook", "--data", applied.path, "--apply", "--as", "admin@clinicplan.example"] + closeTuesday,
                               environment: Self.withPassword("clinic-demo"))
        #expect(run.status == 0, "\(run.stderr)")
        let script = try writeScript(in: work)
        let live = work.appendingPathComponent("live")
        let mongosh = try Self.node(["tests/mongosh/mock_mongosh.js", Tool.sample, script.path, live.path, "--database", "test"]
                                    + (replicaSet ? ["--replica-set"] : []))
        #expect(mongosh.status == 0, "\(mongosh.output)")
        #expect(mongosh.output.hasPrefix("clinic-plan: 20 of 20 change(s) applied"))
        let compare = try Self.python(["tests/mongosh/compare_folders.py", live.path, applied.path])
        #expect(compare.status == 0, "\(compare.output)")
        let calls = try String(contentsOf: live.appendingPathComponent("calls.json"), encoding: .utf8)
        #expect(calls.contains(#""name": "clinic""#))                           // db.getSiblingDB("clinic")
        #expect(calls.contains("withTransaction") == replicaSet)

        // Run again on the changed database: nothing applies twice, and the script says so.
        let again = try Self.node(["tests/mongosh/mock_mongosh.js", live.path, script.path,
                                   work.appendingPathComponent("again").path] + (replicaSet ? ["--replica-set"] : []))
        #expect(again.status == 1)
        #expect(again.output.hasPrefix("clinic-plan: 0 of 20 change(s) applied"), "\(again.output)")
    }

    @Test func theScriptLeavesADocumentChangedSinceTheExportAndSaysSo() throws {
        let work = try Tool.temporaryFolder()
        defer { remove(work) }
        let script = try writeScript(in: work)
        // Someone cancelled rescheduled visit …07 on the live database after the export.
        let changedLive = ["--change", #"rep_visits:65f000070000000000000007:status="cancelled""#]
        let transactional = work.appendingPathComponent("replica-set")
        let run = try Self.node(["tests/mongosh/mock_mongosh.js", Tool.sample, script.path, transactional.path,
                                 "--replica-set"] + changedLive)
        #expect(run.status == 1)
        #expect(run.output.contains("clinic-plan: 0 of 20 change(s) applied in one transaction"))
        #expect(run.output.contains("not applied: update rep_visits 65f000070000000000000007: the document changed since the export"))
        #expect(run.output.contains("the transaction was rolled back: nothing was changed"))
        // Rolled back: the live data is the export plus the other user's change, nothing of ours.
        let untouched = try Self.python(["tests/mongosh/compare_folders.py", transactional.path, Tool.sample])
        #expect(untouched.output.split(separator: "\n").filter { !$0.hasPrefix("differ") }.count == 1, "\(untouched.output)")
        #expect(untouched.output.contains("'status': 'cancelled'"))

        // A standalone server: every other change applies, the changed document is left and named.
        let standalone = try Self.node(["tests/mongosh/mock_mongosh.js", Tool.sample, script.path,
                                        work.appendingPathComponent("standalone").path] + changedLive)
        #expect(standalone.status == 1)
        #expect(standalone.output.hasPrefix("clinic-plan: 19 of 20 change(s) applied"))
        let cancelled = try String(contentsOf: work.appendingPathComponent("standalone/rep_visits.json"), encoding: .utf8)
        let line = cancelled.split(separator: "\n").first { $0.hasPrefix(#"{"_id":{"$oid":"65f000070000000000000007"}"#) }
        #expect(line?.contains(#""status":"cancelled""#) == true, "\(cancelled)")
    }

    @Test func unplacedItemsAreShownAsUnplacedAndTheRunExitsOne() throws {
        // Two days only: what Tuesday's closure hits has Wednesday alone, and not all of it fits.
        let run = try Tool.run(["rebook", "--data", Tool.sample, "--from", "2026-11-30", "--not-before", "2026-11-30",
                                "--days", "2", "--close", "2026-12-01:Training", "--solver", "greedy"])
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stderr.contains("item(s) could not be placed"))
        let rows = run.stdout.split(separator: "\n").filter { $0.contains("not placed") }
        #expect(!rows.isEmpty)
        #expect(run.stdout.contains("NOT PLACED"))
        for row in rows {
            // No number in the DELAY column of an unplaced item: TO is "not placed", then the reason.
            #expect(row.range(of: #"not placed\s+\d"#, options: .regularExpression) == nil, "\(row)")
        }
    }

    @Test func theCallListHasOneRowPerMovedOrUnplacedBooking() throws {
        let work = try Tool.temporaryFolder()
        defer { remove(work) }
        let list = work.appendingPathComponent("calls.csv")
        let preview = try json(["rebook", "--data", Tool.sample, "--format", "json", "--call-list", list.path] + closeTuesday)
        let moves = try #require(preview["moves"] as? [[String: Any]])
        let rows = try String(contentsOf: list, encoding: .utf8).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["person", "role", "phone", "doctor", "booking_id", "old_slot", "new_slot", "new_booking_id", "note"])
        #expect(rows.count - 1 == moves.count)
        for (row, move) in zip(rows.dropFirst(), moves) {
            #expect(row[4] == move["id"] as? String)
            #expect(row[5] == (move["from"] as? String)?.replacingOccurrences(of: "T", with: " "))
            #expect(row[6] == ((move["to"] as? String)?.replacingOccurrences(of: "T", with: " ") ?? "not placed"))
            #expect(!row[2].isEmpty, "a phone number for \(row[0])")
        }
        // Rep Tamer Hosny's visit 65f000070000000000000007: his phone, his new slot.
        let tamer = try #require(rows.first { $0[4] == "65f000070000000000000007" })
        #expect(tamer[0] == "Tamer Hosny" && tamer[1] == "medical rep")
    }

    @Test func closeAndRebookCloseWriteTheSameClinicDays() throws {
        let work = try Tool.temporaryFolder()
        defer { remove(work) }
        // Every doctor, Tuesday 2026-12-01.
        let closed = try copyOfSample()
        defer { remove(closed) }
        let close = try Tool.run(["close", "--all", "--date", "2026-12-01", "--reason", "Staff training",
                                  "--data", closed.path, "--as", "admin@clinicplan.example"],
                                 environment: Self.withPassword("clinic-demo"))
        #expect(close.status == 0, "\(close.stderr)")
        let rebooked = work.appendingPathComponent("rebooked")
        let rebook = try Tool.run(["rebook", "--data", Tool.sample, "--output", rebooked.path] + closeTuesday)
        #expect(rebook.status == 0, "\(rebook.stderr)")
        let a = try String(contentsOf: closed.appendingPathComponent("clinic_days.json"), encoding: .utf8)
        let b = try String(contentsOf: rebooked.appendingPathComponent("clinic_days.json"), encoding: .utf8)
        #expect(a == b)
        // Only the doctors who work on Tuesdays get a document.
        #expect(a.components(separatedBy: "Staff training").count - 1 == 3)

        // One doctor, on a date with an explicit opening: the opening becomes the closure.
        let opened = ["--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14",
                      "--close", "2026-11-30:Sick", "--doctor", "65f000010000000000000002"]
        let one = work.appendingPathComponent("one")
        #expect(try Tool.run(["rebook", "--data", Tool.sample, "--output", one.path] + opened).status != 2)
        let days = try String(contentsOf: one.appendingPathComponent("clinic_days.json"), encoding: .utf8)
        let forDate = days.split(separator: "\n").filter {
            $0.contains("65f000010000000000000002") && $0.contains("2026-11-30T00:00:00Z")
        }
        #expect(forDate.count == 1)
        #expect(forDate.first?.contains(#""is_open":false,"reason":"Sick""#) == true)

        // A weekday the doctor does not work: nothing to close, and `close` says so.
        let friday = try Tool.run(["close", "--doctor", "65f000010000000000000001", "--date", "2026-12-04", "--reason", "x",
                                   "--data", closed.path, "--as", "admin@clinicplan.example"],
                                  environment: Self.withPassword("clinic-demo"))
        #expect(friday.status == 1)
        #expect(friday.stdout.contains("does not work on Fridays"))
    }

    @Test func bookCancelAndCloseCanPrintTheirMongoshScript() throws {
        let folder = try copyOfSample()
        defer { remove(folder) }
        let book = try Tool.run(["book", "--data", folder.path, "--doctor", "65f000010000000000000001",
                                 "--patient", "65f000020000000000000003", "--date", "2026-12-08", "--time", "09:40",
                                 "--as", "admin@clinicplan.example", "--format", "mongosh", "--database", "clinic"],
                                environment: Self.withPassword("clinic-demo"))
        #expect(book.status == 0, "\(book.stdout)\(book.stderr)")
        #expect(book.stdout.contains(#"db = db.getSiblingDB("clinic");"#))
        #expect(book.stdout.contains(#"{collection: "appointments", what: "insert appointments "#))
        let id = try #require(book.stdout.firstMatch(of: /insert appointments ([0-9a-f]{24})/)?.1)
        let cancel = try Tool.run(["cancel", String(id), "--data", folder.path, "--as", "admin@clinicplan.example",
                                   "--format", "json"], environment: Self.withPassword("clinic-demo"))
        #expect(cancel.status == 0, "\(cancel.stderr)")
        let change = try #require((try JSONSerialization.jsonObject(with: Data(cancel.stdout.utf8)) as? [String: Any])?["changes"] as? [[String: Any]])
        #expect(change.count == 1)
        #expect(change[0]["from"] as? [String: String] == ["status": "booked"])
        #expect(change[0]["to"] as? [String: String] == ["status": "cancelled"])
    }

    // MARK: - helpers

    private func writeScript(in folder: URL) throws -> URL {
        let script = try Tool.run(["rebook", "--data", Tool.sample, "--format", "mongosh", "--database", "clinic"] + closeTuesday)
        #expect(script.status == 0, "\(script.stderr)")
        let url = folder.appendingPathComponent("rebook.js")
        try script.stdout.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func withPassword(_ password: String) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["CLINIC_PASSWORD": password]) { _, new in new }
    }

    static func node(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProgram("/usr/bin/env", ["node"] + arguments)
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProgram("/usr/bin/env", ["python3"] + arguments)
    }

    private static func runProgram(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = Tool.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try Tool.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    private func copyOfSample() throws -> URL {
        let folder = try Tool.temporaryFolder().appendingPathComponent("data")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Tool.sample), to: folder)
        return folder
    }

    private func remove(_ folder: URL) { try? FileManager.default.removeItem(at: folder) }
}
