#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One change to a data folder, committed all-or-nothing across its files, after SQLite's
/// atomic commit (sqlite.org/atomiccommit.html) with a roll-forward journal instead of a
/// rollback one: renames cannot be undone, but they can always be finished.
///
/// 1. `stage` writes and fsyncs every new file under a hidden temporary name (`.NAME.tmp-XXXXXX`);
/// 2. `commit` writes the journal (`.clinic-plan.journal`, naming every temporary file and its
///    target, and the audit line), fsyncs it and renames it into place: from that instant the
///    change is decided;
/// 3. renames each temporary file over its target, fsyncs the folder;
/// 4. appends the audit line, removes the journal and fsyncs the folder.
///
/// A process killed before step 2 leaves only temporary files (the loader ignores them, the
/// next writer removes them: `OrphanedTemporaries`): the old state. Killed after it, it leaves a
/// journal that `recover` rolls forward, so the next process that takes the folder's lock sees
/// the whole new state and its audit line. Callers
/// hold the folder's exclusive lock (`FolderLock`), which runs `recover` first.
struct FolderTransaction {
    static let journalName = ".clinic-plan.journal"
    private static let header = "clinic-plan journal 1"

    let folder: String
    /// (temporary path, target file name), in the order they are renamed.
    private(set) var staged: [(temporary: String, target: String)] = []

    init(folder: String) { self.folder = folder }

    var isEmpty: Bool { staged.isEmpty }

    /// Writes the new content of `name` to a synced temporary file. A target that is a symbolic
    /// link is refused: the change would land outside the folder, or the link would silently
    /// become a file. `users.json` (password hashes) is always 0600; other files keep their
    /// permissions, or follow the umask when new.
    mutating func stage(_ bytes: [UInt8], as name: String) throws(FileIO.Failure) {
        let target = folder + "/" + name
        guard !FileIO.isSymbolicLink(target) else { throw FileIO.Failure(operation: "replacing", path: target, code: ELOOP) }
        // A rename over a directory would fail after the journal, when the change is decided.
        guard FileIO.kind(of: target) != .directory else { throw FileIO.Failure(operation: "replacing", path: target, code: EISDIR) }
        let mode: mode_t = name == CollectionName.users.defaultFileName ? 0o600 : FileIO.modeForReplacing(target)
        staged.append((try FileIO.stage(bytes, for: name, in: folder, mode: mode), name))
    }

    /// Removes the staged files: the change is given up before anything was replaced.
    func abandon() {
        for file in staged { unlink(file.temporary) }
    }

    /// Makes the staged files the folder's, together with `audit` (appended to `audit.jsonl`
    /// as part of the change). Throws only before the journal is in place (nothing changed,
    /// staged files removed), or with `Failure.replaced` set when the journal is in place but
    /// finishing failed: then the change is decided and the next lock holder completes it.
    func commit(audit: AuditEntry?) throws(FileIO.Failure) {
        CrashPoint.reached("staged")
        var journal = Self.header + "\n"
        for file in staged { journal += "rename \(Self.baseName(file.temporary)) \(file.target)\n" }
        if let audit { journal += "audit \(audit.jsonLine)\n" }
        journal += "end\n"
        do {
            try FileIO.writeAtomically(Array(journal.utf8), to: Self.journalName, in: folder, mode: 0o600)
        } catch let failure as FileIO.Failure where failure.replaced {
            // The journal is in place, only the folder sync failed: go on, the change is decided.
        } catch {
            abandon()
            throw (error as? FileIO.Failure) ?? FileIO.Failure(operation: "writing", path: folder + "/" + Self.journalName, code: EIO)
        }
        CrashPoint.reached("journal")
        do throws(FileIO.Failure) {
            try Self.rollForward(folder: folder, renames: staged.map { (Self.baseName($0.temporary), $0.target) },
                                 audit: audit?.jsonLine, crashPoints: true)
        } catch {
            var failure = error
            failure.replaced = true
            throw failure
        }
    }

    /// Finishes a change that a killed process left decided but unfinished (a journal in the
    /// folder). Returns whether there was one. Callers hold the exclusive lock.
    @discardableResult
    static func recover(folder: String) throws(FileIO.Failure) -> Bool {
        let path = folder + "/" + journalName
        if FileIO.isSymbolicLink(path) {
            // Not ours: a journal is only ever renamed into place as a regular file.
            throw FileIO.Failure(operation: "reading the journal", path: path, code: ELOOP)
        }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return false }
            throw FileIO.Failure(operation: "opening", path: path, code: errno)
        }
        close(fd)
        let text = String(decoding: try FileIO.readAll(path), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == header, lines.count >= 3, lines[lines.count - 2] == "end", lines.last == "" else {
            // Renamed into place only once complete, so this is not one of our journals.
            throw FileIO.Failure(operation: "reading the journal (it is not a complete clinic-plan journal)", path: path, code: EINVAL)
        }
        lines = Array(lines[1..<(lines.count - 2)])
        var renames: [(String, String)] = []
        var audit: String?
        for line in lines {
            if line.hasPrefix("rename ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].contains("/"), !parts[1].contains("/"),
                      CollectionName.allCases.contains(where: { $0.acceptedFileNames.contains(parts[1]) }) else {
                    throw FileIO.Failure(operation: "reading the journal (bad rename line)", path: path, code: EINVAL)
                }
                renames.append((parts[0], parts[1]))
            } else if line.hasPrefix("audit ") {
                audit = String(line.dropFirst(6))
            } else {
                throw FileIO.Failure(operation: "reading the journal (unknown line)", path: path, code: EINVAL)
            }
        }
        try rollForward(folder: folder, renames: renames, audit: audit, crashPoints: false)
        return true
    }

    /// Steps 3 and 4, for a fresh commit and for recovery alike: a temporary file that is gone
    /// was renamed already; an audit line already in the log is not appended twice.
    private static func rollForward(folder: String, renames: [(String, String)], audit: String?,
                                    crashPoints: Bool) throws(FileIO.Failure) {
        for (n, (temporary, target)) in renames.enumerated() {
            if rename(folder + "/" + temporary, folder + "/" + target) != 0, errno != ENOENT {
                throw FileIO.Failure(operation: "renaming over", path: folder + "/" + target, code: errno)
            }
            if crashPoints { CrashPoint.reached("rename:\(n + 1)") }
        }
        try FileIO.syncFolder(folder)
        if let audit {
            let log = AuditLog(folderPath: folder)
            do {
                if try !log.endsWith(line: audit) { try log.append(line: audit) }
            } catch {
                throw FileIO.Failure(operation: "appending to", path: log.path, code: error.code)
            }
            if crashPoints { CrashPoint.reached("audit") }
        }
        guard unlink(folder + "/" + journalName) == 0 || errno == ENOENT else {
            throw FileIO.Failure(operation: "removing", path: folder + "/" + journalName, code: errno)
        }
        try FileIO.syncFolder(folder)
        if crashPoints { CrashPoint.reached("committed") }
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
