/// A data folder as read: the typed dataset, every problem found, and what write-back needs to
/// change only what was edited (each file's name, layout, mode and original bytes).
public struct LoadedFolder: Sendable {
    /// The documents that loaded without errors, in file order. Complete only when `errors` is empty.
    public var dataset: ClinicDataset
    /// Errors and warnings, in file order (collections in `CollectionName.allCases` order).
    public var problems: [DataProblem]
    /// The collection files that were found, in `CollectionName.allCases` order.
    public let files: [LoadedFile]
    /// How each file found was read, in `files` order (for `--stats`).
    public let reading: [FileReading]
    /// The dataset exactly as loaded, the baseline write-back compares edits against.
    let loadedDataset: ClinicDataset

    init(dataset: ClinicDataset, problems: [DataProblem], files: [LoadedFile], reading: [FileReading] = []) {
        self.dataset = dataset
        self.problems = problems
        self.files = files
        self.reading = reading
        loadedDataset = dataset
    }

    public var errors: [DataProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [DataProblem] { problems.filter { $0.severity == .warning } }

    public func file(_ collection: CollectionName) -> LoadedFile? {
        files.first { $0.collection == collection }
    }

    /// The folder as `DataFolder.write(edited, basedOn: self, …)` left it, without reading it
    /// again (a server keeps writing the folder it holds in memory): `edited` is the dataset,
    /// over the same files and baseline. A later write based on it rewrites the original bytes
    /// with every edit since, which writes the same documents as reading the written folder
    /// and applying only the newer edits.
    public func written(_ edited: ClinicDataset) -> LoadedFolder {
        var folder = self
        folder.dataset = edited
        return folder
    }
}

/// One collection file as read.
public struct LoadedFile: Sendable {
    public let collection: CollectionName
    /// The name found on disk (`Schedules.json` stays `Schedules.json`).
    public let fileName: String
    public let layout: FileLayout
    public let mode: ExtendedJSONMode
    /// The file's bytes and each top-level document's byte range in them.
    var bytes: [UInt8] { contents.bytes }
    let contents: FileContents
    let documentRanges: [Range<Int>]
    /// For each document, its index in the loaded dataset's array for this collection, or nil
    /// when it did not load (such documents are written back untouched).
    let recordIndex: [Int?]

    public var documentCount: Int { documentRanges.count }

    init(collection: CollectionName, fileName: String, layout: FileLayout, mode: ExtendedJSONMode,
         contents: FileContents, documentRanges: [Range<Int>], recordIndex: [Int?]) {
        self.collection = collection
        self.fileName = fileName
        self.layout = layout
        self.mode = mode
        self.contents = contents
        self.documentRanges = documentRanges
        self.recordIndex = recordIndex
    }

    init(collection: CollectionName, fileName: String, layout: FileLayout, mode: ExtendedJSONMode,
         bytes: [UInt8], documentRanges: [Range<Int>], recordIndex: [Int?]) {
        self.init(collection: collection, fileName: fileName, layout: layout, mode: mode,
                  contents: FileContents(bytes), documentRanges: documentRanges, recordIndex: recordIndex)
    }
}

/// How the loader read one file: how many of its documents took the careful path (parsed again
/// and decoded with messages) rather than the fast one, and why the first of them did, so that
/// a slow export explains itself.
public struct FileReading: Sendable, Equatable {
    public let fileName: String
    public let documents: Int
    public let carefulDocuments: Int
    /// The 1-based position of the first careful document and the reason (nil when there is none).
    public let firstCareful: (position: Int, reason: String)?

    public static func == (a: FileReading, b: FileReading) -> Bool {
        a.fileName == b.fileName && a.documents == b.documents && a.carefulDocuments == b.carefulDocuments
            && a.firstCareful?.position == b.firstCareful?.position && a.firstCareful?.reason == b.firstCareful?.reason
    }

    /// One line for `--stats`: `appointments.json: 12 of 239356 documents read the careful way (first: document 1, …)`.
    public var summary: String {
        guard let first = firstCareful else { return "\(fileName): all \(documents) documents read the fast way" }
        return "\(fileName): \(carefulDocuments) of \(documents) documents read the careful way "
            + "(first: document \(first.position), \(first.reason))"
    }
}
