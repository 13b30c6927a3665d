import Foundation
import Testing

/// `clinic-plan serve` checked from outside Swift: a real browser (selenium driving Debian's
/// chromium) and schemathesis against the OpenAPI document (both installed by scripts/setup.sh).
@Suite(.serialized) struct ServeScriptTests {
    private static var root: String {
        URL(fileURLWithPath: Tool.sample).deletingLastPathComponent().deletingLastPathComponent().path
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private var binary: String { Tool.productsDirectory.appendingPathComponent("clinic-plan").path }

    @Test func aBrowserSignsInBooksSeesItOnTheGridAndRebooksAClosure() throws {
        let result = try run("/usr/bin/python3", [Self.root + "/tests/web/check_browser.py", binary, Tool.sample])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" 0 failed"), "\(result.output)")
    }

    @Test func schemathesisFindsNoServerErrorAndNoAnswerOutsideTheSchema() throws {
        let result = try run("/bin/bash", [Self.root + "/tests/web/check_api.sh", binary, Tool.sample, "10"])
        #expect(result.status == 0, "\(result.output)")
    }
}
