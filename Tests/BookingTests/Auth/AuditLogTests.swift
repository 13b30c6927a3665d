import ClinicData
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
            {"time":"2026-12-06T00:00:00.123Z","user":"a@x.test","action":"book","ids":{"doctor_id":"d1","patient_id":"p1"},"outcome":"confirmed","detail":"Monday 2026-12-07 09:15–09:30"}
            {"time":"2026-12-06T00:00:01Z","user":"q\\"uote\\n@x.test","action":"cancel","ids":{},"outcome":"login_failed","detail":"wrong password"}

            """)
    }
}
