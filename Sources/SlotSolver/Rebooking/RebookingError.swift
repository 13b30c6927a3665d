/// Rebooking failures: bad options, a GLPK failure, or a solution the independent checker
/// rejected (a bug, never output).
public struct RebookingError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case invalidOptions = "invalid_options"
        case solverFailed = "solver_failed"
        case checkFailed = "check_failed"
        case exportFailed = "export_failed"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
