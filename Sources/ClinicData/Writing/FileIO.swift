#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic whole-file writes over POSIX calls, which give exact control over
/// fsync and rename (Foundation's `.atomic` writes fsync neither the file nor the folder).
enum FileIO {
    /// A failed system call: what was being done and the system's reason.
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32
        /// Whether the new file already replaced the old one (only the folder sync failed).
        var replaced = false

        var description: String { "\(operation) \(path) failed: \(String(cString: strerror(code)))" }
        var reason: String { String(cString: strerror(code)) }
    }

    static func readAll(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "opening", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(operation: "reading", path: path, code: errno) }
        // Read straight into an array of the file's size; a file that grows meanwhile is read on.
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1
        while true {
            var failure: Int32 = 0
            let old = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                if !old.isEmpty { _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<old.count]).initialize(from: old) }
                count = old.count
                while count < buffer.count {
                    let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { return }
                    count += n
                }
            }
            if failure != 0 { throw Failure(operation: "reading", path: path, code: failure) }
            if bytes.count < capacity { return bytes }
            capacity *= 2
        }
    }

    enum Kind { case missing, file, directory, other }

    /// The device and inode of `path`: two names are the same file on a case-insensitive file
    /// system (`schedules.json` and `Schedules.json` on macOS) exactly when these match.
    static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Replaces `name` in `folder` with `bytes` so that a reader sees either the old file or the
    /// new one, never a mix, even after a crash: the bytes go to a temporary file in the same
    /// folder, which is fsynced and renamed over the target, then the folder is fsynced so the
    /// rename itself is durable. On any failure the temporary file is removed and the old file
    /// is left as it was. A symbolic link at `name` is replaced, never followed. `beforeRename`
    /// lets tests provoke a failure at the last moment.
    static func writeAtomically(_ bytes: [UInt8], to name: String, in folder: String, mode: mode_t? = nil,
                                beforeRename: ((String) throws -> Void)? = nil) throws {
        let target = folder + "/" + name
        let temporary = try stage(bytes, for: name, in: folder, mode: mode ?? modeForReplacing(target))
        do {
            try beforeRename?(temporary)
            guard rename(temporary, target) == 0 else { throw Failure(operation: "renaming over", path: target, code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        do {
            try syncFolder(folder)
        } catch {
            var failure = error
            failure.replaced = true
            throw failure
        }
    }

    /// How the temporary files `stage` makes for `name` begin; `mkstemps` ends them with six
    /// letters or digits (and the suffix, when there is one).
    static func temporaryPrefix(for name: String) -> String { "." + name + ".tmp-" }

    /// Writes `bytes` to a new hidden temporary file next to `name` (`.NAME.tmp-XXXXXX`, which
    /// the loader ignores) with permissions `mode`, and fsyncs it; returns its path. On failure
    /// nothing is left behind.
    /// `suffix` ends the temporary name (GLPK picks its format by the name's ending).
    static func stage(_ bytes: [UInt8], for name: String, in folder: String, mode: mode_t,
                      suffix: String = "") throws(Failure) -> String {
        let target = folder + "/" + name
        var template = Array((folder + "/" + temporaryPrefix(for: name) + "XXXXXX" + suffix).utf8CString)
        let suffixLength = Int32(suffix.utf8.count)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, suffixLength) }
        guard fd >= 0 else { throw Failure(operation: "creating a temporary file for", path: target, code: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do throws(Failure) {
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "writing", path: temporary, code: errno)
                }
                written += count
            }
            guard fchmod(fd, mode) == 0 else { throw Failure(operation: "setting permissions of", path: temporary, code: errno) }
            guard fsync(fd) == 0 else { throw Failure(operation: "syncing", path: temporary, code: errno) }
            closed = true
            guard close(fd) == 0 else { throw Failure(operation: "closing", path: temporary, code: errno) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// The permissions a new version of `path` gets: those of the file it replaces, or, for a
    /// new file, what `open(2)` would give under the process's umask (mkstemp alone gives 0600).
    static func modeForReplacing(_ path: String) -> mode_t {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { return info.st_mode & 0o7777 }
        return 0o666 & ~currentUmask
    }

    /// The process's umask (read by setting it and putting it back: POSIX has no getter).
    static var currentUmask: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Whether `path` itself is a symbolic link (`lstat`, not following it).
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// fsyncs a file written by someone else (a C library) before it is renamed into place.
    static func sync(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "opening", path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(operation: "syncing", path: path, code: errno) }
    }

    static func syncFolder(_ folder: String) throws(Failure) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "opening", path: folder, code: errno) }
        defer { close(fd) }
        // Some file systems cannot fsync a directory (EINVAL); the rename is still atomic there.
        if fsync(fd) != 0 && errno != EINVAL { throw Failure(operation: "syncing", path: folder, code: errno) }
    }

    static func makeFolder(_ path: String) throws(Failure) {
        if kind(of: path) == .directory { return }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(operation: "creating", path: path, code: errno) }
    }
}
