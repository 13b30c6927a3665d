import EngineTestSupport
import Foundation
import SlotSolver

/// Seeded mutations of a data folder's documents, aimed at the loader's and the engine's edges:
/// far dates, huge and negative numbers, malformed times, formula and control-character
/// strings, repeated keys, invalid UTF-8, cut documents. Each mutation edits one document of
/// one collection file as text, so both layouts and both Extended JSON modes keep their form.
struct FolderFuzzer {
    static let strings = [
        "", "9:00", "24:00", "23:59", "99:99", "0:0", "Sunday", "FRIDAY", "booked", "rescheduled", "scheduled",
        "cancelled", "medical rep", "=HYPERLINK(\\\"http://x.test\\\",\\\"x\\\")", "\\u001b]0;owned\\u0007", "a\\r\\nb",
        "65f000010000000000000001", "2026-12-01T09:00:00Z", "2026-12-01T09:00:00", String(repeating: "x", count: 300),
    ]
    static let numbers = [
        "0", "-1", "1", "15", "1440", "1441", "100000", "100001", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "-9223372036854775808", "18446744073709551615", "1e308", "-0", "3.5",
        #"{"$numberInt":"2147483647"}"#, #"{"$numberLong":"9223372036854775807"}"#, #"{"$numberDouble":"NaN"}"#,
    ]
    static let dates = [
        #"{"$date":{"$numberLong":"9223372036854775807"}}"#, #"{"$date":{"$numberLong":"-9223372036854775808"}}"#,
        #"{"$date":-9223372036854775000}"#, #"{"$date":"9999-12-31T23:59:59Z"}"#, #"{"$date":"0001-01-01T00:00:00Z"}"#,
        #"{"$date":"2200-12-31T23:59:59.999Z"}"#, #"{"$date":"1900-01-01T00:00:00Z"}"#, #"{"$date":"2201-01-01T00:00:00Z"}"#,
        #"{"$date":"2026-12-01T09:00:00+14:00"}"#, #"{"$date":"2026-02-30T09:00:00Z"}"#, #"{"$date":1796563200000}"#,
    ]

    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Mutates one document of one of the folder's collection files, in place.
    mutating func mutate(_ clinic: ScratchClinic) throws {
        let name = ScratchClinic.collectionFiles.randomElement(using: &random)!
        guard var bytes = FileManager.default.contents(atPath: clinic.path + "/" + name).map(Array.init) else { return }
        // Documents are one a line in both layouts (as mongoexport and the generator write them).
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let candidates = lines.indices.filter { lines[$0].contains(UInt8(ascii: "{")) }
        guard let index = candidates.randomElement(using: &random) else { return }
        let line = String(decoding: lines[index], as: UTF8.self)
        var edited = Array(mutated(line).utf8)
        if Int.random(in: 0..<12, using: &random) == 0 {
            // Invalid UTF-8 inside the first string of the document.
            if let quote = edited.firstIndex(of: UInt8(ascii: "\"")) { edited.insert(contentsOf: [0xC3, 0x28, 0xFF], at: quote + 1) }
        }
        var out: [UInt8] = []
        for (i, part) in lines.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "\n")) }
            out.append(contentsOf: i == index ? edited[...] : part)
        }
        bytes = out
        try clinic.write(name, bytes: bytes)
    }

    /// One textual edit of a document: a value replaced, a key repeated, or the text cut.
    private mutating func mutated(_ line: String) -> String {
        let values = Self.valueRanges(in: line)
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            // A repeated key: the document's first member again, with another value.
            guard let brace = line.firstIndex(of: "{"), let key = Self.firstKey(in: line) else { return line }
            return String(line[...brace]) + "\"\(key)\":\(Self.numbers.randomElement(using: &random)!)," + line[line.index(after: brace)...]
        case 1:
            // Cut somewhere.
            guard line.count > 2 else { return line }
            return String(line.prefix(Int.random(in: 1..<line.count, using: &random)))
        default:
            guard let range = values.randomElement(using: &random) else { return line }
            let replacement: String
            switch Int.random(in: 0..<3, using: &random) {
            case 0: replacement = "\"" + Self.strings.randomElement(using: &random)! + "\""
            case 1: replacement = Self.numbers.randomElement(using: &random)!
            default: replacement = Self.dates.randomElement(using: &random)!
            }
            return line.replacingCharacters(in: range, with: replacement)
        }
    }

    /// The ranges of member values: a string, a number, or an Extended JSON wrapper `{"$…": …}`.
    static func valueRanges(in line: String) -> [Range<String.Index>] {
        let pattern = #"(?<=":)(\{"\$[^{}]*(\{[^{}]*\})?[^{}]*\}|"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = line as NSString
        return regex.matches(in: line, range: NSRange(location: 0, length: text.length)).compactMap { Range($0.range, in: line) }
    }

    static func firstKey(in line: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: #"\{"([^"]+)":"#),
              let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
              let range = Range(match.range(at: 1), in: line) else { return nil }
        return String(line[range])
    }
}
