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
            throw DataFolderError(.writeFailed, path: url.path, message: "cannot be written (\(failure.reason)); the old file is unchanged")
        }
    }
}
