import ClinicData
import Foundation

/// Where a command's output goes: standard output, standard error, or a file given with `-o`.
struct FileOutput {
    let handle: FileHandle

    static let standardOutput = FileOutput(handle: .standardOutput)
    static let standardError = FileOutput(handle: .standardError)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        handle.write(Data(bytes))
    }

    /// Whether this is a terminal, where progress and colour make sense.
    var isTerminal: Bool { isatty(handle.fileDescriptor) != 0 }
}

/// Writes a command's text to `-o FILE` atomically, or to standard output.
func writeCommandOutput(_ text: String, to output: String?) throws {
    guard let output else {
        FileOutput.standardOutput.write(text)
        return
    }
    do {
        try AtomicFile.write(Array(text.utf8), to: URL(fileURLWithPath: output))
    } catch {
        // The error names the file already ("x.ics: cannot be written (…); no file was written").
        throw badInput("\(error)")
    }
}

/// Writes bytes a command made to `-o FILE` atomically (large outputs skip the string).
func writeCommandOutput(_ bytes: [UInt8], to output: String) throws {
    do {
        try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
    } catch {
        // The error names the file already ("x.ics: cannot be written (…); no file was written").
        throw badInput("\(error)")
    }
}
