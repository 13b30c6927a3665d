import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The staged files a writer killed before its commit leaves behind (`.NAME.tmp-XXXXXX` of a
/// collection file or of the journal). The loader ignores them, so they are harmless to the
/// data, but each is as large as the file it would have replaced, and crashes would pile them
/// up. The next writer removes them while it holds the folder's exclusive lock.
enum OrphanedTemporaries {
    /// A staged file younger than this is left alone: a process that writes into the folder
    /// without its lock (`rebook --output` into a folder a writer also uses) may still be
    /// about to rename it. Staging and renaming take seconds, not minutes.
    static let minimumAge: TimeInterval = 120

    /// The names a transaction stages under: every collection file's, and the journal's.
    private static let stagedTargets: Set<String> = Set(
        CollectionName.allCases.flatMap(\.acceptedFileNames) + [FolderTransaction.journalName])

    /// Removes the orphaned staged files in `folder` older than `minimumAge`. Callers hold the
    /// folder's exclusive lock. Failures are ignored: a file left behind is tried again by the
    /// next writer.
    static func remove(in folder: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isStagedName(name) {
            let path = folder + "/" + name
            // attributesOfItem reads the entry itself (lstat): a link of that name is not followed.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) >= minimumAge else { continue }
            unlink(path)
        }
    }

    /// Whether `name` is a temporary file `FileIO.stage` made for a target a transaction stages
    /// (its prefix, then six letters or digits, no suffix).
    static func isStagedName(_ name: String) -> Bool {
        stagedTargets.contains { target in
            let prefix = FileIO.temporaryPrefix(for: target)
            guard name.hasPrefix(prefix) else { return false }
            let random = name.dropFirst(prefix.count)
            return random.count == 6 && random.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
