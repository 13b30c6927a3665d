import Foundation

/// Paths compared as the file system sees them, for refusing an output inside the data folder
/// however it is spelled (`./sample/`, a symbolic link to it, `sample/new/..`).
enum PathResolution {
    /// The absolute path with symbolic links resolved; a part that does not exist yet is
    /// appended to its deepest existing ancestor, resolved.
    static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.pathComponents.count > 1 {
            rest.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var resolved = url.path
        if let real = realpath(url.path, nil) {
            resolved = String(cString: real)
            free(real)
        }
        for part in rest { resolved = (resolved == "/" ? "" : resolved) + "/" + part }
        return resolved
    }
}
