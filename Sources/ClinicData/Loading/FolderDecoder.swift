import SlotSolver

/// Parses and types every collection file in one pass per file, collects what the checks
/// between documents need, runs them, and assembles the `LoadedFolder`.
struct FolderDecoder {
    let files: [CollectionName: CollectionFileBytes]
    let timeZone: ClinicTimeZone
    var problems: ProblemList

    private var dataset = ClinicDataset()
    private var parsed: [CollectionName: ParsedFile] = [:]
    private var summaries: [CollectionName: CollectionSummary] = [:]

    /// A file split into documents, with what write-back needs.
    private struct ParsedFile {
        var file: DocumentFile
        var recordIndex: [Int?]
        var mode: ExtendedJSONMode?
    }

    init(files: [CollectionName: CollectionFileBytes], timeZone: ClinicTimeZone, problems: ProblemList) {
        self.files = files
        self.timeZone = timeZone
        self.problems = problems
    }

    mutating func run() -> LoadedFolder {
        for collection in CollectionName.allCases {
            guard let file = files[collection] else { continue }
            decode(file)
        }
        var checks = CrossChecks(summaries: summaries)
        checks.run()
        for (collection, position, problem) in checks.problems {
            problems.add(Self.order(collection), position, problem)
        }
        return LoadedFolder(dataset: dataset, problems: problems.sorted(), files: loadedFiles())
    }

    static func order(_ collection: CollectionName) -> Int {
        CollectionName.allCases.firstIndex(of: collection)!
    }

    // MARK: - Typing

    private mutating func decode(_ file: CollectionFileBytes) {
        let zone = timeZone
        switch file.collection {
        case .users: dataset.users = decodeAll(file, RecordDecoders.user)
        case .doctors: dataset.doctors = decodeAll(file, RecordDecoders.doctor)
        case .patients: dataset.patients = decodeAll(file, RecordDecoders.patient)
        case .medicalReps: dataset.medicalReps = decodeAll(file, RecordDecoders.medicalRep)
        case .appointments: dataset.appointments = decodeAll(file) { RecordDecoders.appointment(&$0, timeZone: zone) }
        case .repVisits: dataset.repVisits = decodeAll(file, RecordDecoders.repVisit)
        case .schedules: dataset.schedules = decodeAll(file, RecordDecoders.schedule)
        case .clinicDays: dataset.clinicDays = decodeAll(file, RecordDecoders.clinicDay)
        }
    }

    /// Parses the file and types each document as soon as it is parsed; a document with any
    /// error is left out of the dataset.
    private mutating func decodeAll<Record>(_ file: CollectionFileBytes,
                                            _ decoder: (inout DocumentReader) -> Record?) -> [Record] {
        var records: [Record] = []
        var index: [Int?] = []
        var mode: ExtendedJSONMode?
        var summary = CollectionSummary(collection: file.collection, fileName: file.fileName)
        let order = Self.order(file.collection)
        var found = ProblemList()
        let isUsers = file.collection == .users
        let documentFile = file.bytes.withUnsafeBytes { bytes in
            DocumentFile.parse(bytes) { i, value in
                // Broken documents before this one (JSON Lines) have no record.
                while index.count < i { index.append(nil) }
                if mode == nil { mode = ExtendedJSON.modeEvidence(in: value) }
                guard case .object(let object) = value else {
                    found.add(order, i + 1, DataProblem(severity: .error, file: file.fileName, document: i + 1,
                                                        message: "the document is not an object (found \(foundText(value)))"))
                    index.append(nil)
                    return
                }
                var reader = DocumentReader(object: object, file: file.fileName, position: i + 1)
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
        }
        while index.count < documentFile.documents.count { index.append(nil) }
        reportSyntaxErrors(documentFile, file)
        problems.append(found)
        summary.isComplete = documentFile.isComplete
        summaries[file.collection] = summary
        parsed[file.collection] = ParsedFile(file: documentFile, recordIndex: index, mode: mode)
        return records
    }

    /// Each syntax error is filed under the document it broke (JSON Lines), or after the last
    /// document read (an array stops at its first error).
    private mutating func reportSyntaxErrors(_ documentFile: DocumentFile, _ file: CollectionFileBytes) {
        var errors = documentFile.syntaxErrors[...]
        let order = Self.order(file.collection)
        for (i, document) in documentFile.documents.enumerated() where !document.isReadable {
            guard let error = errors.popFirst() else { break }
            problems.add(order, i + 1, syntaxProblem(error, file.fileName))
        }
        for error in errors {
            problems.add(order, documentFile.documents.count + 1, syntaxProblem(error, file.fileName))
        }
    }

    private func syntaxProblem(_ error: JSONSyntaxError, _ fileName: String) -> DataProblem {
        DataProblem(severity: .error, file: fileName, message: error.message, line: error.line, column: error.column)
    }

    // MARK: - Files

    /// Each file's layout and mode; a file that shows neither (empty, or no numbers and dates)
    /// takes the one most files of the folder use, so that it is written back like its siblings.
    private func loadedFiles() -> [LoadedFile] {
        let commonLayout = Self.mostCommon(parsed.values.compactMap(\.file.layout), default: .jsonArray)
        let commonMode = Self.mostCommon(parsed.values.compactMap(\.mode), default: .relaxed)
        return CollectionName.allCases.compactMap { collection in
            guard let file = files[collection], let parsed = parsed[collection] else { return nil }
            return LoadedFile(collection: collection, fileName: file.fileName,
                              layout: parsed.file.layout ?? commonLayout, mode: parsed.mode ?? commonMode,
                              bytes: file.bytes, documentRanges: parsed.file.documents.map(\.range),
                              recordIndex: parsed.recordIndex)
        }
    }

    private static func mostCommon<Value: Hashable & CaseIterable>(_ values: [Value], default fallback: Value) -> Value {
        var counts: [Value: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        guard let best = counts.values.max() else { return fallback }
        return Value.allCases.first { counts[$0] == best } ?? fallback
    }
}
