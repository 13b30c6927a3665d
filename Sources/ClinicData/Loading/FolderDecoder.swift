import Dispatch
import SlotSolver

/// Parses and types every collection file (on both cores, largest first: small files whole,
/// files over an eighth of the folder in parts, see `chunkPlans`), collects what the checks
/// between documents need, runs them, and assembles the `LoadedFolder`.
struct FolderDecoder {
    let files: [PendingFile]
    let timeZone: ClinicTimeZone
    var problems: ProblemList

    private var dataset = ClinicDataset()
    private var parsed: [CollectionName: ParsedFile] = [:]
    private var summaries: [CollectionName: CollectionSummary] = [:]

    /// A file split into documents, with what write-back needs.
    private struct ParsedFile {
        var fileName: String
        var contents: FileContents
        var file: DocumentFile
        var recordIndex: [Int?]
        var mode: ExtendedJSONMode?
        var careful: CarefulCount
    }

    /// Whether clean documents may take `CollectionFileDecoder`'s fast path.
    let fastPath: Bool

    /// Documents per chunk (nil: every file whole).
    let chunkSize: Int?
    static let defaultChunkSize: Int? = nil

    init(files: [PendingFile], timeZone: ClinicTimeZone, problems: ProblemList, fastPath: Bool = true,
         chunkSize: Int? = FolderDecoder.defaultChunkSize) {
        self.files = files
        self.timeZone = timeZone
        self.problems = problems
        self.fastPath = fastPath
        self.chunkSize = chunkSize
    }

    mutating func run(progress: LoadProgress? = nil) -> LoadedFolder {
        let bySize = files.map { ($0, PaddedFile.size($0.path)) }.sorted { $0.1 > $1.1 }
        let outcomes = Self.decodeInParallel(bySize.map(\.0), sizes: bySize.map(\.1), timeZone: timeZone,
                                             fastPath: fastPath, chunkSize: chunkSize, progress: progress)
        for collection in CollectionName.allCases {
            guard let outcome = outcomes[collection] else { continue }
            guard let decoded = outcome.decoded else {
                problems.append(outcome.problems)
                continue
            }
            decoded.store(&dataset)
            parsed[collection] = ParsedFile(fileName: outcome.fileName, contents: decoded.contents, file: decoded.documentFile,
                                            recordIndex: decoded.recordIndex, mode: decoded.mode, careful: decoded.careful)
            summaries[collection] = decoded.summary
            problems.append(outcome.problems)
        }
        progress?.report("checking references", 0)
        var checks = CrossChecks(summaries: summaries)
        checks.run()
        for (collection, position, problem) in checks.problems {
            problems.add(collection.order, position, problem)
        }
        let files = loadedFiles()
        let reading = files.map { file in
            let careful = parsed[file.collection]!.careful
            return FileReading(fileName: file.fileName, documents: file.documentCount, carefulDocuments: careful.documents,
                               firstCareful: careful.documents > 0 ? (careful.firstPosition, careful.firstReason) : nil)
        }
        let loaded = LoadedFolder(dataset: dataset, problems: problems.sorted(), files: files, reading: reading)
        // Millions of ids and references only the checks needed: freed on another thread, off
        // the caller's way.
        let garbage = Garbage(summaries)
        summaries = [:]
        DispatchQueue.global(qos: .utility).async { garbage.drop() }
        return loaded
    }

    /// Something large to free elsewhere.
    private final class Garbage: @unchecked Sendable {
        private var value: Any?
        init(_ value: Any) { self.value = value }
        func drop() { value = nil }
    }

    // MARK: - Typing

    /// A decoded file with its records type-erased, so that files of different collections can
    /// be decoded side by side.
    struct Outcome: @unchecked Sendable {
        var fileName: String
        /// nil when the file could not be read (`problems` says why).
        var decoded: Decoded?
        var problems: ProblemList

        struct Decoded {
            var store: (inout ClinicDataset) -> Void
            var contents: FileContents
            var documentFile: DocumentFile
            var recordIndex: [Int?]
            var mode: ExtendedJSONMode?
            var summary: CollectionSummary
            var careful: CarefulCount
        }

        init<Record: CollectionRecord>(_ file: CollectionFileBytes, _ decoded: DecodedFile<Record>) {
            let records = decoded.records
            fileName = file.fileName
            self.decoded = Decoded(store: { $0[keyPath: Record.records] = records }, contents: file.contents,
                                   documentFile: decoded.documentFile, recordIndex: decoded.recordIndex,
                                   mode: decoded.mode, summary: decoded.summary, careful: decoded.careful)
            problems = decoded.problems
        }

        init(unreadable file: PendingFile, _ problem: DataProblem) {
            fileName = file.fileName
            problems = ProblemList()
            problems.add(file.collection.order, 0, problem)
        }
    }

    /// Slots the worker threads write their results into, each its own.
    private final class Slots: @unchecked Sendable {
        var outcomes: [Outcome?]
        init(_ count: Int) { outcomes = Array(repeating: nil, count: count) }
    }

