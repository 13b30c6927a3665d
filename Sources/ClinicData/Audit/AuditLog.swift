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
/// followed by a lost audit line after a crash. The log is opened with `O_NOFOLLOW`: a symbolic
/// link in its place would send the lines (and the write) outside the folder. A confirmed
/// change's line is written by its `FolderTransaction`, as part of the change.
public struct AuditLog: Sendable {
    public static let fileName = "audit.jsonl"

    public let path: String

    public init(folder: URL) {
        self.init(folderPath: folder.path)
    }

    init(folderPath: String) {
        path = folderPath + "/" + Self.fileName
    }

    /// - Throws: `AuditLogError` when the log cannot be opened or written.
    public func append(_ entry: AuditEntry) throws(AuditLogError) {
        try append(line: entry.jsonLine)
    }

    func append(line text: String) throws(AuditLogError) {
        let line = Array((text + "\n").utf8)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw AuditLogError(path: path, code: errno) }
        defer { close(fd) }
        var written = 0
        while written < line.count {
            let count = line.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw AuditLogError(path: path, code: errno)
            }
            written += count
        }
        guard fsync(fd) == 0 else { throw AuditLogError(path: path, code: errno) }
    }

    /// Whether the log's last line is `text`: a change rolled forward after a crash may have
    /// had its line appended already, and must not get a second one. Lines are appended only
    /// under the folder's lock, so the change's line, if written, is the last.
    func endsWith(line text: String) throws(AuditLogError) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return false }
            throw AuditLogError(path: path, code: errno)
        }
        defer { close(fd) }
        let wanted = Array((text + "\n").utf8)
        let size = lseek(fd, 0, SEEK_END)
        guard size >= off_t(wanted.count) else { return false }
        var tail = [UInt8](repeating: 0, count: wanted.count + 1)
        let start = size - off_t(wanted.count) - (size > off_t(wanted.count) ? 1 : 0)
        let count = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, start) }
        guard count >= wanted.count else { return false }
        let suffix = Array(tail[(count - wanted.count)..<count])
        let newlineBefore = count == wanted.count || tail[0] == UInt8(ascii: "\n")
        return suffix == wanted && newlineBefore
    }
}

/// The audit log could not be written.
public struct AuditLogError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var code: Int32

    public var reason: String {
        code == ELOOP ? "it is a symbolic link (refused: the log must be a file in the data folder)" : String(cString: strerror(code))
    }

    public var description: String { "cannot append to the audit log \(path): \(reason)" }
}
