import Foundation

extension DataFolder {
    /// Writes `edited` back into `folder` (the loaded folder or another one): unchanged documents
    /// keep their exact original text; edited documents keep their other fields, key order and
    /// formatting; documents whose `_id` is gone are removed; new documents are appended, all in
    /// each file's own layout and Extended JSON mode. Documents that did not load are kept as
    /// they were. All changed files are one `FolderTransaction`: every one of them is replaced,
    /// or none (a file whose bytes would not change is not rewritten). `audit`, when given, is
    /// appended to the folder's `audit.jsonl` as part of the same change. Callers that share
    /// the folder hold its exclusive `FolderLock`. A folder whose collection files are symbolic
    /// links is refused.
    ///
    /// - Complexity: O(size of the files + edited records).
    public static func write(_ edited: ClinicDataset, basedOn original: LoadedFolder, to folder: URL,
                             audit: AuditEntry? = nil) throws {
        try write(edited, basedOn: original, to: folder, audit: audit, beforeRename: nil)
    }

    /// Writes a brand-new folder (the generator, the sample): all eight files, in `layout` and
    /// `mode`, as one change. The folder is created when it does not exist.
    ///
    /// - Complexity: O(records).
    public static func write(_ dataset: ClinicDataset, to folder: URL, layout: FileLayout, mode: ExtendedJSONMode) throws {
        let empty = LoadedFolder(dataset: ClinicDataset(), problems: [], files: [])
        try write(dataset, basedOn: empty, to: folder, layout: layout, mode: mode, beforeRename: nil)
    }

    /// Both writes; `beforeRename` lets tests make the last step before the commit fail.
    static func write(_ edited: ClinicDataset, basedOn original: LoadedFolder, to folder: URL,
                      layout newLayout: FileLayout? = nil, mode newMode: ExtendedJSONMode? = nil,
                      audit: AuditEntry? = nil, beforeRename: ((String) throws -> Void)?) throws {
        let path = folder.path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DataFolderError(.writeFailed, path: path, message: "cannot create the folder (\(error.localizedDescription))")
        }
        for collection in CollectionName.allCases {
            for name in collection.acceptedFileNames where FileIO.isSymbolicLink(path + "/" + name) {
                throw DataFolderError(.writeFailed, path: path + "/" + name, message:
                    "is a symbolic link; refusing to write a data folder whose files point elsewhere (nothing was changed)")
            }
        }
        // Checked before anything is written: once the journal is in place, the audit line must
        // be appended, and a link there would stop every later command from finishing the change.
        if audit != nil, FileIO.isSymbolicLink(path + "/" + AuditLog.fileName) {
            throw DataFolderError(.writeFailed, path: path + "/" + AuditLog.fileName, message:
                "is a symbolic link; refusing to append the audit line outside the data folder (nothing was changed)")
        }
        // Collections with no file yet follow the folder's usual layout and mode.
        let layout = newLayout ?? mostCommon(original.files.map(\.layout)) ?? .jsonArray
        let mode = newMode ?? mostCommon(original.files.map(\.mode)) ?? .relaxed
        var transaction = FolderTransaction(folder: path)
        for collection in CollectionName.allCases {
            let file = original.file(collection) ?? LoadedFile(
                collection: collection, fileName: collection.defaultFileName, layout: layout, mode: mode,
                bytes: [], documentRanges: [], recordIndex: [])
            let bytes = newBytes(collection, file, original.loadedDataset, edited)
            let target = path + "/" + file.fileName
            if FileIO.kind(of: target) == .file, let current = try? FileIO.readAll(target), current == bytes { continue }
            do {
                try transaction.stage(bytes, as: file.fileName)
            } catch {
                transaction.abandon()
                throw DataFolderError(.writeFailed, path: target, message: "cannot be written (\(error.reason)); the old file is unchanged")
            }
        }
        do {
            try beforeRename?(path)
        } catch {
            transaction.abandon()
            throw DataFolderError(.writeFailed, path: path, message: "cannot be written (\(error)); nothing was changed")
        }
        guard !transaction.isEmpty || audit != nil else { return }
        do {
            try transaction.commit(audit: audit)
        } catch where error.replaced {
            throw DataFolderError(.writeUnfinished, path: path, message:
                "the change was decided but could not be finished (\(error.reason)); the next clinic-plan command completes it")
        } catch {
            throw DataFolderError(.writeFailed, path: path, message: "cannot be written (\(error.reason)); nothing was changed")
        }
    }

    private static func newBytes(_ collection: CollectionName, _ file: LoadedFile, _ original: ClinicDataset,
                                 _ edited: ClinicDataset) -> [UInt8] {
        func rewrite<Record: StoredRecord>(_ before: [Record], _ after: [Record]) -> [UInt8] {
            if file.bytes.isEmpty {
                let documents = after.map { record -> [UInt8] in
                    var text: [UInt8] = []
                    JSONWriter.write(record.document(file.mode), into: &text)
                    return text
                }
                return file.layout == .jsonArray ? FileRewriter<Record>.newArray(documents) : FileRewriter<Record>.newLines(documents)
            }
            return FileRewriter(file: file, original: before, edited: after).bytes()
        }
        func rewrite<Record: CollectionRecord>(_: Record.Type) -> [UInt8] {
            rewrite(original[keyPath: Record.records], edited[keyPath: Record.records])
        }
        return rewrite(collection.recordType)
    }

    private static func mostCommon<Value: Hashable>(_ values: [Value]) -> Value? {
        var counts: [Value: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return values.max { counts[$0]! < counts[$1]! }
    }
}
