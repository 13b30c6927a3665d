import ClinicData

/// A writing command that ends without writing: the sentence to print, the audit outcome, and
/// the exit status (1 rejected by a check, 2 bad input, 3 login failed or forbidden).
struct AuthRefusal: Error {
    var outcome: AuditEntry.Outcome
    var message: String
    /// Why, outermost first (printed as `caused by:` lines).
    var causes: [String]
    /// Extra lines printed after the message (the nearest free slots of a refused booking).
    var notes: [String]

    init(_ outcome: AuditEntry.Outcome, _ message: String, causes: [String] = [], notes: [String] = []) {
        self.outcome = outcome
        self.message = message
        self.causes = causes
        self.notes = notes
    }

    /// A change the rules refused (exit 1) or that does not fit the data (exit 2).
    init(_ refusal: ChangeRefusal) {
        self.init(refusal.kind == .rejected ? .rejected : .failed, refusal.description)
    }

    var exitStatus: Int32 {
        switch outcome {
        case .rejected: ExitStatus.conflictsFound
        case .forbidden, .loginFailed: ExitStatus.forbidden
        case .failed, .confirmed: ExitStatus.badInput
        }
    }
}