    /// Reads, splits and decodes every file on both cores: files are read and split in
    /// parallel; their documents are then decoded in chunks, large files first, each thread
    /// taking the next chunk; the thread that decodes a file's last chunk joins its chunks (or
    /// reads a file that needs the general path) at once, while the other goes on decoding: the
    /// largest file's join and id index no longer wait, one core idle, for the last small file.
    private static func decodeInParallel(_ files: [PendingFile], sizes: [Int], timeZone: ClinicTimeZone,
                                         fastPath: Bool, chunkSize: Int?,
                                         progress: LoadProgress?) -> [CollectionName: Outcome] {
        let plans = chunkSize.map { size in sizes.map { _ in ChunkPlan.documents(size) } } ?? chunkPlans(sizes)
        let jobs = zip(files, zip(sizes, plans)).map { file, sizeAndPlan in
            job(for: file, size: sizeAndPlan.0, timeZone: timeZone, fastPath: fastPath, chunks: sizeAndPlan.1)
        }
        DispatchQueue.concurrentPerform(iterations: jobs.count) { jobs[$0].prepare() }
        // (file, chunk) pairs, largest file first; a file without chunks (read the general way,
        // empty or unreadable) is one item that only finishes it.
        let work: [(file: Int, chunk: Int?)] = jobs.indices.flatMap { j in
            let count = jobs[j].chunkCount()
            return count == 0 ? [(j, nil)] : (0..<count).map { (j, $0) }
        }
        // Chunks decoded per file; the lock inside also makes every chunk's result visible to
        // the thread that joins them.
        let decoded = jobs.map { _ in ProgressCounter() }
        let done = ProgressCounter()
        let slots = Slots(jobs.count)
        slots.outcomes.withUnsafeMutableBufferPointer { buffer in
            let outcomes = SendablePointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                let (j, chunk) = work[i]
                if let chunk {
                    jobs[j].decodeChunk(chunk)
                    if decoded[j].add(1) == jobs[j].chunkCount() { outcomes.pointer[j] = jobs[j].finish() }
                } else {
                    outcomes.pointer[j] = jobs[j].finish()
                }
                progress?.report("loading", Double(done.add(1)) / Double(max(1, work.count)))
            }
        }
        var result: [CollectionName: Outcome] = [:]
        for (file, outcome) in zip(files, slots.outcomes) { result[file.collection] = outcome }
        return result
    }

    /// How each file (sizes largest first) is shared out: a file larger than an eighth of the
    /// folder is cut into parts of about that size, the others are read whole. Both cores take
    /// the next piece from one list, largest first, so they finish within a small piece of each
    /// other whatever each byte costs (rep visits cost more per byte than appointments) and
    /// whatever else runs on the machine; two parts sized by bytes alone left one core idle for
    /// a tenth of a second on an 80 MB export. The parts are joined in file order afterwards.
    static func chunkPlans(_ sizes: [Int]) -> [ChunkPlan] {
        let part = max(sizes.reduce(0, +) / 8, minimumPartBytes)
        return sizes.map { size in size > part ? .parts((size + part - 1) / part) : .whole }
    }

    /// Smaller files are read whole: a part costs a parser and a join.
    static let minimumPartBytes = 1 << 20

    private static func job(for pending: PendingFile, size: Int, timeZone: ClinicTimeZone,
                            fastPath: Bool, chunks: ChunkPlan) -> FileDecodingJob {
        struct Make: CollectionRecordVisitor {
            let pending: PendingFile, size: Int, fastPath: Bool, chunks: ChunkPlan, context: DecodingContext
            func visit<Record: CollectionRecord>(_: Record.Type) -> FileDecodingJob {
                FileDecodingJob(TypedFileDecodingJob<Record>(pending, size: size, fastPath: fastPath, chunks: chunks,
                                                             context: context))
            }
        }
        return pending.collection.with(Make(pending: pending, size: size, fastPath: fastPath, chunks: chunks,
                                            context: DecodingContext(timeZone: timeZone)))
    }

    static func readAndDecode(_ pending: PendingFile, timeZone: ClinicTimeZone, fastPath: Bool) -> Outcome {
        let file: CollectionFileBytes
        do {
            file = CollectionFileBytes(collection: pending.collection, fileName: pending.fileName,
                                       contents: try FileContents.read(pending.path))
        } catch {
            return Outcome(unreadable: pending, DataProblem(severity: .error, file: pending.fileName,
                                                            message: "cannot be read (\(error.reason))"))
        }
        struct Decode: CollectionRecordVisitor {
            let file: CollectionFileBytes, context: DecodingContext, fastPath: Bool
            func visit<Record: CollectionRecord>(_: Record.Type) -> Outcome {
                Outcome(file, CollectionFileDecoder<Record>(file: file, context: context).decode(fastPath: fastPath))
            }
        }
        return file.collection.with(Decode(file: file, context: DecodingContext(timeZone: timeZone), fastPath: fastPath))
    }

    // MARK: - Files

    /// Each file's layout and mode; a file that shows neither (empty, or no numbers and dates)
    /// takes the one most files of the folder use, so that it is written back like its siblings.
    private func loadedFiles() -> [LoadedFile] {
        let commonLayout = Self.mostCommon(parsed.values.compactMap(\.file.layout), default: .jsonArray)
        let commonMode = Self.mostCommon(parsed.values.compactMap(\.mode), default: .relaxed)
        return CollectionName.allCases.compactMap { collection in
            guard let parsed = parsed[collection] else { return nil }
            return LoadedFile(collection: collection, fileName: parsed.fileName,
                              layout: parsed.file.layout ?? commonLayout, mode: parsed.mode ?? commonMode,
                              contents: parsed.contents, documentRanges: parsed.file.documents.map(\.range),
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

/// A pointer handed to worker threads that each write their own elements.
private struct SendablePointer<Pointee>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Pointee>
    init(_ pointer: UnsafeMutablePointer<Pointee>) { self.pointer = pointer }
}
