import Foundation

/// What one run of the built `clinic-plan` printed and returned.
struct CLIRun: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "status \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs the built `clinic-plan` binary as a user or a script would.
enum CLIRunner {
    /// The folder `swift build` puts products in: the test bundle lives there too.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("clinic-plan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("clinic-plan")
    }

    /// The environment of a run: only what the tool needs, and `CLINIC_PASSWORD` when given.
    static func environment(password: String?) -> [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let password { environment["CLINIC_PASSWORD"] = password }
        return environment
    }

    /// Starts the tool, with standard input fed from `stdin` (closed after) and output to files,
    /// so that many runs may go on at once without pipes filling up.
    static func start(_ arguments: [String], password: String?, stdin: String? = nil,
                      newSession: Bool = false) throws -> RunningTool {
        let process = Process()
        if newSession {
            // setsid(1): no controlling terminal, so nothing can prompt on the developer's terminal.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["--wait", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = environment(password: password)
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("cp-out-\(UUID().uuidString)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("cp-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        try out.close()
        try err.close()
        return RunningTool(process: process, outURL: outURL, errURL: errURL)
    }

    /// Runs the tool to the end.
    static func run(_ arguments: [String], password: String?, stdin: String? = nil, newSession: Bool = false) throws -> CLIRun {
        try start(arguments, password: password, stdin: stdin, newSession: newSession).finish()
    }
}

/// A started run of the tool.
struct RunningTool {
    let process: Process
    let outURL: URL
    let errURL: URL

    /// Waits for the end and collects the output.
    func finish() throws -> CLIRun {
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        return CLIRun(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}
