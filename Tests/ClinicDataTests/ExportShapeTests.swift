import Foundation
import SlotSolver
import Testing

@testable import ClinicData

/// Exports made by other tools, in the shapes they write: every clean document must take the
/// fast path (`LoadedFolder.reading` counts the careful ones) and give what the careful path gives.
@Suite("Export shapes on the fast path")
struct ExportShapeTests {
    /// A small generated clinic with every collection, dated and weekly appointments, visit summaries.
    private static func generated() throws -> ClinicDataset {
        var generator = InstanceGenerator(GeneratorConfig(
            doctors: 6, reps: 5, patients: 40, rescheduled: 4, seed: 21,
            from: LocalDate(year: 2026, month: 12, day: 6)!, weeks: 2))
        return try generator.generate()
    }

    /// Loads `folder` the fast way and the careful way: same dataset, problems and files; no
    /// document took the careful path; and the dataset is `expected`.
    private func expectFastAndSame(_ folder: TemporaryFolder, _ expected: ClinicDataset,
                                   layout: FileLayout, mode: ExtendedJSONMode,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try DataFolder.load(from: folder.url, timeZone: .utc, progress: nil, fastPath: true)
        let chunked = try DataFolder.load(from: folder.url, timeZone: .utc, progress: nil, fastPath: true, chunkSize: 5)
        let careful = try DataFolder.load(from: folder.url, timeZone: .utc, progress: nil, fastPath: false)
        #expect(fast.problems.isEmpty, "\(fast.problems.prefix(3))", sourceLocation: sourceLocation)
        #expect(fast.dataset == expected, sourceLocation: sourceLocation)
        for loaded in [fast, chunked] {
            #expect(loaded.dataset == careful.dataset, sourceLocation: sourceLocation)
            #expect(loaded.problems == careful.problems, sourceLocation: sourceLocation)
            #expect(loaded.reading.count == 8, sourceLocation: sourceLocation)
            for reading in loaded.reading {
                #expect(reading.carefulDocuments == 0, "\(reading.summary)", sourceLocation: sourceLocation)
            }
            for (a, b) in zip(loaded.files, careful.files) {
                #expect(a.layout == layout && b.layout == layout, "\(a.fileName)", sourceLocation: sourceLocation)
                #expect(a.mode == mode && b.mode == mode, "\(a.fileName)", sourceLocation: sourceLocation)
                #expect(a.documentRanges == b.documentRanges, "\(a.fileName)", sourceLocation: sourceLocation)
                #expect(a.recordIndex == b.recordIndex, "\(a.fileName)", sourceLocation: sourceLocation)
            }
        }
        // The careful path counts every document, and says why.
        #expect(careful.reading.allSatisfy { $0.carefulDocuments == $0.documents && $0.firstCareful?.reason == CarefulReason.fastPathOff })
    }

