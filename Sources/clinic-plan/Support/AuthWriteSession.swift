import ArgumentParser
import ClinicData
import Foundation

/// What a writing command decided on the fresh data under the lock: the change (built in
/// ClinicData), the audit sentence and what to print.
struct WriteDecision {
    var changes: ChangeSet
    var detail: String
    var output: String
}

/// Runs one writing command the safe way:
/// 1. sign in (`--as` and the password; one hash computation whatever happens), outside the lock
///    so that slow hashing never holds other writers up;
/// 2. take the data folder's exclusive lock and re-read the folder under it (another process
///    may have written it since);
/// 3. decide, on that fresh data, whether the user may do this and whether it can be done;
/// 4. commit the change and its audit line as one transaction (`DataFolder.write`: every
///    changed file or none, the audit line with them), then release the lock.
/// Every ending, written or refused, failed logins included, appends exactly one audit line.
struct AuthWriteSession {
    let data: DataOptions
    let auth: AuthOptions
    /// The command as the audit log names it: `book`, `cancel`, `close`, `users add`, …
    let action: String
    /// The records named on the command line, as (field, id) pairs.
    var ids: [(String, String)]

    /// `beforeLock` runs after signing in and before taking the lock: the place for slow or
    /// interactive work (reading and hashing a new password) that must not hold other writers up.
    /// The body gets the fresh clinic and the signed-in user, may add ids (the new record's),
    /// and returns the edit or throws an `AuthRefusal`.
    func run(beforeLock: () throws(AuthRefusal) -> Void = {},
             _ body: (Clinic, SignedInUser, inout [(String, String)]) throws(AuthRefusal) -> WriteDecision) throws {
        var ids = self.ids
        let log = AuditLog(folder: data.folderURL)
        func audit(_ outcome: AuditEntry.Outcome, _ detail: String) {
            do {
                try log.append(AuditEntry(user: auth.email, action: action, ids: ids, outcome: outcome, detail: detail))
            } catch {
                FileOutput.standardError.write("warning: \(error)\n")
            }
        }
        func refuse(_ refusal: AuthRefusal) -> ExitCode {
            audit(refusal.outcome, refusal.message)
            if refusal.outcome == .rejected {
                FileOutput.standardOutput.write(TerminalText.printable(([refusal.message] + refusal.notes).joined(separator: "\n") + "\n"))
            } else {
                FileOutput.standardError.write("error: \(refusal.message)\n")
                for note in refusal.notes { FileOutput.standardError.write(note + "\n") }
            }
            return ExitCode(refusal.exitStatus)
        }
        func load(locked: Bool) throws -> Clinic {
            do {
                return try data.loadClinic(exclusivelyLocked: locked)
            } catch {
                audit(.failed, "the data folder \(data.data) cannot be read or has errors")
                throw error
            }
        }

        // 1. Sign in, outside the lock.
        guard let password = AuthPassword.signInPassword(for: auth.email) else {
            throw refuse(AuthRefusal(.loginFailed, LoginFailure(email: auth.email, reason: .noPassword).message
                                     + " (set \(AuthPassword.environmentVariable) or run on a terminal)"))
        }
        let unlocked = try load(locked: false)
        let user: User
        switch Authenticator.signIn(email: auth.email, password: password, users: unlocked.dataset.users) {
        case .signedIn(let found):
            user = found
        case .refused(let failure):
            audit(.loginFailed, failure.reason.rawValue)
            FileOutput.standardError.write("error: \(failure.message)\n")
            throw ExitCode(ExitStatus.forbidden)
        }

        do {
            try beforeLock()
        } catch {
            throw refuse(error)
        }

        // 2. Lock, then re-read.
        let lock: FolderLock
        do {
            lock = try FolderLock.acquire(folder: data.folderURL, timeout: auth.lockTimeout)
        } catch {
            throw refuse(AuthRefusal(.failed, error.description))
        }
        defer { lock.release() }
        let clinic = try load(locked: true)
        guard let current = clinic.dataset.users.first(where: { $0.id == user.id }),
              current.password == user.password, current.role == user.role else {
            throw refuse(AuthRefusal(.loginFailed, "the account \(auth.email) changed while signing in; try again"))
        }

        // 3. Decide on the fresh data.
        let decision: WriteDecision
        do {
            decision = try body(clinic, SignedInUser(user: current, dataset: clinic.dataset), &ids)
        } catch {
            throw refuse(error)
        }

        // 4. Commit the change with its audit line, unlock.
        let entry = AuditEntry(user: auth.email, action: action, ids: ids, outcome: .confirmed, detail: decision.detail,
                               changes: decision.changes)
        do {
            let changed = try decision.changes.applied(to: clinic.dataset)
            try DataFolder.write(changed, basedOn: clinic.folder, to: data.folderURL, audit: entry)
        } catch let error as DataFolderError where error.code == .writeUnfinished {
            // The change and its audit line are in the journal: the next command finishes both.
            FileOutput.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.badInput)
        } catch {
            throw refuse(AuthRefusal(.failed, "nothing was changed: \(error)"))
        }
        // JSON and mongosh output escape control characters already, so this changes only text.
        FileOutput.standardOutput.write(TerminalText.printable(decision.output))
    }
}
