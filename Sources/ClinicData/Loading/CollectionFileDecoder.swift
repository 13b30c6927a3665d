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
}

/// Parses and types one collection file.
///
/// The fast path lets simdjson validate each document (lines of a JSON Lines file, elements of
/// an array) and reads clean documents straight into records (`FastRecordDecoders`); a document
/// with anything to report is parsed again into a `JSONValue` and typed by `DocumentReader` and
/// `RecordDecoders`, which word every problem. A file that is not valid JSON throughout, or not
/// plainly delimited, is read entirely the general way (`DocumentFile.parse`), which explains
/// syntax errors with line and column. Both paths give the same result for the same file.
struct CollectionFileDecoder<Record: SummarizedRecord> {
    let file: CollectionFileBytes
    /// The collection's place in `CollectionName.allCases`, which orders problems.
    let order: Int
    let decoder: (inout DocumentReader) -> Record?
    let fastDecoder: (FastObject, inout RecentReferences) -> Record?

    /// - Complexity: O(n) in the file size.
    func decode(fastPath: Bool = true) -> DecodedFile<Record> {
        file.contents.withUnsafeBytes { bytes in
            if fastPath, let parser = SimdjsonParser(maxDepth: JSONParser.maxDepth,
                                                     readable: bytes.count + file.contents.readablePadding),
               let decoded = decodeFast(bytes, parser) {
                return decoded
            }
            return decodeGenerally(bytes)
        }
    }

    /// nil when the file needs the general path (a syntax error somewhere, or an unusual layout).
    private func decodeFast(_ bytes: UnsafeRawBufferPointer, _ parser: SimdjsonParser) -> DecodedFile<Record>? {
        guard let split = DocumentSplit.split(bytes, parser: parser),
              var state = decodeChunk(split, 0..<split.ranges.count, bytes, parser) else { return nil }
        return finish(split, &state)
    }

    // MARK: - In chunks

    /// Where the documents are (nil: the file needs the general path), for `decodeChunk`.
    func split() -> DocumentSplit? {
        file.contents.withUnsafeBytes { bytes in
            guard let parser = SimdjsonParser(maxDepth: JSONParser.maxDepth,
                                              readable: bytes.count + file.contents.readablePadding) else { return nil }
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
        var state = State(file: file, order: order, first: chunk.lowerBound)
        var recent = RecentReferences()
        state.records.reserveCapacity(chunk.count)
        state.index.reserveCapacity(chunk.count)
        state.summary.ids.reserveCapacity(chunk.count)
        state.summary.references.reserveCapacity(chunk.count * state.summary.referenceFields.count)
        for i in chunk {
            let range = split.ranges[i]
            switch parser.parseObject(bytes, range) {
            case .invalid:
                return nil
            case .object(let object):
                if state.mode != nil, let record = fastDecoder(object, &recent) {
                    state.add(i, record)
                    continue
                }
            case .notAnObject, .tooLarge:
                break
            }
            // The general reading of one document, which simdjson has found valid.
            var parser = JSONParser(bytes: bytes, position: range.lowerBound)
            guard let value = try? parser.parseValue() else { return nil }
            state.visit(i, value, decoder)
        }
        return state
    }

    /// The chunks' results, in file order, as one file.
    ///
    /// The chunks are moved out of `chunks` (left empty): each is dropped as soon as it is
    /// appended, and the first is extended in place rather than copied.
    func finish(_ split: DocumentSplit, _ chunks: inout [State]) -> DecodedFile<Record> {
        guard !chunks.isEmpty else {
            var empty = State(file: file, order: order, first: 0)
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

    /// The whole file read the general way.
    func decodeGenerally() -> DecodedFile<Record> {
        file.contents.withUnsafeBytes { decodeGenerally($0) }
    }

    private func decodeGenerally(_ bytes: UnsafeRawBufferPointer) -> DecodedFile<Record> {
        var state = State(file: file, order: order, first: 0)
        let documentFile = DocumentFile.parse(bytes) { i, value in state.visit(i, value, decoder) }
        return state.finish(documentFile)
    }

    // MARK: - Gathering

    /// What reading documents gathers; a chunk's state covers documents from `first` on.
    struct State {
        let fileName: String
        let order: Int
        let isUsers: Bool
        let first: Int
        var records: [Record] = []
        var index: [Int?] = []
        var mode: ExtendedJSONMode?
        var summary: CollectionSummary
        var found = ProblemList()

        init(file: CollectionFileBytes, order: Int, first: Int) {
            fileName = file.fileName
            self.order = order
            self.first = first
            isUsers = file.collection == .users
            summary = CollectionSummary(collection: file.collection, fileName: file.fileName, first: first)
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
            summary.append(next.summary)
        }

        /// A clean document read by the fast path.
        mutating func add(_ i: Int, _ record: Record) {
            summary.add(position: i + 1, record: record)
            if isUsers, let user = record as? User { summary.addUser(position: i + 1, user: user) }
            index.append(records.count)
            records.append(record)
        }

        /// A document read the general way; one with any error is left out of the records.
        mutating func visit(_ i: Int, _ value: JSONValue, _ decoder: (inout DocumentReader) -> Record?) {
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
            let record = decoder(&reader)
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
                               summary: summary, problems: problems)
        }

        private func syntaxProblem(_ error: JSONSyntaxError) -> DataProblem {
            DataProblem(severity: .error, file: fileName, message: error.message, line: error.line, column: error.column)
        }
    }
}
