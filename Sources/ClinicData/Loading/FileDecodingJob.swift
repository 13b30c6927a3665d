import SlotSolver

/// One collection file's decoding, in three steps that `FolderDecoder` runs on both cores:
/// `prepare` reads the file and finds its documents; `decodeChunk` reads one chunk of them (a
/// large file gives several chunks, so that both cores share it); `finish` joins the chunks in
/// file order, or reads the whole file the general way when it needs to.
///
/// The record type is erased by closures made where it is known (`init`), so that each step runs
/// in code specialized for its type; a protocol over the generic class would run it unspecialized.
final class FileDecodingJob: @unchecked Sendable {
    /// The file's size, to order the work (largest first).
    let size: Int
    /// Reads the file and splits it; afterwards `chunkCount` is known.
    let prepare: () -> Void
    let chunkCount: () -> Int
    /// Decodes chunk `k`; each chunk is decoded once, by one thread.
    let decodeChunk: (Int) -> Void
    let finish: () -> FolderDecoder.Outcome

    init<Record>(_ job: TypedFileDecodingJob<Record>) {
        size = job.size
        prepare = { job.prepare() }
        chunkCount = { job.chunkCount }
        decodeChunk = { job.decodeChunk($0) }
        finish = { job.finish() }
    }
}

/// A `FileDecodingJob` for one collection's record type.
final class TypedFileDecodingJob<Record: CollectionRecord>: @unchecked Sendable {
    private let pending: PendingFile
    private let fastPath: Bool
    private let plan: ChunkPlan
    private let context: DecodingContext
    let size: Int

    private var file: CollectionFileBytes?
    private var unreadable: DataProblem?
    private var decoder: CollectionFileDecoder<Record>?
    private var split: DocumentSplit?
    /// Why the file is read the general way, when it is.
    private var generalReason = CarefulReason.fastPathOff
    private var chunks: [Range<Int>] = []
    /// One slot per chunk, written by whichever thread decodes that chunk.
    private var results: UnsafeMutableBufferPointer<CollectionFileDecoder<Record>.State?> = .init(start: nil, count: 0)
    private var failed: UnsafeMutableBufferPointer<Bool> = .init(start: nil, count: 0)

    init(_ pending: PendingFile, size: Int, fastPath: Bool, chunks: ChunkPlan, context: DecodingContext) {
        self.pending = pending
        plan = chunks
        self.size = size
        self.fastPath = fastPath
        self.context = context
    }

    deinit {
        if results.baseAddress != nil {
            results.deinitialize()
            results.deallocate()
            failed.deallocate()
        }
    }

    func prepare() {
        do {
            file = CollectionFileBytes(collection: pending.collection, fileName: pending.fileName,
                                       contents: try FileContents.read(pending.path))
        } catch {
            unreadable = DataProblem(severity: .error, file: pending.fileName, message: "cannot be read (\(error.reason))")
            return
        }
        let decoder = CollectionFileDecoder<Record>(file: file!, context: context)
        self.decoder = decoder
        guard fastPath else { return }
        let split: DocumentSplit
        switch decoder.split() {
        case .documents(let documents): split = documents
        case .general(let reason): generalReason = reason; return
        }
        self.split = split
        let count = split.ranges.count
        switch plan {
        case .whole:
            chunks = count > 0 ? [0..<count] : []
        case .documents(let size):
            let chunkSize = max(1, size)
            chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min(count, $0 + chunkSize) }
        case .parts(let parts):
            let parts = max(1, parts)
            chunks = (0..<parts).map { k in count * k / parts ..< count * (k + 1) / parts }.filter { !$0.isEmpty }
        }
        results = .allocate(capacity: chunks.count)
        results.initialize(repeating: nil)
        failed = .allocate(capacity: chunks.count)
        failed.initialize(repeating: false)
    }

    var chunkCount: Int { chunks.count }

    func decodeChunk(_ k: Int) {
        guard let decoder, let split else { return }
        if let state = decoder.decodeChunk(split, chunks[k]) {
            results[k] = state
        } else {
            failed[k] = true
        }
    }

    func finish() -> FolderDecoder.Outcome {
        guard let file, let decoder else {
            return FolderDecoder.Outcome(unreadable: pending, unreadable!)
        }
        if let split, !failed.contains(true) {
            // Taken out of the slots, so that joining them frees each as it goes.
            var states: [CollectionFileDecoder<Record>.State] = []
            states.reserveCapacity(results.count)
            for k in results.indices {
                states.append(results[k].take()!)
            }
            return FolderDecoder.Outcome(file, decoder.finish(split, &states))
        }
        return FolderDecoder.Outcome(file, decoder.decodeGenerally(reason: split == nil ? generalReason : CarefulReason.syntax))
    }
}

/// How a file's documents are shared out.
enum ChunkPlan: Sendable, Equatable {
    case whole
    /// Chunks of this many documents (tests use tiny ones).
    case documents(Int)
    /// This many chunks of (nearly) as many documents each: a large file is shared between the
    /// cores (see `FolderDecoder.chunkPlans`).
    case parts(Int)
}
