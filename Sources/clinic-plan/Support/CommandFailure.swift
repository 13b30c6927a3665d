import ArgumentParser
import Foundation

/// A command that cannot do what was asked: a value, thrown up to the root command, which prints
/// it once (`error: MESSAGE`, then `  caused by: …` per cause, then any notes) and exits with
/// `exitStatus`. Nothing below the root prints an error itself, so no failure is told twice.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    /// Why, outermost first ("cannot write x.ics" caused by "no such folder").
    var causes: [String]
    /// Lines printed after the error and its causes (candidates, the data folder's problems).
    var notes: [String]
    var exitStatus: Int32

    init(_ message: String, causes: [String] = [], notes: [String] = [], exitStatus: Int32 = ExitStatus.badInput) {
        self.message = message
        self.causes = causes
        self.notes = notes
        self.exitStatus = exitStatus
    }

    /// The same failure with `cause` appended to its chain.
    func causedBy(_ cause: String) -> CommandFailure {
        var failure = self
        failure.causes.append(cause)
        return failure
    }

    /// The lines the root prints on standard error.
    var description: String {
        (["error: " + message] + causes.map { "  caused by: " + $0 } + notes).joined(separator: "\n")
    }
}

/// A failure for bad input (exit status 2), for the command to throw.
func badInput(_ message: String, causes: [String] = [], notes: [String] = []) -> CommandFailure {
    CommandFailure(message, causes: causes, notes: notes)
}

/// An error as a cause line: its own words (our errors name their file and problem), or for
/// Foundation's file errors the system's ("No such file or directory"), never an NSError dump.
func causeText(_ error: Error) -> String {
    if let failure = error as? CommandFailure { return ([failure.message] + failure.causes).joined(separator: ": ") }
    let ns = error as NSError
    guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error {
        let posix = underlying as NSError
        if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
    }
    return ns.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(ns.code))) : ns.localizedDescription
}
