import Foundation
import Testing
@testable import ClinicData
import SlotSolver

@Suite("Writing data folders")
struct WriteBackTests {
    @Test("round trip: one edited field; every other line byte-identical; key order kept", arguments: [FileLayout.jsonArray, .jsonLines])
    func roundTrip(layout: FileLayout) throws {
        let files = layout == .jsonArray ? Fixtures.files(Fixtures.relaxed, Fixtures.array)
            : Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        var edited = loaded.dataset
        edited.appointments[1].time = MinuteOfDay(hour: 11, minute: 40)
        try DataFolder.write(edited, basedOn: loaded, to: folder.url)

        let before = files["appointments.json"]!.split(separator: "\n", omittingEmptySubsequences: false)
        let after = try folder.read("appointments.json").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(after.count == before.count)
        for i in before.indices where i != 1 { #expect(after[i] == before[i]) }
        // Only the value changed: "day" keeps its lowercase spelling, "date" its place at the end.
        #expect(after[1] == before[1].replacingOccurrences(of: #""time":"09:20""#, with: #""time":"11:40""#)[...])
        for name in files.keys where name != "appointments.json" { #expect(try folder.read(name) == files[name]!) }
        let reloaded = try DataFolder.load(from: folder.url)
        #expect(reloaded.problems.isEmpty)
        #expect(reloaded.dataset == edited)
    }

    @Test("an edit in a pretty-printed file keeps its line breaks and indentation")
    func prettyEdit() throws {
        let files = Fixtures.files(Fixtures.relaxed, Fixtures.prettyArray)
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        var edited = loaded.dataset
        edited.users[2].email = "hany.samir@pharma.example"
        try DataFolder.write(edited, basedOn: loaded, to: folder.url)
        #expect(try folder.read("users.json") == files["users.json"]!.replacingOccurrences(of: "hany@pharma", with: "hany.samir@pharma"))
    }

    @Test("canonical numbers keep their form; an unchanged 30.0 stays 30.0; added and removed fields")
    func canonicalEdits() throws {
        let files = Fixtures.files(Fixtures.canonical, Fixtures.lines)
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        var edited = loaded.dataset
        edited.patients[0].phone = "0111"
        edited.appointments[0].date = Instant(epochMilliseconds: 1_796_548_800_000)  // added at the end
        edited.appointments[1].date = nil                                             // removed
        edited.schedules[0].maxReps = 4
        try DataFolder.write(edited, basedOn: loaded, to: folder.url)
        let patients = try folder.read("patients.json")
        #expect(patients == files["patients.json"]!.replacingOccurrences(of: #""phone":"0100""#, with: #""phone":"0111""#))
        #expect(patients.contains(#""age":{"$numberDouble":"30.0"}"#))
        let appointments = try folder.read("appointments.json").split(separator: "\n").map(String.init)
        let original = Fixtures.canonical["appointments.json"]!
        #expect(appointments[0] == String(original[0].dropLast()) + #","date":{"$date":{"$numberLong":"1796548800000"}}}"#)
        #expect(appointments[1] == original[1].replacingOccurrences(of: #","date":{"$date":{"$numberLong":"1796548800000"}}"#, with: ""))
        #expect(appointments[2] == original[2])
        #expect(try folder.read("schedules.json").contains(#""max_reps":{"$numberInt":"4"}"#))
        let reloaded = try DataFolder.load(from: folder.url)
        #expect(reloaded.problems.isEmpty)
        #expect(reloaded.dataset == edited)
        #expect(reloaded.files.allSatisfy { $0.mode == .canonical && $0.layout == .jsonLines })
    }

    @Test("an edit inside visit_summary keeps its unknown fields and spacing; unknown top-level fields stay")
    func embeddedEdit() throws {
        var files = Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        let visit = #"{"_id": {"$oid": "65f000070000000000000001"}, "doctor_id": {"$oid": "65f000010000000000000001"}, "rep_id": {"$oid": "65f000030000000000000001"}, "date": {"$date": "2026-12-06T15:15:00+02:00"}, "status": "scheduled", "room": 4, "visit_summary": {"samples": null, "duration_min": 20, "rating": 5}}"#
        files["rep_visits.json"] = visit + "\n"
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        #expect(loaded.problems.isEmpty)
        var edited = loaded.dataset
        edited.repVisits[0].visitSummary?.durationMin = 30
        edited.repVisits[0].visitSummary?.samples = 3
        edited.repVisits[0].visitSummary?.feedback = "Good"
        try DataFolder.write(edited, basedOn: loaded, to: folder.url)
        #expect(try folder.read("rep_visits.json") == visit
            .replacingOccurrences(of: #""samples": null, "duration_min": 20, "rating": 5}"#,
                                  with: #""samples": 3, "duration_min": 30, "rating": 5, "feedback": "Good"}"#) + "\n")
        edited.repVisits[0].visitSummary = nil
        try DataFolder.write(edited, basedOn: try DataFolder.load(from: folder.url), to: folder.url)
        #expect(try folder.read("rep_visits.json") == visit.components(separatedBy: #", "visit_summary""#)[0] + "}\n")
    }

    @Test("new documents are appended in the file's layout and mode; removed ones disappear")
    func appendAndRemove() throws {
        let files = Fixtures.files(Fixtures.relaxed, Fixtures.array)
        let folder = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: folder.url)
        var edited = loaded.dataset
        edited.clinicDays.append(ClinicDay(id: .objectId("65f000050000000000000002"), doctorId: edited.doctors[0].id,
                                           date: Instant(epochMilliseconds: 1_796_860_800_500), isOpen: false, reason: "Eid"))
        edited.repVisits.removeFirst()
        try DataFolder.write(edited, basedOn: loaded, to: folder.url)
        #expect(try folder.read("clinic_days.json") == "[" + Fixtures.relaxed["clinic_days.json"]![0] + ",\n"
            + #"{"_id":{"$oid":"65f000050000000000000002"},"doctor_id":{"$oid":"65f000010000000000000001"},"date":{"$date":"2026-12-10T00:00:00.500Z"},"is_open":false,"reason":"Eid"}"#
            + "]\n")
        #expect(try folder.read("rep_visits.json") == "[" + Fixtures.relaxed["rep_visits.json"]![1] + "]\n")
        #expect(try DataFolder.load(from: folder.url).dataset == edited)
    }

    @Test("a new folder: seed field order, relaxed and canonical dates, both layouts")
    func newFolder() throws {
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("out")
        try DataFolder.write(Fixtures.dataset, to: target, layout: .jsonArray, mode: .relaxed)
        let written = try String(decoding: Data(contentsOf: target.appendingPathComponent("rep_visits.json")), as: UTF8.self)
        #expect(written == "["
            + #"{"_id":{"$oid":"65f000070000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"rep_id":{"$oid":"65f000030000000000000001"},"date":{"$date":"2026-12-06T13:15:00Z"},"status":"scheduled","visit_summary":{"samples":2,"duration_min":20,"discussion_topic":"Statins","feedback":"Interested"}}"#
            + ",\n"
            + #"{"_id":{"$oid":"65f000070000000000000002"},"doctor_id":{"$oid":"65f000010000000000000001"},"rep_id":{"$oid":"65f000030000000000000001"},"date":{"$date":"2026-12-07T13:30:00.250Z"},"status":"rescheduled"}"#
            + "]\n")
        for (layout, mode) in [(FileLayout.jsonArray, ExtendedJSONMode.relaxed), (.jsonLines, .canonical), (.jsonLines, .relaxed), (.jsonArray, .canonical)] {
            let out = folder.url.appendingPathComponent("\(layout)-\(mode)")
            try DataFolder.write(Fixtures.dataset, to: out, layout: layout, mode: mode)
            let loaded = try DataFolder.load(from: out)
            #expect(loaded.problems.isEmpty)
            #expect(loaded.dataset == Fixtures.dataset)
            #expect(loaded.files.allSatisfy { $0.layout == layout && $0.mode == mode })
        }
        let canonical = try String(decoding: Data(contentsOf: folder.url.appendingPathComponent("jsonLines-canonical/schedules.json")), as: UTF8.self)
        #expect(canonical == #"{"_id":{"$oid":"65f000040000000000000001"},"doctor_id":{"$oid":"65f000010000000000000001"},"day":"Sunday","patient_start_time":"09:00","patient_end_time":"13:00","rep_start_time":"13:00","rep_end_time":"24:00","max_patients":{"$numberInt":"12"},"max_reps":{"$numberInt":"3"},"appointment_minutes":{"$numberInt":"20"}}"# + "\n")
    }

