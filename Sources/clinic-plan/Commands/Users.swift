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
            as they are. Every subcommand signs in with --as; add and list take an admin.

            Example: CLINIC_PASSWORD=clinic-demo clinic-plan users list --data instances/sample --as admin@clinicplan.example
            """,
            subcommands: [Add.self, Passwd.self, List.self])
    }
}

/// `--scheme` and `--cost` for a new password hash.
struct HashOptions: ParsableArguments {
    @Option(help: "How to hash the new password.")
    var scheme: NewHashScheme = .bcrypt

    @Option(help: "The hash cost (bcrypt: log2 rounds, 4-31, default 10; yescrypt: 1-11, default 5).")
    var cost: Int?

    @Flag(help: "Read the new password from the first line of standard input instead of the terminal.")
    var passwordStdin = false

    func validate() throws {
        let chosen = scheme.passwordScheme
        if let cost, !chosen.costRange.contains(cost) {
            throw ValidationError("--cost for \(scheme) must be in \(chosen.costRange), not \(cost)")
        }
    }

    /// Reads the new password (standard input or terminal) and hashes it.
    func newHash(for email: String) throws(AuthRefusal) -> (hash: String, scheme: PasswordScheme) {
        let chosen = scheme.passwordScheme
        let password = try AuthPassword.newPassword(for: email, fromStandardInput: passwordStdin)
        do {
            return (try PasswordHasher.hash(password, scheme: chosen, cost: cost), chosen)
        } catch {
            throw AuthRefusal(.failed, "cannot use that password: \(error)")
        }
    }
}

/// The schemes new passwords are hashed with (SHA-512 crypt is only verified, never made).
enum NewHashScheme: String, ExpressibleByArgument, CaseIterable {
    case bcrypt, yescrypt

    var passwordScheme: PasswordScheme { self == .bcrypt ? .bcrypt : .yescrypt }
}

extension UserRole: ExpressibleByArgument {
    /// A role in any letter case; "medical rep" also as medical-rep, medical_rep or rep.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "medical rep", "medical-rep", "medical_rep", "rep": self = .medicalRep
        default: self.init(rawValue: argument.lowercased())
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

            Example: printf '%s\\n' "$NEW_PASSWORD" | CLINIC_PASSWORD=clinic-demo clinic-plan users add \
            --email desk@clinic.example --name "Front Desk" --role admin --password-stdin --as admin@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var hashing: HashOptions
        @OptionGroup var output: ChangeOutputOptions

        @Option(help: "The new user's email (unique, case-insensitive).")
        var email: String

        @Option(help: "The new user's full name.")
        var name: String

        @Option(help: "The new user's role (\"medical rep\" may also be written medical-rep or rep).")
        var role: UserRole

        func validate() throws {
            guard email.contains("@"), !email.contains(where: \.isWhitespace) else {
                throw ValidationError("--email \"\(email)\" is not an email address")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
        }

        func run() throws {
            var made: (hash: String, scheme: PasswordScheme)?
            let role = self.role
            let session = AuthWriteSession(data: data, auth: auth, action: "users add", ids: [("email", email)])
            try session.run(beforeLock: { () throws(AuthRefusal) in
                made = try hashing.newHash(for: email)
            }) { clinic, signedIn, ids throws(AuthRefusal) in
                try AuthRefusal.allow(.addUser, signedIn)
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

    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sets a user's password (your own, or anyone's as an admin).",
            discussion: """
            Example: printf '%s\\n' "$NEW_PASSWORD" | CLINIC_PASSWORD=clinic-demo clinic-plan users passwd --password-stdin --as mohamed.saeed@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var hashing: HashOptions
        @OptionGroup var output: ChangeOutputOptions

        @Option(help: "Whose password to set (default: the --as user's own).")
        var email: String?

        func run() throws {
            var made: (hash: String, scheme: PasswordScheme)?
            let session = AuthWriteSession(data: data, auth: auth, action: "users passwd", ids: [("email", email ?? auth.user)])
            try session.run(beforeLock: { () throws(AuthRefusal) in
                made = try hashing.newHash(for: email ?? auth.user)
            }) { clinic, signedIn, ids throws(AuthRefusal) in
                // Without --email, the signed-in account's own (however --as named it).
                let target = email ?? signedIn.user.email
                let set: (changes: ChangeSet, user: User)
                do {
                    set = try UserChanges.setPassword(of: target, to: made!.hash, dataset: clinic.dataset)
                } catch {
                    throw AuthRefusal(.failed, "no user with email \(target) in \(data.data)/users.json")
                }
                ids.append(("user_id", set.user.id.description))
                try AuthRefusal.allow(.setPassword(user: set.user.id), signedIn)
                let sentence = "password of \(set.user.email) set (hashed with \(made!.scheme))"
                return WriteDecision(changes: set.changes, detail: "password set (\(made!.scheme))",
                                     output: output.render(set.changes, action: "users passwd", sentence: sentence))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists the users: _id, name, email, role and how their password is stored (never the hash).",
            discussion: """
            Needs an admin's sign-in (--as and the password), and appends an audit line, as writers do. \
            To find doctors, patients and reps with their ids, `clinic-plan people` needs no sign-in.

            Example: CLINIC_PASSWORD=clinic-demo clinic-plan users list --data instances/sample --as admin@clinicplan.example
            """)

        @OptionGroup var data: DataOptions

        @Option(name: .customLong("as"), help: ArgumentHelp(
            "The admin doing this: an email, an _id or a unique part of the name; the password is read from the terminal, or from CLINIC_PASSWORD.",
            valueName: "user"))
        var user: String

        func run() throws {
            let audit = AuditTrail(data: data, action: "users list")
            let (clinic, account) = try AccountSignIn.signIn(SignIn(user: user), data: data, audit: audit, ids: [])
            let signedIn = SignedInUser(user: account, dataset: clinic.dataset)
            if case .forbidden(let why) = AccessPolicy.decide(.listUsers, for: signedIn) {
                throw audit.refuse(AuthRefusal(.forbidden, why), user: account.email, ids: [])
            }
            audit.append(.confirmed, "listed \(clinic.dataset.users.count) user(s)", user: account.email, ids: [])
            var table = TextTable(["_id", "name", "email", "role", "password"])
            for user in clinic.dataset.users {
                let stored = PasswordScheme(hash: user.password).map(\.rawValue) ?? "cannot be verified here"
                table.append([user.id.description, user.name, user.email, user.role.rawValue, stored])
            }
            FileOutput.standardOutput.write(table.render())
        }
    }
}
