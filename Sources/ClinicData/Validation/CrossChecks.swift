import Dispatch

/// The checks that need more than one document: duplicate `_id`s within a collection, duplicate
/// emails, references to documents that do not exist, and references to a user of the wrong role.
///
/// They work on every readable id, so a document with an unrelated bad field still has its
/// references checked, and a reference to such a document is not reported as dangling. References
/// into a file that is missing or not fully readable are not checked: that file's own error says
/// enough, and guessing would only add noise.
struct CrossChecks {
    let summaries: [CollectionName: CollectionSummary]
    private(set) var problems: [(CollectionName, Int, DataProblem)] = []

    /// Every readable `_id` of each collection that can be checked against.
    private var known: [CollectionName: DocumentIDIndex] = [:]
    /// The role of each user, by `_id` (the first document when an `_id` repeats), as its
    /// place in `UserRole.allCases` (-1: not a known role).
    private var roles = DocumentIDIndex()

    init(summaries: [CollectionName: CollectionSummary]) {
        self.summaries = summaries
    }

    mutating func run() {
        for collection in CollectionName.allCases {
            guard let summary = summaries[collection] else { continue }
            // The loader's threads have usually indexed each file's ids already.
            let indexed = summary.indexedIDs ?? summary.indexIDs()
            problems += indexed.duplicates.map { (collection, $0.position, $0.problem) }
            if summary.isComplete { known[collection] = indexed.index }
        }
        if let users = summaries[.users] {
            roles = DocumentIDIndex(minimumCapacity: users.roles.count)
            for (id, role) in users.roles {
                roles.insertIfAbsent(id, Int32(role.flatMap { UserRole.allCases.firstIndex(of: $0) } ?? -1))
            }
        }
        // The collection with the most references (usually the appointments) on one core, the
        // rest on the other; each collection's problems come from one part, in their usual order.
        let sources = CollectionName.allCases.filter { !$0.referenceFields.isEmpty && summaries[$0] != nil }
        let largest = sources.max { summaries[$0]!.references.count < summaries[$1]!.references.count }
        let parts = Parts(self)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                if let largest { parts.checks[0].check(largest) }
                return
            }
            if let users = parts.checks[1].summaries[.users] { parts.checks[1].checkDuplicateEmails(users) }
            for source in sources where source != largest { parts.checks[1].check(source) }
        }
        problems += parts.checks[1].problems + parts.checks[0].problems
    }

    /// Two copies of the checks (with no problems yet), one per core. Each thread works on its
    /// own element only.
    private final class Parts: @unchecked Sendable {
        var checks: UnsafeMutableBufferPointer<CrossChecks>

        init(_ base: CrossChecks) {
            var copy = base
            copy.problems = []
            checks = .allocate(capacity: 2)
            checks.initialize(repeating: copy)
        }

        deinit {
            checks.deinitialize()
            checks.deallocate()
        }
    }

    private mutating func report(_ summary: CollectionSummary, _ position: Int32, _ field: String, _ message: String) {
        report(summary, Int(position), field, message)
    }

    private mutating func report(_ summary: CollectionSummary, _ position: Int, _ field: String, _ message: String) {
        let problem = DataProblem(severity: .error, file: summary.fileName, document: position,
                                  documentID: summary.displayID(position), field: field, message: message)
        problems.append((summary.collection, position, problem))
    }

    // MARK: - Checks

    private mutating func checkDuplicateEmails(_ users: CollectionSummary) {
        var first: [String: Int] = [:]
        first.reserveCapacity(users.emails.count)
        for (position, email) in users.emails {
            // Most emails are lowercase already: no new string for those.
            let key = email.utf8.contains(where: { $0 >= 65 && $0 <= 90 || $0 >= 0x80 }) ? email.lowercased() : email
            if let earlier = first[key] {
                let earlierID = users.displayID(earlier).map { " (_id \($0))" } ?? ""
                report(users, position, "email",
                       "\(foundText(.string(email))) is already used by document \(earlier)\(earlierID) (emails are compared ignoring letter case)")
            } else {
                first[key] = position
            }
        }
    }

    /// Checks that each reference of `source` names a document of the collection its field
    /// names (`CollectionRecord.references`), and, for user references, that the user has the
    /// field's role.
    private mutating func check(_ source: CollectionName) {
        guard let summary = summaries[source] else { return }
        let fields = summary.referenceFields
        let targets = source.referenceFields.map(\.target)
        let requiredRoles = source.referenceFields.map(\.role)
        // Looked up once per target rather than once per reference.
        let targetIndexes = targets.map { known[$0] }
        let targetFiles = targets.map { summaries[$0] }
        // The last reference of each field found good: consecutive documents often repeat it
        // (the same doctor), and then it is the very same string, compared at once.
        var lastGood: [PackedID] = Array(repeating: .none, count: targets.count)
        let references = summary.references
        let ahead = 12
        for (i, reference) in references.enumerated() {
            // The probe of a reference a few steps on is started now: the targets are random, so
            // each would otherwise wait for memory.
            if i + ahead < references.count {
                let next = references[i + ahead]
                if Int(next.slot) < targets.count, !next.target.isText { targetIndexes[Int(next.slot)]?.prefetch(next.target) }
            }
            let slot = Int(reference.slot)
            guard slot < targets.count, let ids = targetIndexes[slot], let targetFile = targetFiles[slot] else {
                continue
            }
            let target = reference.target
            // Only an ObjectId or integer is equal by its packed form alone.
            if !target.isText, lastGood[slot] == target { continue }
            let text = summary.text(target)
            guard ids.value(for: target, text: text) != nil else {
                let id = summary.id(target)!
                report(summary, reference.position, fields[slot],
                       "\(Self.text(id)) does not match any _id in \(targetFile.fileName)"
                       + Self.lookalikeHint(id, in: ids))
                continue
            }
            if let role = requiredRoles[slot], let actualIndex = roles.value(for: target, text: text), actualIndex >= 0,
               case let actual = UserRole.allCases[Int(actualIndex)], actual != role {
                report(summary, reference.position, fields[slot],
                       "\(Self.text(summary.id(target)!)) refers to a user whose role is \"\(actual.rawValue)\", not \"\(role.rawValue)\"")
                continue
            }
            lastGood[slot] = target
        }
    }

    /// An id as messages show it: strings quoted, so that the string "41" is not mistaken for
    /// the integer 41.
    static func text(_ id: DocumentID) -> String {
        if case .string(let text) = id { return foundText(.string(text)) }
        return id.description
    }

    /// Points out an id that differs only in type (`"41"` against `41`), a common export slip.
    static func lookalikeHint(_ id: DocumentID, in ids: DocumentIDIndex) -> String {
        var candidates: [DocumentID] = []
        switch id {
        case .string(let text):
            if let int = Int64(text) { candidates.append(.int(int)) }
            if let oid = ObjectID(hex: text) { candidates.append(.objectId(oid)) }
        case .int(let int): candidates.append(.string(String(int)))
        case .objectId(let oid): candidates.append(.string(oid.hex))
        }
        guard let match = candidates.first(where: { ids.contains($0) }) else { return "" }
        let kind = switch match {
        case .int: "the integer"
        case .objectId: "the ObjectId"
        case .string: "the string"
        }
        return " (there is \(kind) \(text(match)); the types must match)"
    }
}