    @Test("the repository's sample, written as a new folder, comes out byte for byte as mongoexport-style tools wrote it")
    func sampleReproduced() throws {
        let sample = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("instances/sample")
        try #require(FileIO.kind(of: sample.path) == .directory)
        let loaded = try DataFolder.load(from: sample)
        try #require(loaded.errors.isEmpty)
        let folder = try TemporaryFolder()
        try DataFolder.write(loaded.dataset, to: folder.url, layout: .jsonArray, mode: .relaxed)
        for file in loaded.files {
            let original = try FileIO.readAll(sample.path + "/" + file.fileName)
            #expect(try FileIO.readAll(folder.path + "/" + file.fileName) == original, "\(file.fileName)")
        }
    }

    @Test("unchanged files are not rewritten")
    func unchangedFilesUntouched() throws {
        let folder = try TemporaryFolder(Fixtures.relaxedArrayFiles)
        let loaded = try DataFolder.load(from: folder.url)
        let usersPath = folder.url.appendingPathComponent("users.json").path
        let inode = try FileManager.default.attributesOfItem(atPath: usersPath)[.systemFileNumber] as? Int
        var edited = loaded.dataset
        edited.doctors[0].consultationFee = 650.5
        try DataFolder.write(edited, basedOn: loaded, to: folder.url)
        #expect(try FileManager.default.attributesOfItem(atPath: usersPath)[.systemFileNumber] as? Int == inode)
        #expect(try folder.read("doctors.json").contains(#""consultation_fee":650.5}"#))
    }

