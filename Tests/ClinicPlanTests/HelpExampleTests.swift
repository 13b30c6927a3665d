import ArgumentParser
import Foundation
import Testing
@testable import clinic_plan

/// Every `Example:` line of every command's `--help` runs as written: through bash, from a folder
/// that holds a fresh copy of `instances/sample` (writers change it), with `clinic-plan` on the
/// PATH and `$NEW_PASSWORD` set for the examples that read a new password.
@Suite struct HelpExampleTests {
    struct Example: CustomStringConvertible {
        var command: String
        var line: String
        var description: String { "\(command): \(line)" }
    }

    /// The examples of `command` and its subcommands, from their help discussions.
    static func examples(of command: ParsableCommand.Type, path: String) -> [Example] {
        let configuration = command.configuration
        let own = configuration.discussion.split(separator: "\n")
            .filter { $0.hasPrefix("Example: ") }
            .map { Example(command: path, line: String($0.dropFirst("Example: ".count))) }
        return own + configuration.subcommands.flatMap { sub in
            examples(of: sub, path: path + " " + (sub.configuration.commandName ?? sub._commandName))
        }
    }

    static let all = examples(of: ClinicPlan.self, path: "clinic-plan")

    @Test func everyCommandHasAnExample() {
        func leaves(_ command: ParsableCommand.Type, _ path: String) -> [String] {
            let subs = command.configuration.subcommands
            return subs.isEmpty ? [path] : subs.flatMap { leaves($0, path + " " + $0._commandName) }
        }
        let commands = Set(Self.all.map(\.command))
        for leaf in leaves(ClinicPlan.self, "clinic-plan") {
            #expect(commands.contains(leaf), "\(leaf) --help has no example")
        }
        #expect(Self.all.count >= 15)
    }

    @Test(arguments: HelpExampleTests.all)
    func theExampleRunsAsWritten(_ example: Example) throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("instances/sample")
        try FileManager.default.createDirectory(at: sample.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Tool.sample, toPath: sample.path)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", example.line]
        process.currentDirectoryURL = folder
        process.environment = ["PATH": Tool.productsDirectory.path + ":/usr/bin:/bin", "LANG": "C.UTF-8",
                               "NEW_PASSWORD": "a-new-password", "CLINIC_PLAN_TEST_OBJECT_IDS": "7"]
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = try String(contentsOf: err, encoding: .utf8)
        // `conflicts` exits 1 when it finds conflicts, as the sample has: that is its answer.
        let fine: Set<Int32> = example.command == "clinic-plan conflicts" ? [0, 1] : [0]
        #expect(fine.contains(process.terminationStatus), "\(example) exited \(process.terminationStatus): \(stderr)")
        #expect(!stderr.contains("error:"), "\(example): \(stderr)")
        #expect(try !String(contentsOf: out, encoding: .utf8).isEmpty || example.line.contains(" -o "), "\(example) printed nothing")
    }
}
