import Foundation
import Testing

/// `clinic-plan serve` checked from outside Swift: a real browser (selenium driving Debian's
/// chromium) and schemathesis against the OpenAPI document (both installed by scripts/setup.sh).
@Suite(.serialized) struct ServeScriptTests {
    private static var root: String {
        URL(fileURLWithPath: Tool.sample).deletingLastPathComponent().deletingLastPathComponent().path
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run(executable, arguments, directory: Self.root, errors: true)
    }

    private var binary: String { Tool.binary }

    @Test func aBrowserSignsInBooksSeesItOnTheGridAndRebooksAClosure() throws {
        let result = try run("/usr/bin/env", ["python3", Self.root + "/tests/web/check_browser.py", binary, Tool.sample])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" 0 failed"), "\(result.output)")
    }

    @Test func schemathesisFindsNoServerErrorAndNoAnswerOutsideTheSchema() throws {
        let result = try run("/bin/bash", [Self.root + "/tests/web/check_api.sh", binary, Tool.sample, "10"])
        #expect(result.status == 0, "\(result.output)")
    }
}
