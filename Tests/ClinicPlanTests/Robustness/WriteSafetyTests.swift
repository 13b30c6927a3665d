import Foundation
import Testing

/// No way around the lock or out of the folder: symbolic links in place of the lock, the audit
/// log, a collection file or an exported model are refused or replaced, never followed;
/// `rebook --output` cannot name the data folder; new files follow the umask and users.json is
/// private.
@Suite struct WriteSafetyTests {
    static let admin = "admin@clinicplan.example"

    static func book(_ data: String) -> [String] {
        ["book", "--data", data, "--doctor", "65f000010000000000000001", "--patient", "65f000020000000000000003",
         "--date", "2026-12-08", "--time", "09:40", "--as", admin]
    }

    /// A file outside the folder that a followed link would change.
    func outsideFile(_ text: String = "outside\n") throws -> URL {
        let url = try Tool.temporaryFolder().appendingPathComponent("outside.txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func aLockFileThatIsASymlinkIsRefusedByWritersAndReaders() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let outside = try outsideFile()
        try FileManager.default.createSymbolicLink(atPath: clinic.path + "/.clinic-plan.lock", withDestinationPath: outside.path)
        let before = clinic.snapshot()
        let message = "\(clinic.path)/.clinic-plan.lock: cannot open the lock file: it is a symbolic link "
            + "(refused: writers would truncate its target)"
        let book = try Tool.run(Self.book(clinic.path), environment: Tool.environment())
        #expect(book.status == 2 && book.stderr == "error: \(message)\n", "\(book.stderr)")
        let plan = try Tool.run(["plan", "--data", clinic.path, "--week", "2026-11-29"], environment: Tool.environment())
        #expect(plan.status == 2 && plan.stderr == "error: \(message)\n", "\(plan.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "outside\n")
        #expect(clinic.snapshot() == before)
    }

    @Test func aDanglingLockSymlinkCreatesNothing() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let target = try Tool.temporaryFolder().appendingPathComponent("created-by-a-writer")
        try FileManager.default.createSymbolicLink(atPath: clinic.path + "/.clinic-plan.lock", withDestinationPath: target.path)
        let book = try Tool.run(Self.book(clinic.path), environment: Tool.environment())
        #expect(book.status == 2)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func anAuditLogThatIsASymlinkIsNeitherFollowedNorAChange() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let outside = try outsideFile()
        try FileManager.default.createSymbolicLink(atPath: clinic.path + "/audit.jsonl", withDestinationPath: outside.path)
        let before = clinic.snapshot()
        let book = try Tool.run(Self.book(clinic.path), environment: Tool.environment())
        #expect(book.status == 2)
        #expect(book.stderr.contains("\(clinic.path)/audit.jsonl: is a symbolic link; refusing to append the audit line "
                                     + "outside the data folder (nothing was changed)"), "\(book.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "outside\n")
        #expect(clinic.snapshot() == before)
        #expect(!clinic.exists(".clinic-plan.journal"))
    }

    @Test func aCollectionFileThatIsASymlinkIsNotWrittenThrough() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let outside = try outsideFile(try #require(clinic.read("appointments.json")))
        try FileManager.default.removeItem(atPath: clinic.path + "/appointments.json")
        try FileManager.default.createSymbolicLink(atPath: clinic.path + "/appointments.json", withDestinationPath: outside.path)
        let original = try Data(contentsOf: outside)
        let book = try Tool.run(Self.book(clinic.path), environment: Tool.environment())
        #expect(book.status == 2)
        #expect(book.stderr.contains("\(clinic.path)/appointments.json: is a symbolic link; refusing to write a data folder "
                                     + "whose files point elsewhere (nothing was changed)"), "\(book.stderr)")
        #expect(try Data(contentsOf: outside) == original)
        #expect(FileManager.default.fileExists(atPath: clinic.path + "/appointments.json"))
    }

    @Test(arguments: ["", "/", "/./", "/new/..", "/inside"])
    func rebookOutputIntoTheDataFolderIsRefused(_ suffix: String) throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let before = clinic.snapshot()
        let output = clinic.path + suffix
        let run = try Tool.run(["rebook", "--data", clinic.path, "--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14", "--solver", "greedy",
                                "--close", "2026-12-01", "--output", output], environment: Tool.environment())
        #expect(run.status == 2)
        #expect(run.stderr == "error: --output \(output) is the data folder \(clinic.path) or inside it; "
                + "use --apply to change the data folder (it signs in, locks and audits)\n", "\(run.stderr)")
        #expect(clinic.snapshot() == before)
        #expect(!clinic.exists("inside"))
    }

    @Test func anExportedModelReplacesASymlinkInsteadOfFollowingIt() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = try outsideFile()
        let model = folder.appendingPathComponent("model.lp").path
        try FileManager.default.createSymbolicLink(atPath: model, withDestinationPath: outside.path)
        let run = try Tool.run(["rebook", "--data", Tool.sample, "--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14", "--solver", "greedy",
                                "--export-model", model], environment: Tool.environment())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "outside\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: model)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOfFile: model, encoding: .utf8).hasPrefix("\\* Problem: rebooking *\\"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.lp"])
    }

    /// `umask 027` in a shell, then the tool: new files get 0640, users.json 0600.
    @Test func newFilesFollowTheUmaskAndUsersJSONIsPrivate() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("clinic").path
        let tool = Tool.productsDirectory.appendingPathComponent("clinic-plan").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 027 && exec \"$0\" generate --doctors 2 --reps 1 --patients 3 --rescheduled 0 "
                             + "--seed 1 --from 2026-11-29 --weeks 1 -o \"$1\"", tool, out]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        func mode(_ name: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: out + "/" + name)[.posixPermissions] as! Int
        }
        #expect(try mode("users.json") == 0o600)
        #expect(try mode("appointments.json") == 0o640)
        #expect(try mode("clinic_days.json") == 0o640)
    }
}
