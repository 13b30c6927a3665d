import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An exclusive lock on a data folder, so that several clinic-plan processes (a front desk, a
/// doctor's office) can write the same folder without losing each other's changes.
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

    /// Takes the lock, waiting at most `timeout` seconds for the process that holds it.
    ///
    /// - Throws: `FolderLockError` when the lock file cannot be opened, or when the lock is still
    ///   held after `timeout` (the message names the holder's process id when it is known).
    public static func acquire(folder: URL, timeout: Double = 30) throws(FolderLockError) -> FolderLock {
        let path = folder.path + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FolderLockError(.cannotOpen, path: path,
                                  message: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(max(0, timeout))
        var pause: UInt32 = 2_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw FolderLockError(.cannotLock, path: path, message: "cannot lock: \(String(cString: strerror(code)))")
            }
            if Date() >= deadline {
                let holder = holderDescription(fd)
                close(fd)
                throw FolderLockError(.timedOut, path: path, message:
                    "another clinic-plan process\(holder) is writing this data folder; waited \(formatted(timeout)) s "
                    + "for its lock (try again, or raise --lock-timeout)")
            }
            // Short, growing, jittered pauses: waiters do not wake in lockstep, and a lock held for
            // a few milliseconds is taken soon after it is released.
            usleep(pause + UInt32.random(in: 0...pause))
            pause = min(pause * 2, 50_000)
        }
        // Leave the holder's pid in the file, for the message a waiting process prints.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return FolderLock(path: path, descriptor: fd)
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
        case cannotOpen, cannotLock, timedOut
    }

    public var code: Code
    public var path: String
    public var message: String

    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
