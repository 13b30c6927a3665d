import SlotSolver

/// One collection file decoded: its typed records, what write-back needs, what the checks
/// between documents need, and the problems found inside its documents.
struct DecodedFile<Record> {
    var records: [Record]
    var documentFile: DocumentFile
    /// For each document, its index in `records`, or nil when it did not load.
    var recordIndex: [Int?]
    var mode: ExtendedJSONMode?
    var summary: CollectionSummary
    var problems: ProblemList
    /// The documents that took the careful path.
    var careful: CarefulCount
}

/// How many documents of a file (or chunk) took the careful path, and why the first did.
struct CarefulCount: Sendable {
    var documents = 0
    var firstPosition = 0
    var firstReason = ""

    mutating func append(_ next: CarefulCount) {
        if documents == 0 { firstPosition = next.firstPosition; firstReason = next.firstReason }
        documents += next.documents
    }
}

/// Why documents take the careful path, beyond a field the fast reader could not take.
enum CarefulReason {
    static let syntax = "a document is not valid JSON (or repeats a key), so the whole file is read the careful way"
    static let fastPathOff = "the fast path is off"
    static let noParser = "simdjson could not allocate its parser"
    static let notAnObject = "the document is not an object"
    static let tooLarge = "the document has more than \(SimdjsonParser.memberCapacity) fields"
}

/// Parses and types one collection file.
///
/// The fast path lets simdjson validate each document (lines of a JSON Lines file, elements of
/// an array, concatenated pretty-printed documents) and decodes it over `FastFieldReader`; a
/// document with anything to report is parsed again into a `JSONValue` and decoded over
/// `DocumentReader`, which words every problem (the same `CollectionRecord.decode` both times).
/// A file that is not valid JSON throughout, or not plainly delimited, is read entirely the
/// general way (`DocumentFile.parse`), which explains syntax errors with line and column. Both
/// paths give the same result for the same file.
struct CollectionFileDecoder<Record: CollectionRecord> {
    let file: CollectionFileBytes
    let context: DecodingContext

    /// The collection's place in `CollectionName.allCases`, which orders problems.
    var order: Int { Record.collection.order }

    /// - Complexity: O(n) in the file size.
    func decode(fastPath: Bool = true) -> DecodedFile<Record> {
        file.contents.withUnsafeBytes { bytes in
            if fastPath, let parser = SimdjsonParser(maxDepth: JSONParser.maxDepth,
                                                     readable: bytes.count + file.contents.readablePadding) {
                switch DocumentSplit.split(bytes, parser: parser) {
                case .documents(let split):
                    if var state = decodeChunk(split, 0..<split.ranges.count, bytes, parser) { return finish(split, &state) }
                    return decodeGenerally(bytes, reason: CarefulReason.syntax)
                case .general(let reason):
                    return decodeGenerally(bytes, reason: reason)
                }
            }
            return decodeGenerally(bytes, reason: CarefulReason.fastPathOff)
        }
    }

    // MARK: - In chunks

    /// Where the documents are, for `decodeChunk` (or why the file needs the general path).
    func split() -> DocumentSplit.Outcome {
        file.contents.withUnsafeBytes { bytes in
            guard let parser = SimdjsonParser(maxDepth: JSONParser.maxDepth,
                                              readable: bytes.count + file.contents.readablePadding) else {
                return .general(CarefulReason.noParser)
            }
            return DocumentSplit.split(bytes, parser: parser)
        }
    }

    /// Documents `chunk` of `split`, read the fast way (any thread may read any chunk); nil when
    /// one of them is not valid JSON, and the file needs the general path.
    func decodeChunk(_ split: DocumentSplit, _ chunk: Range<Int>) -> State? {
        file.contents.withUnsafeBytes { bytes in
            guard let parser = SimdjsonParser(maxDepth: JSONParser.maxDepth,
                                              readable: bytes.count + file.contents.readablePadding) else { return nil }
            return decodeChunk(split, chunk, bytes, parser)
        }
    }