    /// `dataset` written as JSON Lines in `mode`, then each file's documents rewritten by `shape`.
    private func folder(_ dataset: ClinicDataset, mode: ExtendedJSONMode = .relaxed,
                        shape: ([JSONValue]) -> String) throws -> TemporaryFolder {
        let source = try TemporaryFolder()
        try DataFolder.write(dataset, to: source.url, layout: .jsonLines, mode: mode)
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".json") {
            let documents = try source.read(name).split(separator: "\n").map { line -> JSONValue in
                Array(line.utf8).withUnsafeBytes { bytes in
                    var parser = JSONParser(bytes: bytes)
                    return try! parser.parseValue()
                }
            }
            try folder.write(name, shape(documents))
        }
        return folder
    }

    @Test("one-line arrays with \", \" and \": \" separators, as Python's json.dump writes them")
    func pythonArrays() throws {
        let dataset = try Self.generated()
        let folder = try folder(dataset) { "[" + $0.map { PythonStyle.text($0) }.joined(separator: ", ") + "]" }
        #expect(try folder.read("doctors.json").hasPrefix(#"[{"_id": {"$oid": ""#))
        try expectFastAndSame(folder, dataset, layout: .jsonArray, mode: .relaxed)
    }

    @Test("JSON Lines, compact and with Python's separators")
    func jsonLines() throws {
        let dataset = try Self.generated()
        let compact = try folder(dataset) { $0.map { JSONWriter.text($0) + "\n" }.joined() }
        try expectFastAndSame(compact, dataset, layout: .jsonLines, mode: .relaxed)
        let spaced = try folder(dataset) { $0.map { PythonStyle.text($0) + "\r\n" }.joined() }
        try expectFastAndSame(spaced, dataset, layout: .jsonLines, mode: .relaxed)
    }

    @Test("pretty-printed documents one after another, as mongoexport --pretty writes them", arguments: ExtendedJSONMode.allCases)
    func prettyStream(mode: ExtendedJSONMode) throws {
        let dataset = try Self.generated()
        let folder = try folder(dataset, mode: mode) { $0.map { PythonStyle.text($0, indent: "\t") + "\n" }.joined() }
        #expect(try folder.read("doctors.json").hasPrefix("{\n\t\"_id\": {\n\t\t\"$oid\": "))
        try expectFastAndSame(folder, dataset, layout: .jsonLines, mode: mode)
    }

    @Test("a pretty-printed array (mongoexport --jsonArray --pretty), canonical")
    func prettyArray() throws {
        let dataset = try Self.generated()
        let folder = try folder(dataset, mode: .canonical) { "[\n" + $0.map { PythonStyle.text($0, indent: "  ") }.joined(separator: ",\n") + "\n]\n" }
        try expectFastAndSame(folder, dataset, layout: .jsonArray, mode: .canonical)
    }

    @Test("weekly appointments without date, and files with no number or date at all")
    func weeklyOnly() throws {
        var dataset = try Self.generated()
        dataset.appointments = dataset.appointments.map {
            var weekly = $0
            weekly.date = nil
            weekly.skipDates = []
            return weekly
        }
        let folder = try folder(dataset) { $0.map { PythonStyle.text($0) + "\n" }.joined() }
        #expect(try !folder.read("appointments.json").contains("$date"))
        // Neither users nor appointments show the mode: the other files decide it.
        try expectFastAndSame(folder, dataset, layout: .jsonLines, mode: .relaxed)
    }

    @Test("empty strings in every string field that allows one")
    func emptyStrings() throws {
        var dataset = try Self.generated()
        dataset.users = dataset.users.map { var u = $0; u.name = ""; return u }
        dataset.patients = dataset.patients.map { var p = $0; p.phone = ""; p.gender = ""; return p }
        dataset.medicalReps = dataset.medicalReps.map { var r = $0; r.companyPhone = ""; return r }
        dataset.clinicDays = dataset.clinicDays.map { var d = $0; d.reason = ""; return d }
        dataset.repVisits = dataset.repVisits.map {
            var v = $0
            v.visitSummary = VisitSummary(samples: 1, durationMin: 15, discussionTopic: "", feedback: "")
            return v
        }
        let folder = try folder(dataset) { "[" + $0.map { PythonStyle.text($0) }.joined(separator: ", ") + "]" }
        try expectFastAndSame(folder, dataset, layout: .jsonArray, mode: .relaxed)
    }

    @Test("integer ids and string ids, in both modes", arguments: ExtendedJSONMode.allCases)
    func integerAndStringIDs(mode: ExtendedJSONMode) throws {
        let original = try Self.generated()
        // Users and patients by integer (the seed's style), every other collection by string.
        var numbers: [DocumentID: DocumentID] = [:]
        func renamed(_ id: DocumentID, _ asInteger: Bool) -> DocumentID {
            if let done = numbers[id] { return done }
            let made: DocumentID = asInteger ? .int(Int64(numbers.count + 1)) : .string("id-\(numbers.count + 1)")
            numbers[id] = made
            return made
        }
        var d = original
        d.users = d.users.map { var u = $0; u.id = renamed(u.id, true); return u }
        d.patients = d.patients.map { var p = $0; p.id = renamed(p.id, true); p.userId = renamed(p.userId, true); return p }
        d.doctors = d.doctors.map { var x = $0; x.id = renamed(x.id, false); x.userId = renamed(x.userId, true); return x }
        d.medicalReps = d.medicalReps.map { var x = $0; x.id = renamed(x.id, false); x.userId = renamed(x.userId, true); return x }
        d.appointments = d.appointments.map {
            var x = $0; x.id = renamed(x.id, false); x.doctorId = renamed(x.doctorId, false); x.patientId = renamed(x.patientId, true)
            return x
        }
        d.repVisits = d.repVisits.map {
            var x = $0; x.id = renamed(x.id, false); x.doctorId = renamed(x.doctorId, false); x.repId = renamed(x.repId, false)
            return x
        }
        d.schedules = d.schedules.map { var x = $0; x.id = renamed(x.id, false); x.doctorId = renamed(x.doctorId, false); return x }
        d.clinicDays = d.clinicDays.map { var x = $0; x.id = renamed(x.id, false); x.doctorId = renamed(x.doctorId, false); return x }
        let folder = try folder(d, mode: mode) { $0.map { JSONWriter.text($0) + "\n" }.joined() }
        try expectFastAndSame(folder, d, layout: .jsonLines, mode: mode)
    }

    @Test("--stats' reading summary names the first careful document and why")
    func carefulReasons() throws {
        let folder = try TemporaryFolder(Fixtures.files(Fixtures.relaxed, Fixtures.lines))
        var appointments = Fixtures.relaxed["appointments.json"]!
        appointments[0] = appointments[0].replacingOccurrences(of: "\"Sunday\"", with: "\"Funday\"")
        try folder.write("appointments.json", Fixtures.lines(appointments))
        try folder.write("doctors.json", "[" + Fixtures.relaxed["doctors.json"]!.joined(separator: ",") + ",]")
        let loaded = try DataFolder.load(from: folder.url)
        let byFile = Dictionary(uniqueKeysWithValues: loaded.reading.map { ($0.fileName, $0) })
        #expect(byFile["appointments.json"]?.summary
                == "appointments.json: 1 of \(appointments.count) documents read the careful way (first: document 1, field day: missing, or not in a form the fast reader takes)")
        #expect(byFile["doctors.json"]?.carefulDocuments == byFile["doctors.json"]?.documents)
        #expect(byFile["doctors.json"]?.firstCareful?.reason == "the array is not plainly delimited (a syntax error?)")
        #expect(byFile["users.json"]?.summary == "users.json: all \(Fixtures.relaxed["users.json"]!.count) documents read the fast way")
    }
}

/// JSON text as Python's `json.dumps` writes it: `", "` and `": "` between items (or, with an
/// indent, one item per line and `","` at line ends), non-ASCII kept as `\uXXXX` escapes.
enum PythonStyle {
    static func text(_ value: JSONValue, indent: String? = nil) -> String {
        var out = ""
        write(value, indent, 0, &out)
        return out
    }

    private static func write(_ value: JSONValue, _ indent: String?, _ depth: Int, _ out: inout String) {
        let separator = indent == nil ? ", " : ","
        func newline(_ level: Int) { if let indent { out += "\n" + String(repeating: indent, count: level) } }
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let lexeme): out += lexeme
        case .string(let text): out += quoted(text)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += separator }
                newline(depth + 1)
                write(element, indent, depth + 1, &out)
            }
            newline(depth)
            out += "]"
        case .object(let object):
            if object.members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += separator }
                newline(depth + 1)
                out += quoted(member.key) + ": "
                write(member.value, indent, depth + 1, &out)
            }
            newline(depth)
            out += "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x20..<0x7F: out += String(UnicodeScalar(UInt8(unit)))
            default: out += String(format: "\\u%04x", unit)
            }
        }
        return out + "\""
    }
}
