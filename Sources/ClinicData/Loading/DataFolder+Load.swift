import Foundation
import SlotSolver

/// Reading, validating and writing data folders (one file per collection, as mongoexport writes).
public enum DataFolder {}

extension DataFolder {
    /// Reads and validates every file of `folder`. Never throws for bad content (that is
    /// `problems`); throws `DataFolderError` only when the folder itself cannot be read.
    /// `timeZone` is the clinic's zone, used to check that a dated appointment's `day` matches its date.
    ///
    /// - Complexity: O(n) in the total size of the files (plus O(d log d) to order d problems).
    /// `progress`, when given, hears the phase and fraction done, from the loading threads.
    ///
    /// Files are read and decoded in parallel, one per core, largest first.
    public static func load(from folder: URL, timeZone: ClinicTimeZone = .utc,
                            progress: LoadProgress? = nil) throws -> LoadedFolder {
        try load(from: folder, timeZone: timeZone, progress: progress, fastPath: true)
    }

    /// `fastPath: false` reads every file the general way only (tests compare the two).
    static func load(from folder: URL, timeZone: ClinicTimeZone, progress: LoadProgress?,
                     fastPath: Bool, chunkSize: Int? = FolderDecoder.defaultChunkSize) throws -> LoadedFolder {
        let path = folder.path
        switch FileIO.kind(of: path) {
        case .directory: break
        case .missing: throw DataFolderError(.folderNotFound, path: path, message: "no such folder")
        default: throw DataFolderError(.notAFolder, path: path, message: "is not a folder")
        }
        var problems = ProblemList()
        var pending: [CollectionName: PendingFile] = [:]
        var found = false
        for (order, collection) in CollectionName.allCases.enumerated() {
            guard let name = collection.acceptedFileNames.first(where: { FileIO.kind(of: path + "/" + $0) != .missing }) else {
                continue
            }
            found = true
            for other in collection.acceptedFileNames where other != name && FileIO.kind(of: path + "/" + other) != .missing {
                if FileIO.identity(of: path + "/" + other) != FileIO.identity(of: path + "/" + name) {
                    problems.add(order, 0, DataProblem(severity: .warning, file: other, message: "ignored because \(name) is also present"))
                }
            }
            guard FileIO.kind(of: path + "/" + name) == .file else {
                problems.add(order, 0, DataProblem(severity: .error, file: name, message: "not a regular file"))
                continue
            }
            pending[collection] = PendingFile(collection: collection, fileName: name, path: path + "/" + name)
        }
        guard found else {
            let names = CollectionName.allCases.map(\.defaultFileName).joined(separator: ", ")
            problems.add(0, 0, DataProblem(severity: .error, file: path, message: "no data files found (expected \(names))"))
            return LoadedFolder(dataset: ClinicDataset(), problems: problems.sorted(), files: [])
        }
        for (order, collection) in CollectionName.allCases.enumerated() where pending[collection] == nil {
            if collection.acceptedFileNames.contains(where: { FileIO.kind(of: path + "/" + $0) != .missing }) { continue }
            let also = collection.acceptedFileNames.dropFirst().map { " (\($0) is also accepted)" }.joined()
            problems.add(order, 0, DataProblem(severity: .error, file: collection.defaultFileName,
                                               message: "required file is missing\(also)"))
        }
        var decoder = FolderDecoder(files: Array(pending.values), timeZone: timeZone, problems: problems,
                                    fastPath: fastPath, chunkSize: chunkSize)
        return decoder.run(progress: progress)
    }
}

/// A collection file found in the folder, still to be read.
struct PendingFile: Sendable {
    let collection: CollectionName
    let fileName: String
    let path: String
}

/// A collection file as read from disk.
struct CollectionFileBytes {
    let collection: CollectionName
    let fileName: String
    let contents: FileContents
}

/// Problems tagged with where they belong, so that the final list reads in file order.
struct ProblemList {
    private var entries: [(collection: Int, position: Int, sequence: Int, problem: DataProblem)] = []

    mutating func add(_ collection: Int, _ position: Int, _ problem: DataProblem) {
        entries.append((collection, position, entries.count, problem))
    }

    mutating func append(_ other: ProblemList) {
        for entry in other.entries { add(entry.collection, entry.position, entry.problem) }
    }

    func sorted() -> [DataProblem] {
        entries.sorted { ($0.collection, $0.position, $0.sequence) < ($1.collection, $1.position, $1.sequence) }
            .map(\.problem)
    }
}
