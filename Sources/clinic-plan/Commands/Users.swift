import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

extension ClinicPlan {
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adds users, sets passwords and lists users (never their hashes).",
            discussion: """
            Passwords are hashed with the system's libxcrypt: bcrypt ($2b$) or yescrypt ($y$) with a \
            fresh salt. Stored bcrypt, yescrypt and SHA-512 crypt ($6$) hashes made by web stacks verify \
            as they are.
            """,
            subcommands: [Add.self, Passwd.self, List.self])
    }
}

/// `--scheme` and `--cost` for a new password hash.
struct HashOptions: ParsableArguments {
    @Option(help: "How to hash the new password: bcrypt or yescrypt.")
    var scheme: String = "bcrypt"

    @Option(help: "The hash cost (bcrypt: log2 rounds, 4-31, default 10; yescrypt: 1-11, default 5).")
    var cost: Int?

    @Flag(help: "Read the new password from the first line of standard input instead of the terminal.")
    var passwordStdin = false

    func validate() throws {
        guard let chosen = PasswordScheme(rawValue: scheme), chosen != .sha512crypt else {
            throw ValidationError("--scheme must be bcrypt or yescrypt, not \"\(scheme)\"")
        }
        if let cost, !chosen.costRange.contains(cost) {
            throw ValidationError("--cost for \(scheme) must be in \(chosen.costRange), not \(cost)")
        }
    }

    /// Reads the new password (standard input or terminal) and hashes it.
    func newHash(for email: String) throws(AuthRefusal) -> (hash: String, scheme: PasswordScheme) {
        let chosen = PasswordScheme(rawValue: scheme) ?? .bcrypt
        let password = try AuthPassword.newPassword(for: email, fromStandardInput: passwordStdin)
        do {
            return (try PasswordHasher.hash(password, scheme: chosen, cost: cost), chosen)
        } catch {
            throw AuthRefusal(.failed, "cannot use that password: \(error)")
        }
    }
}

extension ClinicPlan.Users {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adds a user (admins only).",
            discussion: """
            The new user's password is read without echo from the terminal (twice), or from standard \
            input with --password-stdin. Users get the next integer _id when every _id is an integer \
            (as in the seed), else a new ObjectId. Only the users document is written: the doctors, \
            patients or medical_reps profile that points at it is added separately.

            Example: printf '%s\\n' "$NEW_PASSWORD" | clinic-plan users add --email desk@clinic.example \
            --name "Front Desk" --role admin --password-stdin --as admin@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var hashing: HashOptions
        @OptionGroup var output: ChangeOutputOptions

        @Option(help: "The new user's email (unique, case-insensitive).")
        var email: String

        @Option(help: "The new user's full name.")
        var name: String

        @Option(help: "doctor, patient, \"medical rep\" or admin.")
        var role: String

        func validate() throws {
            guard Self.role(role) != nil else {
                throw ValidationError("--role must be doctor, patient, \"medical rep\" or admin, not \"\(role)\"")
            }
            guard email.contains("@"), !email.contains(where: \.isWhitespace) else {
                throw ValidationError("--email \"\(email)\" is not an email address")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
        }

        static func role(_ text: String) -> UserRole? {
            switch text.lowercased() {
            case "medical rep", "medical-rep", "medical_rep", "rep": .medicalRep
            default: UserRole(rawValue: text.lowercased())
            }
        }

        func run() throws {
            var made: (hash: String, scheme: PasswordScheme)?
            let session = AuthWriteSession(data: data, auth: auth, action: "users add", ids: [("email", email)])
            try session.run(beforeLock: { () throws(AuthRefusal) in
                made = try hashing.newHash(for: email)
            }) { clinic, signedIn, ids throws(AuthRefusal) in
                if case .forbidden(let why) = AccessPolicy.decide(.addUser, for: signedIn) {
                    throw AuthRefusal(.forbidden, why)
                }
                let role = Self.role(role)!
                let added: (changes: ChangeSet, id: DocumentID)
                do throws(ChangeRefusal) {
                    added = try UserChanges.add(name: name, email: email, passwordHash: made!.hash, role: role,
                                                dataset: clinic.dataset)
                } catch {
                    throw AuthRefusal(error)
                }
                ids.append(("user_id", added.id.description))
                let sentence = "added user \(added.id): \(name) <\(email)> (\(role.rawValue)), password hashed with \(made!.scheme)"
                return WriteDecision(changes: added.changes, detail: "added \(role.rawValue) \(email)",
                                     output: output.render(added.changes, action: "users add", sentence: sentence))
            }
        }

        /// The seed numbers users 1, 2, 3…; a folder with other ids gets a fresh ObjectId.
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sets a user's password (your own, or anyone's as an admin).",
            discussion: """
            Example: clinic-plan users passwd --as mohamed.saeed@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var hashing: HashOptions
        @OptionGroup var output: ChangeOutputOptions

        @Option(help: "Whose password to set (default: the --as user's own).")
        var email: String?

        func run() throws {
            let target = email ?? auth.email
            var made: (hash: String, scheme: PasswordScheme)?
            let session = AuthWriteSession(data: data, auth: auth, action: "users passwd", ids: [("email", target)])
            try session.run(beforeLock: { () throws(AuthRefusal) in
                made = try hashing.newHash(for: target)
            }) { clinic, signedIn, ids throws(AuthRefusal) in
                let set: (changes: ChangeSet, user: User)
                do {
                    set = try UserChanges.setPassword(of: target, to: made!.hash, dataset: clinic.dataset)
                } catch {
                    throw AuthRefusal(.failed, "no user with email \(target) in \(data.data)/users.json")
                }
                ids.append(("user_id", set.user.id.description))
                if case .forbidden(let why) = AccessPolicy.decide(.setPassword(user: set.user.id), for: signedIn) {
                    throw AuthRefusal(.forbidden, why)
                }
                let sentence = "password of \(set.user.email) set (hashed with \(made!.scheme))"
                return WriteDecision(changes: set.changes, detail: "password set (\(made!.scheme))",
                                     output: output.render(set.changes, action: "users passwd", sentence: sentence))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists the users: _id, name, email, role and how their password is stored (never the hash).")

        @OptionGroup var data: DataOptions

        func run() throws {
            let clinic = try data.loadClinic()
            var table = TextTable(["_id", "name", "email", "role", "password"])
            for user in clinic.dataset.users {
                let stored = PasswordScheme(hash: user.password).map(\.rawValue) ?? "cannot be verified here"
                table.append([user.id.description, user.name, user.email, user.role.rawValue, stored])
            }
            FileOutput.standardOutput.write(table.render())
        }
    }
}
