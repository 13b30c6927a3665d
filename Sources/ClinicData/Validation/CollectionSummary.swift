/// What the checks between documents need from one collection file, gathered while its
/// documents are typed: every readable `_id` and reference, and the users' emails and roles.
///
/// Ids are kept packed (`PackedID`: two words, no reference counting), so that the millions of
/// ids and references of a large export cost neither retains while gathered nor releases when
/// dropped, and the checks compare integers; string ids keep their text in `texts`.
struct CollectionSummary {
    struct Reference {
        var position: Int32
        /// The field's place in the collection's `CollectionRecord.references`.
        var slot: UInt8
        var target: PackedID
    }

    let collection: CollectionName
    let fileName: String
    /// Whether every document could be read: references into an incomplete file are not checked.
    var isComplete = true
    /// The `_id` of each document (`.none` when missing or unreadable), by 0-based position.
    var ids: [PackedID] = []
    var references: [Reference] = []
    /// The text of each string id packed here, by `PackedID.textIndex`.
    var texts: [String] = []
    var emails: [(position: Int, email: String)] = []
    var roles: [(id: DocumentID, role: UserRole?)] = []

    /// The collection's reference fields, in `CollectionRecord.references` order.
    let referenceFields: [String]

    /// The 0-based position of the first document summarized here (a chunk of a file starts later).
    let first: Int

    init(collection: CollectionName, fileName: String, first: Int = 0) {
        self.collection = collection
        self.fileName = fileName
        self.first = first
        referenceFields = collection.referenceFields.map(\.field)
    }

    /// The summary of the next chunk of the same file, appended.
    mutating func append(_ next: CollectionSummary) {
        let offset = UInt64(texts.count)
        func moved(_ id: PackedID) -> PackedID { id.isText ? PackedID(a: id.a, b: id.b + offset) : id }
        ids.append(contentsOf: next.ids.lazy.map(moved))
        references.append(contentsOf: next.references.lazy.map {
            Reference(position: $0.position, slot: $0.slot, target: moved($0.target))
        })
        texts.append(contentsOf: next.texts)
        emails.append(contentsOf: next.emails)
        roles.append(contentsOf: next.roles)
        isComplete = isComplete && next.isComplete
    }

    /// Packs `id`, keeping a string id's text.
    mutating func pack(_ id: DocumentID) -> PackedID {
        let (packed, text) = DocumentIDIndex.packID(id)
        guard let text else { return packed }
        texts.append(text)
        return PackedID(a: packed.a, b: UInt64(3) << 62 | UInt64(texts.count - 1))
    }

    /// A string id's text (nil for ObjectIds and integers), as the indexes want it.
    func text(_ id: PackedID) -> String? { id.isText ? texts[id.textIndex] : nil }

    /// The id `pack` packed.
    func id(_ packed: PackedID) -> DocumentID? {
        packed.isNone ? nil : DocumentIDIndex.unpack(packed, text: text(packed))
    }

    mutating func add(position: Int, id: DocumentID?, references found: [(field: String, id: DocumentID)]) {
        while ids.count < position - 1 - first { ids.append(.none) }
        ids.append(id.map { pack($0) } ?? .none)
        for reference in found { addReference(position: position, field: reference.field, target: reference.id) }
    }

    /// A reference field the checks know (others are not checked, so not kept).
    @inline(__always) mutating func addReference(position: Int, field: String, target: DocumentID) {
        guard let slot = referenceFields.firstIndex(of: field) else { return }
        addReference(position: position, slot: slot, target: target)
    }

    @inline(__always) private mutating func addReference(position: Int, slot: Int, target: DocumentID) {
        // Packing an ObjectId or integer is a copy of its inline bytes: no cache of the last one pays.
        references.append(Reference(position: Int32(position), slot: UInt8(slot), target: pack(target)))
    }

    mutating func addUser(position: Int, id: DocumentID?, object: JSONObject) {
        if case .string(let email)? = object["email"] { emails.append((position, email)) }
        guard let id else { return }
        var role: UserRole?
        if case .string(let text)? = object["role"] { role = UserRole(rawValue: text) ?? UserRole(rawValue: text.lowercased()) }
        roles.append((id, role))
    }

    /// Every readable `_id` and the documents that repeat one, once `indexIDs()` has run.
    var indexedIDs: IndexedIDs?

    struct IndexedIDs {
        /// Each `_id` with the position of its first document.
        var index: DocumentIDIndex
        /// "_id is already used by document N" for each later document with the same `_id`.
        var duplicates: [(position: Int, problem: DataProblem)]
    }

    /// Indexes the ids and finds the repeated ones (the first of the checks between documents,
    /// which needs this file only, so each loading thread does it for its own files).
    ///
    /// - Complexity: O(n) expected.
    func indexIDs() -> IndexedIDs {
        var index = DocumentIDIndex(minimumCapacity: ids.count)
        var duplicates: [(position: Int, problem: DataProblem)] = []
        for (i, id) in ids.enumerated() where !id.isNone {
            guard let first = index.insertIfAbsent(id, text: text(id), Int32(i + 1)) else { continue }
            duplicates.append((i + 1, DataProblem(severity: .error, file: fileName, document: i + 1,
                                                  documentID: displayID(i + 1), field: "_id",
                                                  message: "is already used by document \(first)")))
        }
        return IndexedIDs(index: index, duplicates: duplicates)
    }

    /// The display `_id` of the document at 1-based `position`.
    func displayID(_ position: Int) -> String? {
        position - 1 < ids.count ? id(ids[position - 1])?.description : nil
    }
}

// MARK: - Clean documents

extension CollectionSummary {
    /// Records a document the fast path read cleanly: its `_id` and references (`references`,
    /// in `CollectionRecord.references` order, as `decode` reads them).
    @inline(__always) mutating func add<Record>(position: Int, record: Record, id: DocumentID,
                                                references: [(Record) -> DocumentID]) {
        while ids.count < position - 1 - first { ids.append(.none) }
        ids.append(pack(id))
        for slot in references.indices {
            addReference(position: position, slot: slot, target: references[slot](record))
        }
    }

    /// A clean user's email and role (what `addUser(position:id:object:)` reads from its document).
    mutating func addUser(position: Int, user: User) {
        emails.append((position, user.email))
        roles.append((user.id, user.role))
    }
}
