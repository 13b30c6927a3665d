import ArgumentParser

/// Who is writing, and how long to wait for another writer: shared by every writing command.
struct AuthOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "The email of the user doing this; the password is read from the terminal, or from CLINIC_PASSWORD.",
        valueName: "email"))
    var email: String

    @Option(help: "Seconds to wait for another clinic-plan process that is writing the same data folder.")
    var lockTimeout: Double = 30

    func validate() throws {
        guard lockTimeout >= 0 else { throw ValidationError("--lock-timeout must not be negative") }
    }
}
