import ClinicData
import Foundation

/// Finding the person `--doctor`, `--patient`, `--rep` or `--as` names: by `_id` (as printed:
/// ObjectId hex, digits or string, any letter case), by email (any letter case), or by a part of
/// the name that only one person's name contains (letter case and accents ignored). A name that
/// several contain is refused with the candidates listed, unless exactly one name is the whole text.
struct PersonLookup {
    /// What is searched: one entry per person, by dense index.
    let ids: [String]
    let emails: [String]
    let names: [String]

    enum Outcome: Equatable {
        case found(Int32)
        /// Every person whose name contains the text (dense indices, file order).
        case ambiguous([Int32])
        case notFound
    }

    func find(_ text: String) -> Outcome {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        let lowered = wanted.lowercased()
        if let i = ids.firstIndex(where: { $0.lowercased() == lowered }) { return .found(Int32(i)) }
        if lowered.contains("@"), let i = emails.firstIndex(where: { $0.lowercased() == lowered }) { return .found(Int32(i)) }
        let key = Self.searchKey(wanted)
        guard !key.isEmpty else { return .notFound }
        let matches = names.indices.filter { Self.searchKey(names[$0]).contains(key) }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(Int32(matches[0]))
        default:
            let whole = matches.filter { Self.searchKey(names[$0]) == key }
            return whole.count == 1 ? .found(Int32(whole[0])) : .ambiguous(matches.map { Int32($0) })
        }
    }

    /// A name as searches compare it: lower case, accents and repeated spaces dropped.
    static func searchKey(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` is in `name`, `email` or `details` (letter case and accents ignored), or is
    /// `id` (for `people --search`).
    static func matches(_ text: String, name: String, email: String, id: String, details: String) -> Bool {
        let key = searchKey(text)
        return [name, email, details].contains { searchKey($0).contains(key) } || id.lowercased() == key
    }
}

extension Clinic {
    /// The person of `kind` that `text` names, or the sentence and candidates saying why not.
    func findPerson(_ kind: PersonKind, _ text: String) -> Result<Int32, CommandFailure> {
        let lookup = PersonLookup(ids: names.ids(kind), emails: names.emails(kind), names: names.names(kind))
        switch lookup.find(text) {
        case .found(let index):
            return .success(index)
        case .ambiguous(let candidates):
            let shown = candidates.prefix(10).map { "  \(names.label(kind, $0)) <\(names.emails(kind)[Int($0)])>" }
            let more = candidates.count > 10 ? ["  … and \(candidates.count - 10) more"] : []
            return .failure(CommandFailure(
                "\(kind.option) \"\(text)\" matches \(candidates.count) \(kind.noun)s; give more of the name, the email or the _id:",
                notes: shown + more))
        case .notFound:
            // A slip in a name ("Ahmad Hasan") is answered with the name it is closest to.
            let guess = Spelling.nearest(to: PersonLookup.searchKey(text), among: names.names(kind).map(Self.bareName))
                .flatMap { bare in names.names(kind).firstIndex { Self.bareName($0) == bare } }
                .map { ["did you mean \(names.label(kind, Int32($0)))?"] } ?? []
            return .failure(CommandFailure(
                "no \(kind.noun) matches \(kind.option) \"\(text)\" in \(folderPath)/\(kind.fileName) (by _id, email or name); "
                    + "`clinic-plan people \(kind.listName) --data \(folderPath)` lists them", notes: guess))
        }
    }

    /// A name as compared for "did you mean": its search key without a "Dr." title.
    private static func bareName(_ name: String) -> String {
        let key = PersonLookup.searchKey(name)
        return key.hasPrefix("dr. ") ? String(key.dropFirst(4)) : key
    }

    /// `--doctor` (or another person option) resolved, when given.
    func resolvePerson(_ kind: PersonKind, _ text: String?) throws -> Int32? {
        guard let text else { return nil }
        return try findPerson(kind, text).get()
    }

    /// The same, for a writing command's body: a refusal, audited as failed.
    func requirePerson(_ kind: PersonKind, _ text: String) throws(AuthRefusal) -> Int32 {
        switch findPerson(kind, text) {
        case .success(let index): return index
        case .failure(let failure):
            // "no doctor matches …" names nobody; "… matches 3 doctors" names too many.
            throw AuthRefusal(.failed, failure.message, notes: failure.notes,
                              subject: failure.message.hasPrefix("no ") ? .unknownRecord : .request)
        }
    }
}

extension ClinicDataset {
    /// The account `--as` names: its email, found by the user's email or `_id`, by the `_id` of
    /// the doctor, patient or rep profile that points at it, or by a unique part of the name.
    /// Text that names nobody is returned as it is, so that signing in fails as for any unknown
    /// email (and costs the same).
    func signInEmail(for text: String) -> Result<String, CommandFailure> {
        let lookup = PersonLookup(ids: users.map(\.id.description), emails: users.map(\.email), names: users.map(\.name))
        switch lookup.find(text) {
        case .found(let index):
            return .success(users[Int(index)].email)
        case .ambiguous(let candidates):
            return .failure(CommandFailure(
                "--as \"\(text)\" matches \(candidates.count) users; give the email:",
                notes: candidates.prefix(10).map { "  \(users[Int($0)].name) <\(users[Int($0)].email)> (\(users[Int($0)].role.rawValue))" },
                exitStatus: ExitStatus.forbidden))
        case .notFound:
            let wanted = text.lowercased()
            let profiles = doctors.map { ($0.id, $0.userId) } + patients.map { ($0.id, $0.userId) }
                + medicalReps.map { ($0.id, $0.userId) }
            if let profile = profiles.first(where: { $0.0.description.lowercased() == wanted }),
               let user = users.first(where: { $0.id == profile.1 }) {
                return .success(user.email)
            }
            return .success(text)
        }
    }
}
