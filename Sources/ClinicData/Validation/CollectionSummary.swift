/// What the checks between documents need from one collection file, gathered while its
/// documents are typed: every readable `_id` and reference, and the users' emails and roles.
struct CollectionSummary {
    struct Reference {
        var position: Int
        var field: String
        var target: DocumentID
    }

    let collection: CollectionName
    let fileName: String
    /// Whether every document could be read: references into an incomplete file are not checked.
    var isComplete = true
    /// The `_id` of each document (nil when missing or unreadable), by 0-based position.
    var ids: [DocumentID?] = []
    var references: [Reference] = []
    var emails: [(position: Int, email: String)] = []
    var roles: [(id: DocumentID, role: UserRole?)] = []

    init(collection: CollectionName, fileName: String) {
        self.collection = collection
        self.fileName = fileName
    }

    mutating func add(position: Int, id: DocumentID?, references found: [(field: String, id: DocumentID)]) {
        while ids.count < position - 1 { ids.append(nil) }
        ids.append(id)
        for reference in found { references.append(Reference(position: position, field: reference.field, target: reference.id)) }
    }

    mutating func addUser(position: Int, id: DocumentID?, object: JSONObject) {
        if case .string(let email)? = object["email"] { emails.append((position, email)) }
        guard let id else { return }
        var role: UserRole?
        if case .string(let text)? = object["role"] { role = UserRole(rawValue: text) ?? UserRole(rawValue: text.lowercased()) }
        roles.append((id, role))
    }

    /// The display `_id` of the document at 1-based `position`.
    func displayID(_ position: Int) -> String? {
        position - 1 < ids.count ? ids[position - 1]?.description : nil
    }
}
