import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A lock on a data folder, so that several clinic-plan processes (a front desk, a doctor's
/// office) can write the same folder without losing each other's changes: exclusive for
/// writers, shared for readers, so that no reader sees a change half applied.
///
/// It is an `flock(2)` on a lock file in the folder. The kernel drops an flock when the process
/// holding it exits, however it exits (a crash, `kill -9`), so a lock is never left stale; the
/// lock file itself stays and is harmless. One owner: the lock is released when this object
/// goes away, or earlier by `release()`.
///
/// Writers must re-read the folder after taking the lock, since another process may have
/// written it in the meantime.
public final class FolderLock {
    /// The lock file's name in the data folder (hidden, so listings stay clean).
    public static let fileName = ".clinic-plan.lock"

    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the exclusive lock, waiting at most `timeout` seconds for the process that holds
    /// it, then finishes any change a killed writer left decided (`FolderTransaction.recover`)
    /// and removes the staged files one killed before its commit left (`OrphanedTemporaries`).
    ///
    /// - Throws: `FolderLockError` when the lock file cannot be opened (a symbolic link is
    ///   refused: every writer would truncate its target), when the lock is still held after
    ///   `timeout` (the message names the holder's process id when it is known), or when a
    ///   leftover change cannot be finished.
    public static func acquire(folder: URL, timeout: Double = 30) throws(FolderLockError) -> FolderLock {
        let path = folder.path + "/" + fileName
        let fd = try openLockFile(path, flags: O_RDWR | O_CREAT)
        do { try wait(fd, LOCK_EX, path: path, timeout: timeout) } catch {
            close(fd)
            throw error
        }
        // Leave the holder's pid in the file, for the message a waiting process prints.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        let lock = FolderLock(path: path, descriptor: fd)
        try lock.recover(folder: folder.path)
        OrphanedTemporaries.remove(in: folder.path)
        return lock
    }

    /// Takes the shared lock a reader holds while it loads the folder: writers wait for it, and
    /// it waits for a writer's commit. A leftover journal is rolled forward first (under the
    /// exclusive lock for that moment). A folder where the lock file cannot be created (a
    /// read-only copy) is read without a lock, since nobody can write it either; nil then.
    public static func acquireShared(folder: URL, timeout: Double = 30) throws(FolderLockError) -> FolderLock? {
        let path = folder.path + "/" + fileName
        let fd: Int32
        do {
            fd = try openLockFile(path, flags: O_RDWR | O_CREAT)
        } catch let error where error.code == .cannotOpen && [EROFS, EACCES, EPERM].contains(error.errno) {
            return nil
        }
        let lock = FolderLock(path: path, descriptor: fd)
        try wait(fd, LOCK_SH, path: path, timeout: timeout)
        var info = stat()
        if lstat(folder.path + "/" + FolderTransaction.journalName, &info) == 0 {
            // flock converts the lock in place (not atomically: another writer may come between,
            // and it would recover the journal itself).
            try wait(fd, LOCK_EX, path: path, timeout: timeout)
            try lock.recover(folder: folder.path)
            try wait(fd, LOCK_SH, path: path, timeout: timeout)
        }
        return lock
    }

    private func recover(folder: String) throws(FolderLockError) {
        do {
            try FolderTransaction.recover(folder: folder)
        } catch {
            release()
            throw FolderLockError(.cannotRecover, path: folder + "/" + FolderTransaction.journalName,
                                  message: "a change left unfinished by a stopped process cannot be completed: \(error)")
        }
    }

    private static func openLockFile(_ path: String, flags: Int32) throws(FolderLockError) -> Int32 {
        let fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            let reason = code == ELOOP ? "it is a symbolic link (refused: writers would truncate its target)"
                : String(cString: strerror(code))
            throw FolderLockError(.cannotOpen, path: path, message: "cannot open the lock file: \(reason)", errno: code)
        }
        return fd
    }

    /// Waits for the flock `operation` on `fd`; the caller closes `fd` when this throws.
    private static func wait(_ fd: Int32, _ operation: Int32, path: String, timeout: Double) throws(FolderLockError) {
        let deadline = Date().addingTimeInterval(max(0, timeout))
        var pause: UInt32 = 2_000
        while flock(fd, operation | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw FolderLockError(.cannotLock, path: path, message: "cannot lock: \(String(cString: strerror(code)))")
            }
            if Date() >= deadline {
                let holder = holderDescription(fd)
                throw FolderLockError(.timedOut, path: path, message:
                    "another clinic-plan process\(holder) is writing this data folder; waited \(formatted(timeout)) s "
                    + "for its lock (try again, or raise --lock-timeout)")
            }
            // Short, growing, jittered pauses: waiters do not wake in lockstep, and a lock held for
            // a few milliseconds is taken soon after it is released.
            usleep(pause + UInt32.random(in: 0...pause))
            pause = min(pause * 2, 50_000)
        }
    }

    /// Releases the lock (closing the file releases the flock). Calling it again does nothing.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    public var isHeld: Bool { descriptor >= 0 }

    private static func holderDescription(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return "" }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text).map { " (pid \($0))" } ?? ""
    }

    private static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// The data folder's lock could not be taken.
public struct FolderLockError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case cannotOpen, cannotLock, timedOut, cannotRecover
    }

    public var code: Code
    public var path: String
    public var message: String
    /// The system's error number, when a system call failed.
    public var errno: Int32

    public init(_ code: Code, path: String, message: String, errno: Int32 = 0) {
        self.code = code
        self.path = path
        self.message = message
        self.errno = errno
    }

    public var description: String { "\(path): \(message)" }
}
