import Foundation
import Testing
@testable import ClinicData
import SlotSolver

@Suite("Loading data folders")
struct LoadingTests {
    enum Form: String, CaseIterable, CustomTestStringConvertible {
        case relaxedArray, relaxedLines, canonicalArray, canonicalLines, relaxedPrettyArray, canonicalPrettyArray
        var testDescription: String { rawValue }

        var files: [String: String] {
            switch self {
            case .relaxedArray: Fixtures.files(Fixtures.relaxed, Fixtures.array)
            case .relaxedLines: Fixtures.files(Fixtures.relaxed, Fixtures.lines)
            case .canonicalArray: Fixtures.files(Fixtures.canonical, Fixtures.array)
            case .canonicalLines: Fixtures.files(Fixtures.canonical, Fixtures.lines)
            case .relaxedPrettyArray: Fixtures.files(Fixtures.relaxed, Fixtures.prettyArray)
            case .canonicalPrettyArray: Fixtures.files(Fixtures.canonical, Fixtures.prettyArray)
            }
        }
        var layout: FileLayout { rawValue.hasSuffix("Lines") ? .jsonLines : .jsonArray }
        var mode: ExtendedJSONMode { rawValue.hasPrefix("relaxed") ? .relaxed : .canonical }
    }

    @Test("every layout and Extended JSON mode loads to the same dataset", arguments: Form.allCases)
    func sameDataset(form: Form) throws {
        let folder = try TemporaryFolder(form.files)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.problems.map(\.description) == [])
        #expect(loaded.dataset == Fixtures.dataset)
        #expect(loaded.files.count == 8)
        for file in loaded.files {
            #expect(file.layout == form.layout, "\(file.fileName)")
            #expect(file.mode == form.mode, "\(file.fileName)")
        }
    }

    @Test("the seed's Schedules.json spelling is accepted and remembered")
    func capitalisedSchedules() throws {
        var files = Fixtures.relaxedArrayFiles
        files["Schedules.json"] = files.removeValue(forKey: "schedules.json")
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.dataset.schedules.count == 1)
        #expect(loaded.file(.schedules)?.fileName == "Schedules.json")
    }

    @Test("with both schedules.json and Schedules.json, the second is ignored with a warning")
    func bothScheduleSpellings() throws {
        var files = Fixtures.relaxedArrayFiles
        files["Schedules.json"] = "[]"
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.problems.map(\.description) == ["Schedules.json: ignored because schedules.json is also present"])
        #expect(loaded.problems.first?.severity == .warning)
        #expect(loaded.dataset.schedules.count == 1)
    }

    @Test("JSON Lines allows blank lines and CRLF line ends")
    func blankLines() throws {
        var files = Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        files["appointments.json"] = "\r\n" + Fixtures.relaxed["appointments.json"]!.joined(separator: "\r\n\r\n") + "\r\n\n"
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.dataset.appointments == Fixtures.dataset.appointments)
    }

    @Test("JSON Lines whose documents span several lines are read as a stream")
    func prettyLines() throws {
        var files = Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        files["users.json"] = Fixtures.relaxed["users.json"]!.map { $0.replacingOccurrences(of: ",", with: ",\n  ") + "\n" }.joined()
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.dataset.users == Fixtures.dataset.users)
        #expect(loaded.file(.users)?.layout == .jsonLines)
    }

    @Test("an empty clinic_days array is fine and takes the folder's layout")
    func emptyClinicDays() throws {
        var files = Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        files["clinic_days.json"] = "[]\n"
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.dataset.clinicDays.isEmpty)
        #expect(loaded.file(.clinicDays)?.layout == .jsonArray)
        #expect(loaded.file(.clinicDays)?.mode == .relaxed)
    }

    @Test("a folder that does not exist throws; a file instead of a folder throws")
    func notAFolder() throws {
        let folder = try TemporaryFolder(["users.json": "[]"])
        #expect(throws: DataFolderError.self) { try DataFolder.load(from: folder.url.appendingPathComponent("nope")) }
        #expect(throws: DataFolderError.self) { try DataFolder.load(from: folder.url.appendingPathComponent("users.json")) }
    }

    @Test("the sample folder in the repository loads without errors")
    func sampleFolder() throws {
        let sample = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("instances/sample")
        try #require(FileIO.kind(of: sample.path) == .directory)
        let loaded = try DataFolder.load(from: sample)
        #expect(loaded.errors.map(\.description) == [])
        #expect(loaded.dataset.users.count > 0 && loaded.dataset.appointments.count > 0)
    }
}
