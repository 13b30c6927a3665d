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
        file.bytes.withUnsafeBytes { bytes in
            // simdjson reads a little past a document's end; `PaddedFile` leaves room for that.
            if fastPath, file.bytes.capacity - file.bytes.count >= SimdjsonParser.padding,
               let parser = SimdjsonParser(maxDepth: JSONParser.maxDepth),
               let decoded = decodeFast(bytes, parser) {
                return decoded
            }
            return decodeGenerally(bytes)
        }
    }

    /// nil when the file needs the general path (a syntax error somewhere, or an unusual layout).
    private func decodeFast(_ bytes: UnsafeRawBufferPointer, _ parser: SimdjsonParser) -> DecodedFile<Record>? {
        guard let split = DocumentSplit.split(bytes, parser: parser) else { return nil }
        var state = State(file: file, order: order)
        var recent = RecentReferences()
        state.records.reserveCapacity(split.ranges.count)
        state.index.reserveCapacity(split.ranges.count)
        state.summary.ids.reserveCapacity(split.ranges.count)
        state.summary.references.reserveCapacity(split.ranges.count * state.summary.referenceFields.count)
        for (i, range) in split.ranges.enumerated() {
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
        let documents = split.ranges.map { RawDocument(range: $0, isReadable: true) }
        return state.finish(DocumentFile(layout: split.layout, documents: documents, syntaxErrors: []))
    }

    private func decodeGenerally(_ bytes: UnsafeRawBufferPointer) -> DecodedFile<Record> {
        var state = State(file: file, order: order)
        let documentFile = DocumentFile.parse(bytes) { i, value in state.visit(i, value, decoder) }
        return state.finish(documentFile)
    }

    // MARK: - Gathering

    private struct State {
        let fileName: String
        let order: Int
        let isUsers: Bool
        var records: [Record] = []
        var index: [Int?] = []
        var mode: ExtendedJSONMode?
        var summary: CollectionSummary
        var found = ProblemList()

        init(file: CollectionFileBytes, order: Int) {
            fileName = file.fileName
            self.order = order
            isUsers = file.collection == .users
            summary = CollectionSummary(collection: file.collection, fileName: file.fileName)
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
            while index.count < i { index.append(nil) }
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
