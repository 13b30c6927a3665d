import ClinicData
import Foundation

/// The served data folder as one snapshot per folder state. A request compares the folder's
/// signature (inode, size, modification time of each file; no lock, no reading) with the
/// snapshot's and, when they agree, uses the snapshot as it is. When they differ another
/// process changed the folder: the folder is read again, once, under its shared lock (so never
/// halfway through a writer's change), while concurrent requests that found the same change
/// wait for that one reading instead of each reading it. After the server's own write the
/// written data becomes the snapshot directly (`install`), without reading the folder again.
final class LiveClinic: @unchecked Sendable {
    let data: DataOptions
    /// Guards the variables below; held only to read or replace them.
    private let state = NSLock()
    private var current: ClinicSnapshot?
    private var generations = 0
    private var readings = 0
    /// Set while this server writes the folder under its exclusive lock, from the moment the
    /// writer found the snapshot to be the folder's data until it releases the lock: no other
    /// write can finish meanwhile, so the snapshot is the newest finished state even while the
    /// writer replaces the files, and requests use it instead of waiting for the lock.
    private var writing = false
    /// Held by the one request that reads the folder again (single flight).
    private let reloading = NSLock()

    init(data: DataOptions) {
        self.data = data
    }

    /// The clinic as the folder holds it now.
    func snapshot() throws(ServerFailure) -> ClinicSnapshot {
        if let known = fresh() { return known }
        reloading.lock()
        defer { reloading.unlock() }
        // The folder's shared lock is tried, not waited for: while a writer holds the lock, the
        // one it commits may be this server's own, which installs its data as the snapshot.
        let deadline = Date().addingTimeInterval(LiveClinic.lockPatience)
        var pause: UInt32 = 1_000
        while true {
            // The request that read the folder while this one waited may have installed this
            // very state already.
            if let known = fresh() { return known }
            let lock: FolderLock?
            do {
                lock = try FolderLock.acquireShared(folder: data.folderURL, timeout: 0)
            } catch where error.code == .timedOut && Date() < deadline {
                usleep(pause + UInt32.random(in: 0...pause))
                pause = min(pause * 2, 20_000)
                continue
            } catch {
                throw .unavailable("\(error)")
            }
            defer { lock?.release() }
            let signature = FolderSignature(folder: data.folderURL.path)
            if let known = matching(signature) { return known }
            // The shared lock is held: the loader must not take it again.
            let clinic = try LiveClinic.load(data)
            state.withLock { readings += 1 }
            return install(clinic, signature: signature)
        }
    }

    /// Seconds a request waits for another process writing the folder before it answers 503.
    static let lockPatience: Double = 30

    /// The snapshot, when the folder's files are still the ones it was made from, or while this
    /// server writes them.
    private func fresh() -> ClinicSnapshot? {
        let seen = FolderSignature(folder: data.folderURL.path)
        return state.withLock { current?.signature == seen || writing ? current : nil }
    }

    /// The server's own write begins (the caller holds the exclusive lock, and the snapshot is
    /// the folder's data) or ends (before the lock is released).
    func beginWrite() { state.withLock { writing = true } }
    func endWrite() { state.withLock { writing = false } }

    /// How many times requests have read the folder (the tests count them).
    var folderReadings: Int { state.withLock { readings } }

    /// The snapshot, when the folder still has this signature.
    func matching(_ signature: FolderSignature) -> ClinicSnapshot? {
        state.withLock { current?.signature == signature ? current : nil }
    }

    /// Makes `clinic`, read or written at `signature`, the snapshot. The caller holds the folder's
    /// lock (shared after reading it, exclusive after writing it), so that the signature is the
    /// files' while they hold exactly this data.
    @discardableResult
    func install(_ clinic: Clinic, signature: FolderSignature) -> ClinicSnapshot {
        let generation = state.withLock {
            generations += 1
            return generations
        }
        // Built outside `state`: requests keep using the current snapshot meanwhile.
        let snapshot = ClinicSnapshot(clinic: clinic, signature: signature, generation: generation)
        state.withLock {
            if (current?.generation ?? 0) < generation { current = snapshot }
        }
        return snapshot
    }
}

/// One state of the data folder, as every request made while the folder holds it sees it.
/// `generation` counts the states the server has seen: answers cached for one are never
/// served for another.
struct ClinicSnapshot: @unchecked Sendable {
    let clinic: Clinic
    let signature: FolderSignature
    let generation: Int
    /// Each account's position in `users`, by email in lower case, and the profiles each account
    /// owns: every request signs its user in by session or token, and would search them all.
    private let accounts: [String: Int]
    private let profiles: [DocumentID: Profiles]

    /// The `_id`s of the doctor, patient and rep profiles one account owns.
    private struct Profiles {
        var doctors: Set<DocumentID> = [], patients: Set<DocumentID> = [], reps: Set<DocumentID> = []
    }

    init(clinic: Clinic, signature: FolderSignature, generation: Int) {
        self.clinic = clinic
        self.signature = signature
        self.generation = generation
        let dataset = clinic.dataset
        var accounts: [String: Int] = [:]
        for (index, user) in dataset.users.enumerated() {
            let email = user.email.lowercased()
            if accounts[email] == nil { accounts[email] = index }
        }
        self.accounts = accounts
        // `SignedInUser(user:dataset:)`'s profiles, found for every account in one pass.
        var profiles: [DocumentID: Profiles] = [:]
        for doctor in dataset.doctors { profiles[doctor.userId, default: Profiles()].doctors.insert(doctor.id) }
        for patient in dataset.patients { profiles[patient.userId, default: Profiles()].patients.insert(patient.id) }
        for rep in dataset.medicalReps { profiles[rep.userId, default: Profiles()].reps.insert(rep.id) }
        self.profiles = profiles
    }

    /// The account with this email (any letter case), signed in with the profiles it owns.
    func signedIn(email: String) -> SignedInUser? {
        guard let index = accounts[email.lowercased()] else { return nil }
        let user = clinic.dataset.users[index]
        let owned = profiles[user.id] ?? Profiles()
        return SignedInUser(user: user, doctorIds: owned.doctors, patientIds: owned.patients, repIds: owned.reps)
    }
}

extension LiveClinic {
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
