import ArgumentParser
import ClinicData
import Foundation

/// Runs one writing command of the CLI:
/// 1. sign in (`--as` and the password; one hash computation whatever happens), outside the lock
///    so that slow hashing never holds other writers up;
/// 2. the locked write every front end shares (`FolderWrite`): lock, read the folder again,
///    check the account, decide, commit the change with its audit line, unlock;
/// 3. print what the command decided.
/// Every ending, written or refused, failed logins included, appends exactly one audit line.
/// Failures are thrown as `CommandFailure`s for the root command to print; a refusal by a check
/// is the command's answer, printed on standard output, and exits with 1.
struct AuthWriteSession {
    let data: DataOptions
    let signIn: SignIn
    /// The command as the audit log names it: `book`, `cancel`, `close`, `users add`, …
    let action: String
    /// The records named on the command line, as (field, id) pairs.
    var ids: [(String, String)]

    init(data: DataOptions, auth: AuthOptions, action: String, ids: [(String, String)]) {
        self.init(data: data, signIn: auth.signIn, action: action, ids: ids)
    }

    init(data: DataOptions, signIn: SignIn, action: String, ids: [(String, String)]) {
        self.data = data
        self.signIn = signIn
        self.action = action
        self.ids = ids
    }

    /// `beforeLock` runs after signing in and before taking the lock: the place for slow or
    /// interactive work (reading and hashing a new password) that must not hold other writers up.
    /// The body gets the fresh clinic and the signed-in user, may add ids (the new record's),
    /// and returns the edit or throws an `AuthRefusal`.
    func run(beforeLock: () throws(AuthRefusal) -> Void = {},
             _ body: (Clinic, SignedInUser, inout [(String, String)]) throws(AuthRefusal) -> WriteDecision) throws {
        let audit = AuditTrail(data: data, action: action)
        let (unlocked, user) = try AccountSignIn.signIn(signIn, data: data, audit: audit, ids: ids)
        do {
            try beforeLock()
        } catch {
            throw audit.refuse(error, user: user.email, ids: ids)
        }
        let write = FolderWrite(data: data, action: action, user: user,
                                lockTimeout: signIn.lockTimeout ?? unlocked.settings.lockTimeout)
        let decision: WriteDecision
        do {
            decision = try write.run(ids: ids, read: { () throws(AuthRefusal) -> Clinic in
                do {
                    return try data.loadClinic(exclusivelyLocked: true)
                } catch let failure as CommandFailure {
                    throw AuthRefusal(.failed, failure.message, causes: failure.causes, notes: failure.notes, subject: .folder)
                } catch {
                    throw AuthRefusal(.failed, "\(error)", subject: .folder)
                }
            }, decide: body)
        } catch {
            // `FolderWrite` audited it.
            throw AuditTrail.failure(error)
        }
        // JSON and mongosh output escape control characters already, so this changes only text.
        FileOutput.standardOutput.write(TerminalText.printable(decision.output))
    }
}

/// Signing in for a command that needs an account (every writer, and `users list`): reads the
/// folder, finds the account `--as` names, asks for its password and verifies it.
enum AccountSignIn {
    /// The folder as read before signing in, and the signed-in user.
    static func signIn(_ signIn: SignIn, data: DataOptions, audit: AuditTrail,
                       ids: [(String, String)]) throws -> (Clinic, User) {
        let unlocked = try audit.load(data, locked: false, user: signIn.user, ids: ids)
        let email: String
        switch unlocked.dataset.signInEmail(for: signIn.user) {
        case .success(let found): email = found
        case .failure(let failure):
            audit.append(.loginFailed, failure.message, user: signIn.user, ids: ids)
            throw failure
        }
        guard let password = AuthPassword.signInPassword(for: email) else {
            throw audit.refuse(AuthRefusal(.loginFailed, LoginFailure(email: email, reason: .noPassword).message
                                           + " (set \(AuthPassword.environmentVariable) or run on a terminal)"),
                               user: email, ids: ids)
        }
        switch Authenticator.signIn(email: email, password: password, users: unlocked.dataset.users) {
        case .signedIn(let user):
            return (unlocked, user)
        case .refused(let failure):
            audit.append(.loginFailed, failure.reason.rawValue, user: email, ids: ids)
            throw CommandFailure(failure.message, exitStatus: ExitStatus.forbidden)
        }
    }
}

/// The audit log of one command, and the failures it records on the way out.
struct AuditTrail {
    let data: DataOptions
    let action: String

    func append(_ outcome: AuditEntry.Outcome, _ detail: String, user: String, ids: [(String, String)]) {
        do {
            try AuditLog(folder: data.folderURL).append(AuditEntry(user: user, action: action, ids: ids, outcome: outcome,
                                                                   detail: detail))
        } catch {
            FileOutput.standardError.write("warning: \(error)\n")
        }
    }

    /// Audits a refusal and turns it into what the command throws.
    func refuse(_ refusal: AuthRefusal, user: String, ids: [(String, String)]) -> Error {
        append(refusal.outcome, refusal.message, user: user, ids: ids)
        return AuditTrail.failure(refusal)
    }

    /// What the command throws for an audited refusal: a refusal by a check is the command's
    /// answer (standard output, exit 1); any other is a failure for the root to print.
    static func failure(_ refusal: AuthRefusal) -> Error {
        if refusal.outcome == .rejected {
            FileOutput.standardOutput.write(TerminalText.printable(([refusal.message] + refusal.notes).joined(separator: "\n") + "\n"))
            return ExitCode(refusal.exitStatus)
        }
        return CommandFailure(refusal.message, causes: refusal.causes, notes: refusal.notes, exitStatus: refusal.exitStatus)
    }

    func load(_ data: DataOptions, locked: Bool, user: String, ids: [(String, String)]) throws -> Clinic {
        do {
            return try data.loadClinic(exclusivelyLocked: locked)
        } catch {
            append(.failed, "the data folder \(data.data) cannot be read or has errors", user: user, ids: ids)
            throw error
        }
    }
}
