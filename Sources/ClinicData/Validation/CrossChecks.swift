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
    private var known: [CollectionName: Set<DocumentID>] = [:]
    /// The role of each user, by `_id` (the first document when an `_id` repeats).
    private var roles: [DocumentID: UserRole?] = [:]

    init(summaries: [CollectionName: CollectionSummary]) {
        self.summaries = summaries
    }

    mutating func run() {
        for collection in CollectionName.allCases {
            guard let summary = summaries[collection] else { continue }
            checkDuplicateIDs(summary)
        }
        if let users = summaries[.users] {
            checkDuplicateEmails(users)
            for (id, role) in users.roles where roles[id] == nil { roles[id] = .some(role) }
        }
        check(.doctors, .users, role: .doctor)
        check(.patients, .users, role: .patient)
        check(.medicalReps, .users, role: .medicalRep)
        check(.appointments, .doctors, .patients)
        check(.repVisits, .doctors, .medicalReps)
        check(.schedules, .doctors)
        check(.clinicDays, .doctors)
    }

    private mutating func report(_ summary: CollectionSummary, _ position: Int, _ field: String, _ message: String) {
        let problem = DataProblem(severity: .error, file: summary.fileName, document: position,
                                  documentID: summary.displayID(position), field: field, message: message)
        problems.append((summary.collection, position, problem))
    }

    // MARK: - Checks

    private mutating func checkDuplicateIDs(_ summary: CollectionSummary) {
        var seen = Set<DocumentID>(minimumCapacity: summary.ids.count)
        // Positions are only needed to name the first holder of a repeated id, which is rare.
        var firstPosition: [DocumentID: Int]?
        for (i, id) in summary.ids.enumerated() {
            guard let id, !seen.insert(id).inserted else { continue }
            if firstPosition == nil {
                var positions: [DocumentID: Int] = [:]
                for (j, earlier) in summary.ids.enumerated() {
                    if let earlier, positions[earlier] == nil { positions[earlier] = j + 1 }
                }
                firstPosition = positions
            }
            report(summary, i + 1, "_id", "is already used by document \(firstPosition![id]!)")
        }
        if summary.isComplete { known[summary.collection] = seen }
    }

    private mutating func checkDuplicateEmails(_ users: CollectionSummary) {
        var first: [String: Int] = [:]
        for (position, email) in users.emails {
            let key = email.lowercased()
            if let earlier = first[key] {
                let earlierID = users.displayID(earlier).map { " (_id \($0))" } ?? ""
                report(users, position, "email",
                       "\(foundText(.string(email))) is already used by document \(earlier)\(earlierID) (emails are compared ignoring letter case)")
            } else {
                first[key] = position
            }
        }
    }

    /// Checks that each reference of `source` names a document of its target collection (the
    /// first target for the first reference field, and so on), and, for user references, that
    /// the user has `role`.
    private mutating func check(_ source: CollectionName, _ targets: CollectionName..., role: UserRole? = nil) {
        guard let summary = summaries[source] else { return }
        let fields = Self.referenceFields[source] ?? []
        for reference in summary.references {
            guard let slot = fields.firstIndex(of: reference.field), slot < targets.count else { continue }
            let target = targets[slot]
            guard let ids = known[target], let targetFile = summaries[target] else { continue }
            guard ids.contains(reference.target) else {
                report(summary, reference.position, reference.field,
                       "\(Self.text(reference.target)) does not match any _id in \(targetFile.fileName)"
                       + Self.lookalikeHint(reference.target, in: ids))
                continue
            }
            if let role, case .some(.some(let actual)) = roles[reference.target], actual != role {
                report(summary, reference.position, reference.field,
                       "\(Self.text(reference.target)) refers to a user whose role is \"\(actual.rawValue)\", not \"\(role.rawValue)\"")
            }
        }
    }

    /// An id as messages show it: strings quoted, so that the string "41" is not mistaken for
    /// the integer 41.
    static func text(_ id: DocumentID) -> String {
        if case .string(let text) = id { return foundText(.string(text)) }
        return id.description
    }

    /// Points out an id that differs only in type (`"41"` against `41`), a common export slip.
    static func lookalikeHint(_ id: DocumentID, in ids: Set<DocumentID>) -> String {
        var candidates: [DocumentID] = []
        switch id {
        case .string(let text):
            if let int = Int64(text) { candidates.append(.int(int)) }
            candidates.append(.objectId(text.lowercased()))
        case .int(let int): candidates.append(.string(String(int)))
        case .objectId(let hex): candidates.append(.string(hex))
        }
        guard let match = candidates.first(where: ids.contains) else { return "" }
        let kind = switch match {
        case .int: "the integer"
        case .objectId: "the ObjectId"
        case .string: "the string"
        }
        return " (there is \(kind) \(text(match)); the types must match)"
    }

    /// Each collection's reference fields, in the order `check` lists their targets.
    static let referenceFields: [CollectionName: [String]] = [
        .doctors: ["user_id"], .patients: ["user_id"], .medicalReps: ["user_id"],
        .appointments: ["doctor_id", "patient_id"], .repVisits: ["doctor_id", "rep_id"],
        .schedules: ["doctor_id"], .clinicDays: ["doctor_id"],
    ]
}
