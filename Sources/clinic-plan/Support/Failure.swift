import ArgumentParser

/// Prints `error: message` on standard error and returns the exit code for bad input or usage,
/// for the command to throw.
func badInput(_ message: String) -> ExitCode {
    FileOutput.standardError.write("error: \(message)\n")
    return ExitCode(ExitStatus.badInput)
}
