import Foundation

/// Writes any output file (a plan, a report) the way data files are written: to a temporary file
/// in the same folder, fsynced, renamed over the target, with the folder fsynced, so a reader
/// never sees a partial file and a failure leaves the old file as it was.
public enum AtomicFile {
    /// - Complexity: O(bytes).
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent().path
        do {
            try FileIO.writeAtomically(bytes, to: url.lastPathComponent, in: folder.isEmpty ? "." : folder)
        } catch let failure as FileIO.Failure where failure.replaced {
            throw DataFolderError(.writeFailed, path: url.path,
                                  message: "was written, but the folder could not be synced to disk (\(failure.reason))")
        } catch let failure as FileIO.Failure {
            throw DataFolderError(.writeFailed, path: url.path, message: "cannot be written (\(failure.reason)); \(leftAlone(url))")
        }
    }

    /// What a failed write left: the old file, or no file at all when there was none.
    private static func leftAlone(_ url: URL) -> String {
        FileIO.kind(of: url.path) == .missing ? "no file was written" : "the old file is unchanged"
    }

    /// Has `writer` fill a new temporary file (by its path: for C libraries such as GLPK that
    /// open the file themselves; the name keeps `url`'s extension), then puts it in place as `write` does. A symbolic link at
    /// `url` is replaced, not followed; a failure leaves the old file as it was.
    public static func write(to url: URL, using writer: (String) throws -> Void) throws {
        let folder = url.deletingLastPathComponent().path
        let directory = folder.isEmpty ? "." : folder
        let name = url.lastPathComponent
        do {
            let suffix = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
            let temporary = try FileIO.stage([], for: name, in: directory, mode: FileIO.modeForReplacing(url.path),
                                             suffix: suffix)
            do {
                try writer(temporary)
                try FileIO.sync(temporary)
                guard rename(temporary, url.path) == 0 else {
                    throw FileIO.Failure(operation: "renaming over", path: url.path, code: errno)
                }
            } catch {
                unlink(temporary)
                throw error
            }
            try FileIO.syncFolder(directory)
        } catch let failure as FileIO.Failure {
            throw DataFolderError(.writeFailed, path: url.path, message: "cannot be written (\(failure.reason)); \(leftAlone(url))")
        }
    }
}
