import Foundation

/// Runs the built `clinic-plan` binary, as a user would, and captures what it prints.
struct ToolRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Tool {
    /// The folder `swift build` puts products in; the test bundle lives there too.
    static var productsDirectory: URL { Bundle.main.bundleURL }

    /// The repository root (for `instances/sample`).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var sample: String { repositoryRoot.appendingPathComponent("instances/sample").path }

    static func run(_ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> ToolRun {
        try runProgram(productsDirectory.appendingPathComponent("clinic-plan"), arguments, environment: environment, stdin: stdin)
    }

    /// Runs one of the repository's Python scripts (e.g. `benchmarks/check_rebook.py`) from its root.
    static func runScript(_ script: String, _ arguments: [String]) throws -> ToolRun {
        try runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script] + arguments, directory: repositoryRoot)
    }

    /// `generate ARGUMENTS -o root/name`, which must succeed; returns the new folder's path.
    static func generate(into root: URL, name: String, _ arguments: [String]) throws -> String {
        let folder = root.appendingPathComponent(name).path
        let made = try run(["generate"] + arguments + ["-o", folder])
        guard made.status == 0 else { throw GenerateFailed(message: made.stderr) }
        return folder
    }

    struct GenerateFailed: Error, CustomStringConvertible {
        var message: String
        var description: String { "generate failed: \(message)" }
    }

    private static func runProgram(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                                   stdin: String? = nil, directory: URL? = nil) throws -> ToolRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Drain standard error on another thread while reading standard output here, so that a
        // full pipe can never block the tool.
        let errorBox = DataBox()
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        let errData = errorBox.data
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-plan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
