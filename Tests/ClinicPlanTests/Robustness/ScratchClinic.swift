import EngineTestSupport
import Foundation

/// A copy of the sample clinic in a fresh temporary folder, with what the robustness tests
/// read back: the collection files' exact bytes, the audit log, the lock's state.
struct ScratchClinic {
    static let collectionFiles = ["users.json", "doctors.json", "patients.json", "medical_reps.json",
                                  "appointments.json", "rep_visits.json", "schedules.json", "clinic_days.json"]

    let url: URL
    var path: String { url.path }

    /// A copy of `source` (the sample by default).
    init(copying source: String = Tool.sample) throws {
        url = try Tool.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where !name.hasPrefix(".") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: path + "/" + name)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Every collection file's bytes, by name (a missing file is absent).
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        for name in Self.collectionFiles { files[name] = FileManager.default.contents(atPath: path + "/" + name) }
        return files
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    /// The audit log's lines (none when it does not exist).
    func auditLines() -> [String] {
        (read("audit.jsonl") ?? "").split(separator: "\n").map(String.init)
    }

    func exists(_ name: String) -> Bool {
        var info = stat()
        return lstat(path + "/" + name, &info) == 0
    }

    /// Whether the folder's lock can be taken right now (no process holds it).
    func lockIsFree() -> Bool {
        let fd = open(path + "/.clinic-plan.lock", O_RDWR | O_CREAT | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) == 0
    }
}


extension Tool {
    /// The environment of a tool run: the sample's password and `extra` (a crash point). New
    /// ObjectIds are derived from the data, so a killed run and a finished one compare byte for byte.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "CLINIC_PASSWORD": "clinic-demo"]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs the tool and kills it with SIGKILL after `delay` seconds if it is still running;
    /// returns its exit status (137 and the like when killed: 128 + 9 in a shell's terms).
    @discardableResult
    static func runKilled(after delay: Double, _ arguments: [String], environment: [String: String],
                          stdin: String? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("clinic-plan")
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Poll, so that a run that ends (or kills itself at a crash point) is not waited on.
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning && Date() < deadline { usleep(1_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
