@testable import ClinicData
import Foundation
import Testing

/// The staged files of a writer killed before its commit: the next writer's lock removes them,
/// and nothing else.
@Suite struct OrphanedTemporariesTests {
    @Test func stagedNamesAreRecognisedAndNothingElse() {
        #expect(OrphanedTemporaries.isStagedName(".appointments.json.tmp-rIv0mj"))
        #expect(OrphanedTemporaries.isStagedName(".Schedules.json.tmp-A1b2C3"))
        #expect(OrphanedTemporaries.isStagedName(".\(FolderTransaction.journalName).tmp-000000"))  // "..clinic-plan.journal.tmp-…"
        #expect(!OrphanedTemporaries.isStagedName("appointments.json.tmp-rIv0mj"))  // not hidden
        #expect(!OrphanedTemporaries.isStagedName(".appointments.json.tmp-rIv0m"))  // five letters
        #expect(!OrphanedTemporaries.isStagedName(".appointments.json.tmp-rIv0mj.lp"))  // an output's temporary
        #expect(!OrphanedTemporaries.isStagedName(".notes.txt.tmp-rIv0mj"))  // not a collection file
        #expect(!OrphanedTemporaries.isStagedName(".appointments.json"))
    }

    @Test func theNextWritersLockRemovesOldStagedFilesOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orphans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = Date().addingTimeInterval(-(OrphanedTemporaries.minimumAge + 60))
        func file(_ name: String, modified: Date?) throws {
            let path = folder.path + "/" + name
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path) }
        }
        try file(".appointments.json.tmp-aaaaaa", modified: old)
        try file(".\(FolderTransaction.journalName).tmp-bbbbbb", modified: old)
        try file(".rep_visits.json.tmp-cccccc", modified: nil)  // a writer without the lock may still rename it
        try file(".notes.txt.tmp-dddddd", modified: old)  // not ours
        try file("appointments.json", modified: old)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("orphan-target-\(UUID().uuidString)")
        try Data("keep".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/.doctors.json.tmp-eeeeee", withDestinationPath: outside.path)

        let lock = try FolderLock.acquire(folder: folder, timeout: 2)
        lock.release()

        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == [".rep_visits.json.tmp-cccccc", ".notes.txt.tmp-dddddd", "appointments.json",
                         ".doctors.json.tmp-eeeeee", FolderLock.fileName])
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
    }
}
