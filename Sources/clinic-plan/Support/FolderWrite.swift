import ClinicData
import Foundation
import SlotSolver

/// What a write decided on the fresh data under the lock: the change (built with ClinicData's
/// change builders), the audit sentence, and what to show (the CLI prints it, the server
/// answers with it).
struct WriteDecision {
    var changes: ChangeSet
    var detail: String
    var output: String
}

/// The locked part of every change to a data folder, the CLI's commands' and the server's alike:
/// 1. take the folder's exclusive lock (waiting at most `lockTimeout` seconds for another writer);
/// 2. read the folder under it (`read`: the CLI reads the files; the server its snapshot while
///    the files are still the ones it holds), since another process may have written since the
///    user signed in;
/// 3. check that the signed-in account is unchanged (same password hash and role);
/// 4. decide, on that fresh data, whether the user may do this and whether it can be done;
/// 5. commit the change and its audit line as one transaction (`DataFolder.write`: every
///    changed file or none, the audit line with them), and hand the written data to `written`
///    while the lock is still held (the server keeps it as its snapshot); then `unlocking`, and
///    release the lock.
/// Every ending, written or refused, appends exactly one audit line (a change left for the next
/// command to finish has its line in the journal already).
struct FolderWrite {
    let data: DataOptions
    /// The change as the audit log names it: `book`, `cancel`, `close`, `rebook`, `users add`, …
    let action: String
    /// The account as it signed in, before the lock.
    let user: User
    let lockTimeout: Double

    /// `unlocking` runs last under the lock, however the write ends.
    func run(ids: [(String, String)], read: () throws(AuthRefusal) -> Clinic,
             decide: (Clinic, SignedInUser, inout [(String, String)]) throws(AuthRefusal) -> WriteDecision,
             written: (_ before: Clinic, _ after: ClinicDataset) -> Void = { _, _ in },
             unlocking: () -> Void = {}) throws(AuthRefusal) -> WriteDecision {
        var ids = ids
        let lock: FolderLock
        do {
            lock = try FolderLock.acquire(folder: data.folderURL, timeout: lockTimeout)
        } catch {
            throw refuse(AuthRefusal(.failed, error.description, subject: .folder), ids: ids)
        }
        defer {
            unlocking()
            lock.release()
        }
        let clinic: Clinic
        do {
            clinic = try read()
        } catch {
            throw refuse(error, ids: ids)
        }
        guard let current = clinic.dataset.users.first(where: { $0.id == user.id }),
              current.password == user.password, current.role == user.role else {
            throw refuse(AuthRefusal(.loginFailed, "the account \(user.email) changed since signing in; sign in again"), ids: ids)
        }
        let decision: WriteDecision
        do {
            decision = try decide(clinic, SignedInUser(user: current, dataset: clinic.dataset), &ids)
        } catch {
            throw refuse(error, ids: ids)
        }
        let entry = AuditEntry(user: user.email, action: action, ids: ids, outcome: .confirmed, detail: decision.detail,
                               changes: decision.changes)
        let changed: ClinicDataset
        do {
            changed = try decision.changes.applied(to: clinic.dataset)
            try DataFolder.write(changed, basedOn: clinic.folder, to: data.folderURL, audit: entry)
        } catch let error as DataFolderError where error.code == .writeUnfinished {
            // The change and its audit line are in the journal: the next command finishes both.
            throw AuthRefusal(.failed, "\(error)", subject: .unfinished)
        } catch {
            throw refuse(AuthRefusal(.failed, "nothing was changed", causes: [causeText(error)], subject: .folder), ids: ids)
        }
        written(clinic, changed)
        return decision
    }

    /// Audits a refusal; the caller throws it.
    private func refuse(_ refusal: AuthRefusal, ids: [(String, String)]) -> AuthRefusal {
        AuditTrail(data: data, action: action).append(refusal.outcome, refusal.message, user: user.email, ids: ids)
        return refusal
    }
}

extension WriteDecision {
    /// A rebooking's change, with the audit sentence `rebook --apply` and the server's apply
    /// both write.
    init(rebooking result: RebookingResult, changes: ChangeSet, output: String) {
        self.init(changes: changes,
                  detail: "moved \(result.appointments.moved) appointment(s) and \(result.repVisits.moved) visit(s), "
                      + "\(result.appointments.unplaced + result.repVisits.unplaced) unplaced, "
                      + "objective \(result.objective) (\(result.status.rawValue))",
                  output: output)
    }
}