    @Test("writing back into another folder copies every file, Schedules.json keeping its name")
    func anotherFolder() throws {
        var files = Fixtures.files(Fixtures.canonical, Fixtures.lines)
        files["Schedules.json"] = files.removeValue(forKey: "schedules.json")
        let source = try TemporaryFolder(files)
        let target = try TemporaryFolder()
        let loaded = try DataFolder.load(from: source.url)
        try DataFolder.write(loaded.dataset, basedOn: loaded, to: target.url)
        for (name, text) in files { #expect(try target.read(name) == text, "\(name)") }
    }

    // MARK: - Atomicity

    @Test("AtomicFile replaces a file's content and keeps its permissions")
    func atomicFile() throws {
        let folder = try TemporaryFolder(["plan.txt": "old"])
        let url = folder.url.appendingPathComponent("plan.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        try AtomicFile.write(Array("new plan\n".utf8), to: url)
        #expect(try folder.read("plan.txt") == "new plan\n")
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.txt"])
        #expect(throws: DataFolderError.self) {
            try AtomicFile.write([1], to: folder.url.appendingPathComponent("missing/plan.txt"))
        }
    }

    @Test("a failed rename leaves the old file intact and no temporary file behind")
    func failedRename() throws {
        let folder = try TemporaryFolder(Fixtures.relaxedArrayFiles)
        let loaded = try DataFolder.load(from: folder.url)
        var edited = loaded.dataset
        edited.users[0].name = "Dr. Ahmed H."
        struct Provoked: Error {}
        #expect(throws: DataFolderError.self) {
            try DataFolder.write(edited, basedOn: loaded, to: folder.url, beforeRename: { _ in throw Provoked() })
        }
        #expect(try folder.read("users.json") == Fixtures.relaxedArrayFiles["users.json"]!)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == Fixtures.relaxedArrayFiles.keys.sorted())
    }