    private func decodeChunk(_ split: DocumentSplit, _ chunk: Range<Int>, _ bytes: UnsafeRawBufferPointer,
                             _ parser: SimdjsonParser) -> State? {
        var state = State(file: file, first: chunk.lowerBound)
        var reader = FastFieldReader(FastObject(UnsafeBufferPointer(start: nil, count: 0)))
        state.records.reserveCapacity(chunk.count)
        state.index.reserveCapacity(chunk.count)
        state.summary.ids.reserveCapacity(chunk.count)
        state.summary.references.reserveCapacity(chunk.count * state.references.count)
        for i in chunk {
            let range = split.ranges[i]
            switch parser.parseObject(bytes, range) {
            case .invalid:
                return nil
            case .object(let object):
                reader.begin(object)
                if let record = Record.decode(&reader, context), !reader.hasErrors {
                    if state.mode == nil { state.mode = FastExtendedJSON.modeEvidence(in: object) }
                    state.add(i, record)
                    continue
                }
                state.noteCareful(i, reader.firstFailure.map { "field \($0.field): \($0.kind.rawValue)" } ?? "")
            case .notAnObject:
                state.noteCareful(i, CarefulReason.notAnObject)
            case .tooLarge:
                state.noteCareful(i, CarefulReason.tooLarge)
            }
            // The general reading of one document, which simdjson has found valid.
            var parser = JSONParser(bytes: bytes, position: range.lowerBound)
            guard let value = try? parser.parseValue() else { return nil }
            state.visit(i, value, context)
        }
        return state
    }

    /// The chunks' results, in file order, as one file.
    ///
    /// The chunks are moved out of `chunks` (left empty): each is dropped as soon as it is
    /// appended, and the first is extended in place rather than copied.
    func finish(_ split: DocumentSplit, _ chunks: inout [State]) -> DecodedFile<Record> {
        guard !chunks.isEmpty else {
            var empty = State(file: file, first: 0)
            return finish(split, &empty)
        }
        chunks.reverse()
        var state = chunks.removeLast()
        state.reserveCapacity(adding: chunks)
        while let next = chunks.popLast() { state.append(next) }
        return finish(split, &state)
    }

    private func finish(_ split: DocumentSplit, _ state: inout State) -> DecodedFile<Record> {
        let documents = split.ranges.map { RawDocument(range: $0, isReadable: true) }
        return state.finish(DocumentFile(layout: split.layout, documents: documents, syntaxErrors: []))
    }

    /// The whole file read the general way, for `reason`.
    func decodeGenerally(reason: String) -> DecodedFile<Record> {
        file.contents.withUnsafeBytes { decodeGenerally($0, reason: reason) }
    }

    private func decodeGenerally(_ bytes: UnsafeRawBufferPointer, reason: String) -> DecodedFile<Record> {
        var state = State(file: file, first: 0)
        let documentFile = DocumentFile.parse(bytes) { i, value in state.visit(i, value, context) }
        state.careful = CarefulCount(documents: documentFile.documents.count, firstPosition: 1, firstReason: reason)
        return state.finish(documentFile)
    }

    // MARK: - Gathering

    /// What reading documents gathers; a chunk's state covers documents from `first` on.
    struct State {
        let fileName: String
        let order: Int
        let isUsers: Bool
        let first: Int
        /// How to read each reference of a record, in `Record.references` order.
        let references: [(Record) -> DocumentID]
        var records: [Record] = []
        var index: [Int?] = []
        var mode: ExtendedJSONMode?
        var summary: CollectionSummary
        var found = ProblemList()
        var careful = CarefulCount()

        init(file: CollectionFileBytes, first: Int) {
            fileName = file.fileName
            order = Record.collection.order
            self.first = first
            isUsers = Record.self == User.self
            references = Record.references.map(\.value)
            summary = CollectionSummary(collection: Record.collection, fileName: file.fileName, first: first)
        }

