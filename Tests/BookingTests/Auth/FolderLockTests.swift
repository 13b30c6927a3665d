import ClinicData
import Foundation
import Testing

/// The folder lock: exclusive, waits up to its timeout with a clear message, free once released.
@Suite struct FolderLockTests {
    @Test func aSecondLockWaitsThenTimesOutNamingTheHolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let first = try FolderLock.acquire(folder: folder, timeout: 1)
        #expect(first.isHeld && first.path == folder.path + "/.clinic-plan.lock")
        let start = Date()
        do {
            _ = try FolderLock.acquire(folder: folder, timeout: 0.3)
            Issue.record("a second lock was granted while the first was held")
        } catch {
            #expect(error.code == .timedOut)
            #expect(error.description == "\(folder.path)/.clinic-plan.lock: another clinic-plan process (pid \(getpid())) "
                    + "is writing this data folder; waited 0.3 s for its lock (try again, or raise --lock-timeout)")
        }
        #expect(Date().timeIntervalSince(start) >= 0.3)

        first.release()
        #expect(!first.isHeld)
        // Not 0: a process the other tests spawn at this moment holds a copy of the descriptor
        // (and so the flock) for the instant between its fork and its exec.
        let second = try FolderLock.acquire(folder: folder, timeout: 2)
        #expect(second.isHeld)
    }

    @Test func aMissingFolderCannotBeLocked() {
        #expect(throws: FolderLockError.self) {
            try FolderLock.acquire(folder: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), timeout: 0)
        }
    }

    @Test func theLockIsReleasedWhenItsOwnerGoesAway() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do { _ = try FolderLock.acquire(folder: folder, timeout: 2) }
        #expect(try FolderLock.acquire(folder: folder, timeout: 2).isHeld)
    }
}
