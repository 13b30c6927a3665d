@testable import ClinicData
import Foundation
import Testing

@Suite struct AuditLogTests {
    @Test func entriesAreAppendedAsOneJSONLineEach() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = AuditLog(folder: folder)
        try log.append(AuditEntry(time: Instant(epochMilliseconds: 1_796_515_200_123), user: "a@x.test", action: "book",
                                  ids: [("doctor_id", "d1"), ("patient_id", "p1")], outcome: .confirmed,
                                  detail: "Monday 2026-12-07 09:15–09:30"))
        try log.append(AuditEntry(time: Instant(epochMilliseconds: 1_796_515_201_000), user: "q\"uote\n@x.test",
                                  action: "cancel", outcome: .loginFailed, detail: "wrong password"))
        let text = try String(contentsOf: folder.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        #expect(text == """
            {"time":"2026-12-06T00:00:00.123Z","user":"a@x.test","action":"book","ids":{"doctor_id":"d1","patient_id":"p1"},"outcome":"confirmed","detail":"Monday 2026-12-07 09:15–09:30","changes":[]}
            {"time":"2026-12-06T00:00:01Z","user":"q\\"uote\\n@x.test","action":"cancel","ids":{},"outcome":"login_failed","detail":"wrong password","changes":[]}

            """)
    }

    /// A confirmed entry lists every record it changed, from → to, and never a password hash.
    @Test func aChangeIsAuditedFromToWithoutHashes() throws {
        let before = RepVisit(id: .objectId("65f000070000000000000007"), doctorId: .objectId("65f000010000000000000001"),
                              repId: .objectId("65f000030000000000000001"), date: Instant(epochMilliseconds: 1_796_515_200_000),
                              status: .rescheduled)
        var after = before
        after.date = Instant(epochMilliseconds: 1_796_554_800_000)
        after.status = .scheduled
        let user = User(id: .int(7), name: "N", email: "n@x.test", password: "$2b$04$abcdefghijklmnopqrstuv", role: .admin)
        var newHash = user
        newHash.password = "$2b$04$zyxwvutsrqponmlkjihgfe"
        let entry = AuditEntry(time: Instant(epochMilliseconds: 1_796_515_200_000), user: "a@x.test", action: "rebook",
                               outcome: .confirmed, detail: "d",
                               changes: ChangeSet([.repVisit(.update(before, to: after)), .user(.update(user, to: newHash))]))
        #expect(entry.jsonLine == #"{"time":"2026-12-06T00:00:00Z","user":"a@x.test","action":"rebook","ids":{},"outcome":"confirmed","detail":"d","changes":["#
                + #"{"collection":"rep_visits","_id":{"$oid":"65f000070000000000000007"},"op":"update","from":{"date":{"$date":"2026-12-06T00:00:00Z"},"status":"rescheduled"},"to":{"date":{"$date":"2026-12-06T11:00:00Z"},"status":"scheduled"}},"#
                + #"{"collection":"users","_id":7,"op":"update","from":{"password":"(hash not shown)"},"to":{"password":"(hash not shown)"}}]}"#)
    }

    /// Calendars read the log back: updates per record and the last change, damaged lines skipped.
    @Test func theHistoryCountsConfirmedUpdatesPerRecord() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let visit = RepVisit(id: .objectId("65f000070000000000000007"), doctorId: .objectId("65f000010000000000000001"),
                             repId: .objectId("65f000030000000000000001"), date: Instant(epochMilliseconds: 0), status: .scheduled)
        var cancelled = visit
        cancelled.status = .cancelled
        let log = AuditLog(folder: folder)
        let update = ChangeSet([.repVisit(.update(visit, to: cancelled))])
        try log.append(AuditEntry(time: Instant(epochMilliseconds: 1_000), user: "a", action: "cancel", outcome: .confirmed,
                                  changes: update))
        try log.append(line: "{not json")
        try log.append(AuditEntry(time: Instant(epochMilliseconds: 5_000), user: "a", action: "cancel", outcome: .rejected,
                                  changes: update))
        try log.append(AuditEntry(time: Instant(epochMilliseconds: 3_000), user: "a", action: "rebook", outcome: .confirmed,
                                  changes: update + ChangeSet([.repVisit(.insert(visit))])))
        let history = AuditHistory(folder: folder.path)
        #expect(history.revisions == ["65f000070000000000000007": .init(updates: 2, lastModified: Instant(epochMilliseconds: 3_000))])
        // A move records where from.
        var moved = visit
        moved.date = Instant(epochMilliseconds: 86_400_000)
        try log.append(AuditEntry(time: Instant(epochMilliseconds: 4_000), user: "a", action: "rebook", outcome: .confirmed,
                                  changes: ChangeSet([.repVisit(.update(visit, to: moved))])))
        #expect(AuditHistory(folder: folder.path).revisions["65f000070000000000000007"]?.movedFrom == [Instant(epochMilliseconds: 0)])
        #expect(AuditHistory(folder: folder.appendingPathComponent("missing").path).revisions.isEmpty)
    }
}
