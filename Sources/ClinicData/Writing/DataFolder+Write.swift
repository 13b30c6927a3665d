import Foundation

extension DataFolder {
    /// Writes `edited` back into `folder` (the loaded folder or another one): unchanged documents
    /// keep their exact original text; edited documents keep their other fields, key order and
    /// formatting; documents whose `_id` is gone are removed; new documents are appended, all in
    /// each file's own layout and Extended JSON mode. Documents that did not load are kept as
    /// they were. Each file is written atomically (temporary file in the same folder, fsync,
    /// rename, fsync of the folder); a file whose bytes would not change is not rewritten.
    ///
    /// - Complexity: O(size of the files + edited records).
    public static func write(_ edited: ClinicDataset, basedOn original: LoadedFolder, to folder: URL) throws {
        try write(edited, basedOn: original, to: folder, beforeRename: nil)
    }

    /// Writes a brand-new folder (the generator, the sample): all eight files, in `layout` and
    /// `mode`, each written atomically. The folder is created when it does not exist.
    ///
    /// - Complexity: O(records).
    public static func write(_ dataset: ClinicDataset, to folder: URL, layout: FileLayout, mode: ExtendedJSONMode) throws {
        let empty = LoadedFolder(dataset: ClinicDataset(), problems: [], files: [])
        try write(dataset, basedOn: empty, to: folder, layout: layout, mode: mode, beforeRename: nil)
    }

    /// Both writes; `beforeRename` lets tests make the last step fail.
    static func write(_ edited: ClinicDataset, basedOn original: LoadedFolder, to folder: URL,
                      layout newLayout: FileLayout? = nil, mode newMode: ExtendedJSONMode? = nil,
                      beforeRename: ((String) throws -> Void)?) throws {
        let path = folder.path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DataFolderError(.writeFailed, path: path, message: "cannot create the folder (\(error.localizedDescription))")
        }
        // Collections with no file yet follow the folder's usual layout and mode.
        let layout = newLayout ?? mostCommon(original.files.map(\.layout)) ?? .jsonArray
        let mode = newMode ?? mostCommon(original.files.map(\.mode)) ?? .relaxed
        for collection in CollectionName.allCases {
            let file = original.file(collection) ?? LoadedFile(
                collection: collection, fileName: collection.defaultFileName, layout: layout, mode: mode,
                bytes: [], documentRanges: [], recordIndex: [])
            let bytes = newBytes(collection, file, original.loadedDataset, edited)
            let target = path + "/" + file.fileName
            if FileIO.kind(of: target) == .file, let current = try? FileIO.readAll(target), current == bytes { continue }
            do {
                try FileIO.writeAtomically(bytes, to: file.fileName, in: path, beforeRename: beforeRename)
            } catch let failure as FileIO.Failure where failure.replaced {
                throw DataFolderError(.writeFailed, path: target,
                                      message: "was written, but the folder could not be synced to disk (\(failure.reason))")
            } catch {
                let reason = (error as? FileIO.Failure)?.reason ?? String(describing: error)
                throw DataFolderError(.writeFailed, path: target, message: "cannot be written (\(reason)); the old file is unchanged")
            }
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
        switch collection {
        case .users: return rewrite(original.users, edited.users)
        case .doctors: return rewrite(original.doctors, edited.doctors)
        case .patients: return rewrite(original.patients, edited.patients)
        case .medicalReps: return rewrite(original.medicalReps, edited.medicalReps)
        case .appointments: return rewrite(original.appointments, edited.appointments)
        case .repVisits: return rewrite(original.repVisits, edited.repVisits)
        case .schedules: return rewrite(original.schedules, edited.schedules)
        case .clinicDays: return rewrite(original.clinicDays, edited.clinicDays)
        }
    }

    private static func mostCommon<Value: Hashable>(_ values: [Value]) -> Value? {
        var counts: [Value: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return values.max { counts[$0]! < counts[$1]! }
    }
}
