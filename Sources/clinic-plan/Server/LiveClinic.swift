import ClinicData
import Foundation

/// The served data folder, re-read whenever another process (the CLI, or this server) changed
/// one of its files: each request compares the files' identity (inode, size, modification time)
/// under the folder's shared lock, so it never reads a writer's change halfway.
final class LiveClinic: @unchecked Sendable {
    let data: DataOptions
    private let guardLock = NSLock()
    private var current: Clinic?
    private var signature: FolderSignature?

    init(data: DataOptions) {
        self.data = data
    }

    /// The clinic as the folder holds it now, with the signature it was read at.
    func snapshot() throws -> (Clinic, FolderSignature) {
        // The folder's lock first, then this object's: a writer holding the exclusive lock may
        // ask `cached` for the clinic, and no reader can hold `guardLock` while it waits.
        let lock: FolderLock?
        do {
            lock = try FolderLock.acquireShared(folder: data.folderURL)
        } catch {
            throw ServerFailure.unavailable("\(error)")
        }
        defer { lock?.release() }
        guardLock.lock()
        defer { guardLock.unlock() }
        let now = FolderSignature(folder: data.folderURL.path)
        if let current, let signature, signature == now { return (current, now) }
        // The shared lock is held: the loader must not take it again.
        let clinic = try LiveClinic.load(data)
        current = clinic
        signature = now
        return (clinic, now)
    }
}

extension LiveClinic {
    /// The clinic last read, if the folder still has this signature (the caller holds the
    /// folder's lock): a writer then needs no second reading.
    func cached(for signature: FolderSignature) -> Clinic? {
        guardLock.lock()
        defer { guardLock.unlock() }
        return self.signature == signature ? current : nil
    }

    /// Reads the folder (the caller holds its lock) for the server: unlike the CLI's
    /// `loadClinic`, it keeps nothing for the process's lifetime (the server reads the folder
    /// again and again), records no run statistics (several requests load at once) and prints
    /// nothing: the problems go back to the client.
    static func load(_ data: DataOptions) throws(ServerFailure) -> Clinic {
        let folder: LoadedFolder
        let settings: ClinicSettings
        do {
            settings = try ClinicSettings.readIfPresent(folder: data.folderURL) ?? .standard
        } catch {
            throw .unavailable("\(data.data)/\(error)")
        }
        let timeZone = data.timezone ?? settings.timeZone
        do {
            folder = try DataFolder.load(from: data.folderURL, timeZone: timeZone, progress: nil)
        } catch {
            throw .unavailable("\(data.data): \(error)")
        }
        guard folder.errors.isEmpty else {
            throw .unavailable("\(folder.errors.count) error(s) in \(data.data), the first: \(folder.errors[0]); "
                               + "see `clinic-plan validate --data \(data.data)`")
        }
        var applied = settings
        applied.timeZone = timeZone
        return Clinic(folder: folder, settings: applied, folderPath: data.data)
    }
}

/// What identifies the contents of a data folder's files without reading them: a file rewritten
/// by an atomic rename gets a new inode, one edited in place a new size or modification time.
/// The audit log, the lock file and the server's own state are left out: they are no data.
struct FolderSignature: Equatable, Sendable {
    private var files: [String: [Int]]

    static let ignored: Set<String> = [AuditLog.fileName, FolderLock.fileName, ServerSecrets.fileName]

    init(folder: String) {
        var files: [String: [Int]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where !FolderSignature.ignored.contains(name) {
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0 else { continue }
            files[name] = [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
        self.files = files
    }
}
