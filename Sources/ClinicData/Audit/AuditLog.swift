#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// The append-only audit log of a data folder (`audit.jsonl`): one JSON line per writing
/// command, confirmed or refused, failed logins included.
///
/// Each entry is appended with a single `write(2)` on a file opened with `O_APPEND`, so lines
/// from concurrent processes never interleave, then synced, so a confirmed change is not
/// followed by a lost audit line after a crash.
public struct AuditLog: Sendable {
    public static let fileName = "audit.jsonl"

    public let path: String

    public init(folder: URL) {
        path = folder.path + "/" + Self.fileName
    }

    /// - Throws: `AuditLogError` when the log cannot be opened or written.
    public func append(_ entry: AuditEntry) throws(AuditLogError) {
        let line = Array((entry.jsonLine + "\n").utf8)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw AuditLogError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        while written < line.count {
            let count = line.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AuditLogError(path: path, reason: String(cString: strerror(errno)))
            }
            written += count
        }
        guard fsync(fd) == 0 else { throw AuditLogError(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// The audit log could not be written.
public struct AuditLogError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot append to the audit log \(path): \(reason)" }
}
