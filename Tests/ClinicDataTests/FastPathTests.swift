import Foundation
import SlotSolver
import Testing

@testable import ClinicData

/// The loader reads clean documents through simdjson and `FastFieldReader`, and everything else
/// through `DocumentReader` (the same `CollectionRecord.decode` over both back ends). These tests
/// load the same folders both ways and require the very same result: dataset, every problem
/// line, and what write-back keeps (layout, mode, document ranges).
@Suite("Fast loading path")
struct FastPathTests {
    /// Loads `folder` with and without the fast path and compares everything.
    private func expectSameBothWays(_ folder: URL, timeZone: ClinicTimeZone = .utc,
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        // Chunks of 3 documents: every file is read by several chunks, joined in order.
        let fast = try DataFolder.load(from: folder, timeZone: timeZone, progress: nil, fastPath: true, chunkSize: 3)
        let general = try DataFolder.load(from: folder, timeZone: timeZone, progress: nil, fastPath: false)
        let whole = try DataFolder.load(from: folder, timeZone: timeZone, progress: nil, fastPath: true)
        #expect(whole.dataset == general.dataset, sourceLocation: sourceLocation)
        #expect(whole.problems.map(\.description) == general.problems.map(\.description), sourceLocation: sourceLocation)
        #expect(fast.dataset == general.dataset, sourceLocation: sourceLocation)
        #expect(fast.problems.map(\.description) == general.problems.map(\.description), sourceLocation: sourceLocation)
        #expect(fast.files.count == general.files.count, sourceLocation: sourceLocation)
        for (a, b) in zip(fast.files, general.files) {
            #expect(a.fileName == b.fileName && a.layout == b.layout && a.mode == b.mode, sourceLocation: sourceLocation)
            #expect(a.documentRanges == b.documentRanges, "\(a.fileName)", sourceLocation: sourceLocation)
            #expect(a.recordIndex == b.recordIndex, "\(a.fileName)", sourceLocation: sourceLocation)
        }
    }

    private static func generated(doctors: Int = 6, seed: UInt64 = 3) throws -> ClinicDataset {
        var generator = InstanceGenerator(GeneratorConfig(
            doctors: doctors, reps: 5, patients: 40, rescheduled: 4, seed: seed,
            from: LocalDate(year: 2026, month: 12, day: 6)!, weeks: 2))
        return try generator.generate()
    }

    @Test("the repository's sample loads the same both ways")
    func sample() throws {
        let sample = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("instances/sample")
        try expectSameBothWays(sample)
        #expect(try DataFolder.load(from: sample).errors.isEmpty)
    }

