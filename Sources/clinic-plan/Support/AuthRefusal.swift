import ClinicData
import SlotSolver

/// A write that ends without writing: the sentence to print, the audit outcome, and the exit
/// status (1 rejected by a check, 2 bad input, 3 login failed or forbidden). The CLI prints it;
/// the server answers with the HTTP status `subject` and `outcome` say.
struct AuthRefusal: Error {
    var outcome: AuditEntry.Outcome
    var message: String
    /// Why, outermost first (printed as `caused by:` lines).
    var causes: [String]
    /// Extra lines printed after the message (the nearest free slots of a refused booking).
    var notes: [String]
    var subject: Subject
    /// A refused booking's nearest free slots, as found (the server links each to the form).
    var slots: [SlotSuggestion] = []

    /// What the refusal is about, beyond its outcome.
    enum Subject {
        /// The request: a value that does not fit, a check that refused it.
        case request
        /// A record or person the request names is not in the folder.
        case unknownRecord
        /// The record is in no state for this change (a booking cancelled already).
        case recordState
        /// The data folder could not be locked, read or written; nothing was changed.
        case folder
        /// The change was decided and journaled but not finished: the next command finishes it
        /// (its audit line is in the journal, so none is appended for this ending).
        case unfinished
    }

    init(_ outcome: AuditEntry.Outcome, _ message: String, causes: [String] = [], notes: [String] = [],
         subject: Subject = .request) {
        self.outcome = outcome
        self.message = message
        self.causes = causes
        self.notes = notes
        self.subject = subject
    }

    /// A change the rules refused (exit 1) or that does not fit the data (exit 2).
    init(_ refusal: ChangeRefusal) {
        self.init(refusal.kind == .rejected ? .rejected : .failed, refusal.description,
                  subject: refusal.kind == .rejected ? .recordState : .request)
    }

    /// Refuses unless the access policy lets the user do this.
    static func allow(_ action: ProtectedAction, _ signedIn: SignedInUser) throws(AuthRefusal) {
        if case .forbidden(let why) = AccessPolicy.decide(action, for: signedIn) { throw AuthRefusal(.forbidden, why) }
    }

    var exitStatus: Int32 {
        switch outcome {
        case .rejected: ExitStatus.conflictsFound
        case .forbidden, .loginFailed: ExitStatus.forbidden
        case .failed, .confirmed: ExitStatus.badInput
        }
    }
}
