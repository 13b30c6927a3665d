import ClinicData
import Foundation

extension ServeApp {
    /// Changes the data folder the way the CLI's `AuthWriteSession` does: take the folder's
    /// exclusive lock, re-read the folder under it (the CLI may have written since the request's
    /// snapshot), check the user's account is unchanged, decide on the fresh data, then commit the
    /// change with its audit line as one transaction (`DataFolder.write`). Every ending, written
    /// or refused, appends exactly one audit line. Returns the decision's value.
    func commit<Value>(_ viewer: Viewer, action: String, ids: [(String, String)],
                       _ decide: (Clinic, SignedInUser, inout [(String, String)]) throws(ServerFailure) -> (ChangeSet, String, Value))
        throws(ServerFailure) -> Value {
        var ids = ids
        let log = AuditLog(folder: live.data.folderURL)
        func audit(_ outcome: AuditEntry.Outcome, _ detail: String, _ changes: ChangeSet = ChangeSet()) {
            try? log.append(AuditEntry(user: viewer.email, action: action, ids: ids, outcome: outcome, detail: detail,
                                       changes: changes))
        }
        func refuse(_ failure: ServerFailure) -> ServerFailure {
            let outcome: AuditEntry.Outcome = switch failure {
            case .forbidden: .forbidden
            case .rejected: .rejected
            default: .failed
            }
            audit(outcome, failure.detail)
            return failure
        }
        let lock: FolderLock
        do {
            lock = try FolderLock.acquire(folder: live.data.folderURL, timeout: lockTimeout)
        } catch {
            throw refuse(.unavailable("\(error)"))
        }
        defer { lock.release() }
        // The snapshot is the folder's data unless another process wrote since it was taken.
        let folderURL = live.data.folderURL
        var clinic: Clinic
        if let known = live.matching(FolderSignature(folder: folderURL.path)) {
            clinic = known.clinic
        } else {
            do {
                clinic = try LiveClinic.load(live.data)
            } catch {
                throw refuse(error)
            }
            live.install(clinic, signature: FolderSignature(folder: folderURL.path))
        }
        // Requests meanwhile use the snapshot rather than wait for the lock (ended before the
        // lock is released: the `defer`s run last first).
        live.beginWrite()
        defer { live.endWrite() }
        let user = viewer.signedIn.user
        guard let current = clinic.dataset.users.first(where: { $0.id == user.id }),
              current.password == user.password, current.role == user.role else {
            throw refuse(.unauthorized("the account \(user.email) changed; sign in again"))
        }
        let (changes, detail, value): (ChangeSet, String, Value)
        do {
            (changes, detail, value) = try decide(clinic, SignedInUser(user: current, dataset: clinic.dataset), &ids)
        } catch {
            throw refuse(error)
        }
        let entry = AuditEntry(user: viewer.email, action: action, ids: ids, outcome: .confirmed, detail: detail,
                               changes: changes)
        let changed: ClinicDataset
        do {
            changed = try changes.applied(to: clinic.dataset)
            try DataFolder.write(changed, basedOn: clinic.folder, to: folderURL, audit: entry)
        } catch {
            throw refuse(.unavailable("nothing was changed: \(error)"))
        }
        // Still under the exclusive lock: the files hold exactly the written data.
        live.install(Clinic(folder: clinic.folder.written(changed), settings: clinic.settings, folderPath: clinic.folderPath),
                     signature: FolderSignature(folder: folderURL.path))
        return value
    }

    /// 403 with the policy's sentence unless the user may do this.
    func allow(_ action: ProtectedAction, _ signedIn: SignedInUser) throws(ServerFailure) {
        if case .forbidden(let why) = AccessPolicy.decide(action, for: signedIn) { throw .forbidden(why) }
    }
}