    @Test("a generated clinic in every layout and mode loads the same both ways, and as generated",
          arguments: [(FileLayout.jsonLines, ExtendedJSONMode.relaxed), (.jsonLines, .canonical),
                      (.jsonArray, .relaxed), (.jsonArray, .canonical)])
    func generatedForms(layout: FileLayout, mode: ExtendedJSONMode) throws {
        let dataset = try Self.generated()
        let folder = try TemporaryFolder()
        try DataFolder.write(dataset, to: folder.url, layout: layout, mode: mode)
        try expectSameBothWays(folder.url)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.dataset == dataset)
        #expect(loaded.files.allSatisfy { $0.layout == layout && $0.mode == mode })
    }

    @Test("files large enough to be memory-mapped, ending just before a page boundary, load the same both ways",
          arguments: [FileLayout.jsonLines, .jsonArray])
    func mappedFiles(layout: FileLayout) throws {
        var generator = InstanceGenerator(GeneratorConfig(
            doctors: 80, reps: 20, patients: 400, rescheduled: 10, seed: 5,
            from: LocalDate(year: 2026, month: 12, day: 6)!, weeks: 4))
        let dataset = try generator.generate()
        let folder = try TemporaryFolder()
        try DataFolder.write(dataset, to: folder.url, layout: layout, mode: .relaxed)
        var text = try folder.read("appointments.json")
        #expect(text.utf8.count >= FileContents.mappingThreshold)
        // The last document ends 10 bytes before a page boundary: simdjson must not read past it.
        let page = 4096
        let size = text.utf8.count
        if size % page != page - 10 {
            text = String(text.dropLast()) + String(repeating: " ", count: (page - 10 - size % page + page) % page) + "\n"
        }
        try folder.write("appointments.json", text)
        #expect(text.utf8.count % page == page - 10)
        try expectSameBothWays(folder.url)
        #expect(try DataFolder.load(from: folder.url).dataset == dataset)
    }

    /// Values that are wrong (or merely unusual) somewhere in a document.
    private static let replacements: [JSONValue] = [
        .null, .bool(true), .number("5"), .number("5.0"), .number("-3"), .number("1e400"), .number("12345678901234567890"),
        .string(""), .string("x"), .string("Sunday"), .string("25:61"), .string("24:00"), .string("BOOKED"),
        .string("65f000010000000000000001"), .string("2026-12-06T09:00:00Z"), .array([]), .array([.number("1")]),
        .object(JSONObject()), wrapped("$oid", .string("zz")), wrapped("$oid", .string("65F000010000000000000001")),
        wrapped("$numberInt", .string("7")), wrapped("$numberInt", .string("7.5")), wrapped("$numberLong", .string("99")),
        wrapped("$numberDouble", .string("-0.0")), wrapped("$date", .string("bad")),
        wrapped("$date", .number("1796563200000")), wrapped("$date", wrapped("$numberLong", .string("1796563200000"))),
        wrapped("$date", .string("2026-12-07T10:00:00+02:00")),
        .object(JSONObject([JSONMember("$oid", .string("65f000010000000000000001")), JSONMember("x", .number("1"))])),
    ]

    private static func wrapped(_ key: String, _ value: JSONValue) -> JSONValue {
        .object(JSONObject([JSONMember(key, value)]))
    }

    @Test("documents with seeded random faults load the same both ways, in both layouts", arguments: [FileLayout.jsonLines, .jsonArray])
    func randomFaults(layout: FileLayout) throws {
        var random = SplitMix64(seed: layout == .jsonLines ? 11 : 12)
        let clean = try TemporaryFolder()
        try DataFolder.write(Self.generated(doctors: 4, seed: 9), to: clean.url, layout: .jsonLines, mode: .relaxed)
        for round in 0..<6 {
            let folder = try TemporaryFolder()
            for name in try FileManager.default.contentsOfDirectory(atPath: clean.path) {
                var documents = try clean.read(name).split(separator: "\n").map(String.init)
                for i in documents.indices where random.chance(0.3) {
                    documents[i] = Self.mutate(documents[i], &random)
                }
                // A syntax error in one file of some rounds, so that the general path's own
                // reading is compared too.
                if round % 3 == 2, name == "rep_visits.json", !documents.isEmpty {
                    documents[0] = String(documents[0].dropLast(3))
                }
                let text = layout == .jsonLines ? documents.joined(separator: "\n") + "\n"
                    : "[" + documents.joined(separator: ",\n") + "]\n"
                try folder.write(name, text)
            }
            try expectSameBothWays(folder.url)
        }
    }

    /// One random change to a document's text: a field replaced, removed, repeated or added.
    private static func mutate(_ line: String, _ random: inout SplitMix64) -> String {
        var bytes = Array(line.utf8)
        let value: JSONValue? = bytes.withUnsafeBytes { buffer in
            var parser = JSONParser(bytes: buffer)
            return try? parser.parseValue()
        }
        guard case .object(var object)? = value, !object.members.isEmpty else { return line }
        let i = Int.random(in: 0..<object.members.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0, 1, 2: object.members[i].value = replacements.randomElement(using: &random)!
        case 3: object.members.remove(at: i)
        case 4: object.members.insert(JSONMember(object.members[i].key, replacements.randomElement(using: &random)!), at: i + 1)
        default: object.members.append(JSONMember("extra", replacements.randomElement(using: &random)!))
        }
        bytes = Array(JSONWriter.text(.object(object)).utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("odd files agree both ways: documents spanning lines, two documents on a line, BOM, blank lines")
    func oddFiles() throws {
        let base = Fixtures.relaxed
        let variants: [(String, String)] = [
            ("appointments.json", base["appointments.json"]!.map { $0.replacingOccurrences(of: ",", with: ",\n  ") }.joined(separator: "\n") + "\n"),
            ("appointments.json", base["appointments.json"]!.joined(separator: " ") + "\n"),
            ("appointments.json", "\u{FEFF}\n\n" + base["appointments.json"]!.joined(separator: "\r\n\n") + "\r\n"),
            ("appointments.json", "[" + base["appointments.json"]!.joined(separator: " , ") + " ] "),
            ("appointments.json", "[" + base["appointments.json"]!.joined(separator: ",,") + "]"),
            ("appointments.json", "[5, \"x\", " + base["appointments.json"]!.joined(separator: ",") + "]"),
            ("appointments.json", "5\n" + base["appointments.json"]!.joined(separator: "\n")),
            ("appointments.json", ""),
            ("appointments.json", "[" + String(repeating: "[", count: 201) + String(repeating: "]", count: 201) + "]"),
            ("appointments.json", "[" + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "]"),
            ("appointments.json", #"{"_id":{"$oid":"65f000060000000000000009"},"x":"\ud800"}"# + "\n"),
            ("appointments.json", "{\"_id\":\"a\",\"x\":\"\u{7}\"}\n"),
        ]
        for (name, text) in variants {
            var files = base.mapValues { $0.joined(separator: "\n") + "\n" }
            files[name] = text
            let folder = try TemporaryFolder(files)
            try expectSameBothWays(folder.url)
        }
    }
}