    @Test("a folder that cannot be written leaves the old file intact")
    func readOnlyFolder() throws {
        guard getuid() != 0 else {
            // root ignores permissions; a rename onto a directory fails for everyone instead.
            let folder = try TemporaryFolder(Fixtures.relaxedArrayFiles)
            let loaded = try DataFolder.load(from: folder.url)
            try folder.remove("users.json")
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("users.json/keep"), withIntermediateDirectories: true)
            var edited = loaded.dataset
            edited.users[0].name = "Dr. Ahmed H."
            let error = try #require(throws: DataFolderError.self) { try DataFolder.write(edited, basedOn: loaded, to: folder.url) }
            #expect(error.description.hasSuffix("users.json: cannot be written (Is a directory); the old file is unchanged"))
            #expect(FileIO.kind(of: folder.path + "/users.json/keep") == .directory)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == Fixtures.relaxedArrayFiles.keys.sorted())
            return
        }
        let folder = try TemporaryFolder(Fixtures.relaxedArrayFiles)
        let loaded = try DataFolder.load(from: folder.url)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        var edited = loaded.dataset
        edited.users[0].name = "Dr. Ahmed H."
        #expect(throws: DataFolderError.self) { try DataFolder.write(edited, basedOn: loaded, to: folder.url) }
        #expect(try folder.read("users.json") == Fixtures.relaxedArrayFiles["users.json"]!)
    }

    @Test("a second write based on the first one's `written` folder writes what a fresh reading would", arguments: [FileLayout.jsonArray, .jsonLines])
    func writeOnWritten(layout: FileLayout) throws {
        let files = layout == .jsonArray ? Fixtures.relaxedArrayFiles : Fixtures.files(Fixtures.relaxed, Fixtures.lines)
        // First: one appointment rescheduled, one added.
        func first(_ dataset: ClinicDataset) -> ClinicDataset {
            var edited = dataset
            edited.appointments[1].time = MinuteOfDay(hour: 11, minute: 40)
            var added = edited.appointments[0]
            added.id = Fixtures.oid("65f0000600000000000000aa")
            added.time = MinuteOfDay(hour: 12, minute: 0)
            edited.appointments.append(added)
            return edited
        }
        // Second: the added one cancelled, the rescheduled one back at its old time, a patient's phone changed.
        func second(_ dataset: ClinicDataset) -> ClinicDataset {
            var edited = dataset
            edited.appointments[edited.appointments.count - 1].status = .cancelled
            edited.appointments[1].time = MinuteOfDay(hour: 9, minute: 20)
            edited.patients[0].phone = "0111"
            return edited
        }
        let kept = try TemporaryFolder(files), reread = try TemporaryFolder(files)
        let loaded = try DataFolder.load(from: kept.url)
        let once = first(loaded.dataset)
        try DataFolder.write(once, basedOn: loaded, to: kept.url)
        try DataFolder.write(second(once), basedOn: loaded.written(once), to: kept.url)

        let fresh = try DataFolder.load(from: reread.url)
        try DataFolder.write(first(fresh.dataset), basedOn: fresh, to: reread.url)
        let between = try DataFolder.load(from: reread.url)
        try DataFolder.write(second(between.dataset), basedOn: between, to: reread.url)

        for name in files.keys { #expect(try kept.read(name) == reread.read(name), "\(name)") }
        let final = try DataFolder.load(from: kept.url)
        #expect(final.problems.isEmpty)
        #expect(final.dataset == second(once))
        // The appointment back at its old time has its original text again.
        #expect(try kept.read("appointments.json").contains(#""time":"09:20""#))
    }
}