        /// Document `i` needs the careful path, for `reason`.
        mutating func noteCareful(_ i: Int, _ reason: @autoclosure () -> String) {
            if careful.documents == 0 { careful.firstPosition = i + 1; careful.firstReason = reason() }
            careful.documents += 1
        }

        /// Room for the chunks still to come, so that appending them moves nothing twice.
        mutating func reserveCapacity(adding chunks: [State]) {
            records.reserveCapacity(records.count + chunks.reduce(0) { $0 + $1.records.count })
            index.reserveCapacity(index.count + chunks.reduce(0) { $0 + $1.index.count })
            summary.ids.reserveCapacity(summary.ids.count + chunks.reduce(0) { $0 + $1.summary.ids.count })
            summary.references.reserveCapacity(summary.references.count
                                               + chunks.reduce(0) { $0 + $1.summary.references.count })
        }

        /// The next chunk's state, appended.
        mutating func append(_ next: State) {
            let offset = records.count
            records.append(contentsOf: next.records)
            index.append(contentsOf: next.index.lazy.map { $0.map { $0 + offset } })
            if mode == nil { mode = next.mode }
            found.append(next.found)
            careful.append(next.careful)
            summary.append(next.summary)
        }

        /// A clean document read by the fast path.
        mutating func add(_ i: Int, _ record: Record) {
            summary.add(position: i + 1, record: record, id: record.id, references: references)
            if isUsers, let user = record as? User { summary.addUser(position: i + 1, user: user) }
            index.append(records.count)
            records.append(record)
        }

        /// A document read the general way; one with any error is left out of the records.
        mutating func visit(_ i: Int, _ value: JSONValue, _ context: DecodingContext) {
            // Broken documents before this one (JSON Lines) have no record.
            while index.count < i - first { index.append(nil) }
            if mode == nil { mode = ExtendedJSON.modeEvidence(in: value) }
            guard case .object(let object) = value else {
                found.add(order, i + 1, DataProblem(severity: .error, file: fileName, document: i + 1,
                                                    message: "the document is not an object (found \(foundText(value)))"))
                index.append(nil)
                return
            }
            var reader = DocumentReader(object: object, file: fileName, position: i + 1)
            let record = Record.decode(&reader, context)
            for problem in reader.problems { found.add(order, i + 1, problem) }
            summary.add(position: i + 1, id: reader.documentID, references: reader.references)
            if isUsers { summary.addUser(position: i + 1, id: reader.documentID, object: object) }
            if let record, !reader.hasErrors {
                index.append(records.count)
                records.append(record)
            } else {
                index.append(nil)
            }
        }

        mutating func finish(_ documentFile: DocumentFile) -> DecodedFile<Record> {
            while index.count < documentFile.documents.count { index.append(nil) }
            summary.isComplete = documentFile.isComplete
            summary.indexedIDs = summary.indexIDs()
            var problems = ProblemList()
            // Each syntax error is filed under the document it broke (JSON Lines), or after the
            // last document read (an array stops at its first error).
            var errors = documentFile.syntaxErrors[...]
            for (i, document) in documentFile.documents.enumerated() where !document.isReadable {
                guard let error = errors.popFirst() else { break }
                problems.add(order, i + 1, syntaxProblem(error))
            }
            for error in errors {
                problems.add(order, documentFile.documents.count + 1, syntaxProblem(error))
            }
            problems.append(found)
            return DecodedFile(records: records, documentFile: documentFile, recordIndex: index, mode: mode,
                               summary: summary, problems: problems, careful: careful)
        }

        private func syntaxProblem(_ error: JSONSyntaxError) -> DataProblem {
            DataProblem(severity: .error, file: fileName, message: error.message, line: error.line, column: error.column)
        }
    }
}
