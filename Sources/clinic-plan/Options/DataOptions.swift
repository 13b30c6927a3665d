import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

/// Where the data is and how to read its times: shared by every command that reads a data folder.
struct DataOptions: ParsableArguments {
    @Option(help: "The data folder: one mongoexport file per collection (JSON array or JSON Lines).")
    var data: String = "instances/sample"

    @Option(help: "The clinic's IANA time zone (e.g. Africa/Cairo); stored ISODates are read as local times in it.")
    var timezone: String = "UTC"

    @Flag(help: "Print the time taken and the peak memory on standard error when done.")
    var stats = false

    func validate() throws {
        if stats { RunStats.enable() }
        guard ClinicTimeZone(identifier: timezone) != nil else {
            throw ValidationError("unknown time zone \"\(timezone)\": give an IANA name such as Africa/Cairo or UTC")
        }
    }

    var timeZone: ClinicTimeZone { ClinicTimeZone(identifier: timezone) ?? .utc }
    var folderURL: URL { URL(fileURLWithPath: data, isDirectory: true) }

    /// Loads and validates the folder. On any error, prints every problem and exits with status 2;
    /// warnings are only counted, since `validate` is where they are read. The folder is read
    /// under its shared lock (so never halfway through a writer's change), unless the caller
    /// already holds the exclusive one (`exclusivelyLocked`).
    func loadClinic(exclusivelyLocked: Bool = false) throws -> Clinic {
        let folder = try loadFolder(exclusivelyLocked: exclusivelyLocked)
        guard folder.errors.isEmpty else {
            for problem in folder.errors { FileOutput.standardError.write("\(problem)\n") }
            throw badInput("\(folder.errors.count) error(s) in \(data); nothing was done (see `clinic-plan validate --data \(data)`)")
        }
        if !folder.warnings.isEmpty {
            FileOutput.standardError.write(
                "note: \(folder.warnings.count) warning(s) in \(data) (see `clinic-plan validate --data \(data)`)\n")
        }
        let clinic = Clinic(folder: folder, timeZone: timeZone)
        ProcessLifetime.keep(clinic)
        return clinic
    }

    /// Reads the folder, problems and all, as `loadClinic` does.
    func loadFolder(exclusivelyLocked: Bool = false) throws -> LoadedFolder {
        var lock: FolderLock?
        var isFolder: ObjCBool = false
        // A missing folder gets the loader's own message, not the lock's.
        if !exclusivelyLocked, FileManager.default.fileExists(atPath: data, isDirectory: &isFolder), isFolder.boolValue {
            do {
                lock = try FolderLock.acquireShared(folder: folderURL)
            } catch {
                throw badInput("\(error)")
            }
        }
        defer { lock?.release() }
        let folder: LoadedFolder
        do {
            let started = RunStats.now()
            // Progress only where someone watches it: a terminal.
            let progress = Progress(enabled: FileOutput.standardError.isTerminal)
            folder = try DataFolder.load(from: folderURL, timeZone: timeZone,
                                         progress: progress.enabled ? LoadProgress { progress.report($0, $1) } : nil)
            progress.finish()
            RunStats.recordLoad(seconds: RunStats.now() - started, reading: folder.reading)
        } catch {
            throw badInput("\(data): \(error)")
        }
        return folder
    }
}
