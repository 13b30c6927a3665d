import ArgumentParser
import ClinicData

/// Who is writing, and how long to wait for another writer: shared by every writing command.
struct AuthOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "The user doing this: an email, an _id or a unique part of the name; the password is read from the terminal, or from CLINIC_PASSWORD.",
        valueName: "user"))
    var user: String

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Seconds to wait for another clinic-plan process that is writing the same data folder.",
        discussion: "Default: \"defaults.lock_timeout\" of the data folder's clinic-plan.json, else 30."))
    var lockTimeout: Double?

    func validate() throws {
        try SignIn.validate(lockTimeout: lockTimeout)
    }

    var signIn: SignIn { SignIn(user: user, lockTimeout: lockTimeout) }
}

/// The sign-in a command asks for: the `--as` text and the lock timeout, if given (commands
/// whose `--as` is optional, such as `rebook --apply`, build one without parsing `AuthOptions`).
struct SignIn {
    var user: String
    var lockTimeout: Double?

    static func validate(lockTimeout: Double?) throws {
        if let lockTimeout, !ClinicSettings.lockTimeouts.contains(lockTimeout) {
            throw ValidationError("--lock-timeout must be 0 to \(Int(ClinicSettings.lockTimeouts.upperBound)) seconds, not \(lockTimeout)")
        }
    }
}
