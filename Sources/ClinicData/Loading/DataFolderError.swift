/// The folder itself cannot be used (bad content is reported as `DataProblem`s instead).
public struct DataFolderError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case folderNotFound, notAFolder, writeFailed, cannotWriteBack
        /// A change was decided (its journal is in place) but not finished; the next lock holder finishes it.
        case writeUnfinished
    }

    public var code: Code
    public var path: String
    public var message: String

    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
