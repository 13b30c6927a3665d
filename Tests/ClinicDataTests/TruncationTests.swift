import Foundation
import Testing
@testable import ClinicData

@Suite("Truncated files")
struct TruncationTests {
    /// Where the end of `text` is, as the loader counts lines and columns.
    static func endPosition(of text: String) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, lines.last!.count + 1)
    }

    @Test("every cut of a pretty-printed array is reported at its end, and nothing else is")
    func everyPrefix() throws {
        let full = Fixtures.prettyArray(Fixtures.relaxed["rep_visits.json"]!)
        let folder = try TemporaryFolder(Fixtures.files(Fixtures.relaxed, Fixtures.array))
        let bytes = Array(full.utf8)
        // Every strict prefix that still has its opening "[" but lacks the closing "]".
        let closing = bytes.lastIndex(of: UInt8(ascii: "]"))!
        for cut in 1..<closing {
            let prefix = String(decoding: bytes[0..<cut], as: UTF8.self)
            try folder.write("rep_visits.json", prefix)
            let loaded = try DataFolder.load(from: folder.url)
            let (line, column) = Self.endPosition(of: prefix)
            let expected = ["rep_visits.json: line \(line), column \(column): unexpected end of input"]
            let found = loaded.problems.map(\.description)
            #expect(found == expected, "cut at byte \(cut)")
            if found != expected { return }
        }
    }

    @Test("every cut of a JSON Lines file loads the whole lines and reports the cut line")
    func everyLinesPrefix() throws {
        let documents = Fixtures.relaxed["appointments.json"]!
        let full = Fixtures.lines(documents)
        let folder = try TemporaryFolder(Fixtures.files(Fixtures.relaxed, Fixtures.lines))
        let bytes = Array(full.utf8)
        for cut in 0..<bytes.count {
            let prefix = String(decoding: bytes[0..<cut], as: UTF8.self)
            try folder.write("appointments.json", prefix)
            let loaded = try DataFolder.load(from: folder.url)
            // A last line missing only its newline is still a whole document.
            let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
            let complete = lines.filter { documents.contains(String($0)) }.count
            let partial = !lines.last!.isEmpty && !documents.contains(String(lines.last!))
            #expect(loaded.dataset.appointments.count == complete, "cut at byte \(cut)")
            if partial {
                let (line, column) = Self.endPosition(of: prefix)
                #expect(loaded.problems.map(\.description) == ["appointments.json: line \(line), column \(column): unexpected end of input"],
                        "cut at byte \(cut)")
            } else {
                #expect(loaded.problems.isEmpty, "cut at byte \(cut)")
            }
        }
    }
}
