import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where passwords come from: the `CLINIC_PASSWORD` environment variable (for scripts), the
/// terminal with echo off, or standard input (`--password-stdin`, for a new password).
enum AuthPassword {
    static let environmentVariable = "CLINIC_PASSWORD"

    /// The signing-in user's password: `CLINIC_PASSWORD` when set, else asked on the terminal;
    /// nil when neither is there (no controlling terminal, e.g. under cron).
    static func signInPassword(for email: String) -> String? {
        if let password = ProcessInfo.processInfo.environment[environmentVariable] { return password }
        return readFromTerminal(prompt: "Password for \(email): ")
    }

    /// A new password: the first line of standard input, or typed twice on the terminal.
    static func newPassword(for email: String, fromStandardInput: Bool) throws(AuthRefusal) -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw AuthRefusal(.failed, "no new password on standard input")
            }
            return line
        }
        guard let first = readFromTerminal(prompt: "New password for \(email): ") else {
            throw AuthRefusal(.failed, "no terminal to read the new password from; use --password-stdin")
        }
        guard let second = readFromTerminal(prompt: "Repeat the new password: ") else {
            throw AuthRefusal(.failed, "no terminal to read the new password from; use --password-stdin")
        }
        guard first == second else { throw AuthRefusal(.failed, "the two new passwords differ; nothing was changed") }
        return first
    }

    /// Reads one line from the controlling terminal with echo off, restoring the terminal after.
    static func readFromTerminal(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        let isTerminal = tcgetattr(fd, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        defer { if isTerminal { tcsetattr(fd, TCSAFLUSH, &saved) } }
        let promptBytes = Array(prompt.utf8)
        _ = promptBytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }
}
