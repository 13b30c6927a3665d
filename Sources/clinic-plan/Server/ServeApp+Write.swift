import ClinicData
import Foundation

extension ServeApp {
    /// Changes the data folder through `FolderWrite`, the locked write the CLI's commands use
    /// too: lock, fresh data, account check, `decide`, one transaction with its audit line. The
    /// fresh data is the snapshot unless another process wrote since it was taken, and the
    /// written data becomes the next snapshot without reading the folder again. A refusal
    /// reaches the client as its HTTP failure.
    func commit(_ viewer: Viewer, action: String, ids: [(String, String)],
                _ decide: (Clinic, SignedInUser, inout [(String, String)]) throws(AuthRefusal) -> WriteDecision)
        throws(ServerFailure) -> WriteDecision {
        let live = self.live
        let folder = live.data.folderURL.path
        let write = FolderWrite(data: live.data, action: action, user: viewer.signedIn.user, lockTimeout: lockTimeout)
        do throws(AuthRefusal) {
            return try write.run(ids: ids, read: { () throws(AuthRefusal) -> Clinic in
                var clinic = live.matching(FolderSignature(folder: folder))?.clinic
                if clinic == nil {
                    do throws(ServerFailure) {
                        clinic = try LiveClinic.load(live.data)
                    } catch {
                        throw AuthRefusal(.failed, error.detail, subject: .folder)
                    }
                    live.install(clinic!, signature: FolderSignature(folder: folder))
                }
                // Requests meanwhile use the snapshot rather than wait for the lock.
                live.beginWrite()
                return clinic!
            }, decide: decide, written: { before, after in
                // Still under the exclusive lock: the files hold exactly the written data.
                live.install(Clinic(folder: before.folder.written(after), settings: before.settings, folderPath: before.folderPath),
                             signature: FolderSignature(folder: folder))
            }, unlocking: live.endWrite)
        } catch {
            throw ServerFailure(error)
        }
    }

    /// 403 with the policy's sentence unless the user may do this.
    func allow(_ action: ProtectedAction, _ signedIn: SignedInUser) throws(ServerFailure) {
        do {
            try AuthRefusal.allow(action, signedIn)
        } catch {
            throw ServerFailure(error)
        }
    }
}

extension ServerFailure {
    /// A refused write (or person lookup) as the client reads it.
    init(_ refusal: AuthRefusal) {
        let sentence = ([refusal.message] + refusal.notes).joined(separator: "\n")
        switch (refusal.outcome, refusal.subject) {
        case (.forbidden, _): self = .forbidden(refusal.message)
        case (.loginFailed, _): self = .unauthorized(refusal.message)
        case (_, .recordState): self = .conflict(refusal.message)
        case (.rejected, _): self = .rejected(refusal.message, notes: refusal.slots.map { "\($0.date) \($0.slot.start)" })
        case (_, .unknownRecord): self = .notFound(sentence)
        case (_, .folder), (_, .unfinished): self = .unavailable(([refusal.message] + refusal.causes).joined(separator: ": "))
        case (_, .request): self = .badRequest(sentence)
        }
    }
}
