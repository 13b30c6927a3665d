import SlotSolver

/// What reading one collection file found, for measuring the loader file by file.
public struct CollectionFileStats: Sendable {
    public let bytes: Int
    public let documents: Int
    /// Documents that loaded without errors.
    public let records: Int
    public let problems: Int
    /// Documents that took the careful path (parsed again and decoded with messages).
    public let carefulDocuments: Int
    /// The decoded file itself, opaque.
    public let keepAlive: any Sendable
}

extension DataFolder {
    /// Reads, parses, types and validates one collection file on its own, exactly as `load`
    /// does for each file on one of its threads (everything except the checks between files).
    /// The benchmarks time it to give the loader's throughput per collection.
    ///
    /// - Complexity: O(n) in the file size.
    /// The result keeps the decoded records alive in `keepAlive`, so that a caller timing the
    /// read can free them outside its measurement (as a command keeps them until it exits).
    public static func loadFile(_ path: String, as collection: CollectionName,
                                timeZone: ClinicTimeZone = .utc) throws -> CollectionFileStats {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let outcome = FolderDecoder.readAndDecode(PendingFile(collection: collection, fileName: name, path: path),
                                                  timeZone: timeZone, fastPath: true)
        guard let decoded = outcome.decoded else {
            throw DataFolderError(.folderNotFound, path: path, message: outcome.problems.sorted().first?.message ?? "unreadable")
        }
        let documents = decoded.documentFile.documents.count
        return CollectionFileStats(bytes: decoded.contents.count, documents: documents,
                                   records: decoded.recordIndex.lazy.filter { $0 != nil }.count,
                                   problems: outcome.problems.sorted().count, carefulDocuments: decoded.careful.documents,
                                   keepAlive: outcome)
    }
}
