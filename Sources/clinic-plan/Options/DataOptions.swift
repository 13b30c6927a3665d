import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

/// Where the data is and how to read its times: shared by every command that reads a data folder.
struct DataOptions: ParsableArguments {
    @Option(help: "The data folder: one mongoexport file per collection (JSON array or JSON Lines).")
    var data: String = "instances/sample"

    @Option(help: ArgumentHelp(
        "The clinic's IANA time zone (e.g. Africa/Cairo); stored ISODates are read as local times in it.",
        discussion: "Default: the \"timezone\" of the data folder's clinic-plan.json, else UTC."))
    var timezone: ClinicTimeZone?

    @Flag(help: "Print the time taken and the peak memory on standard error when done.")
    var stats = false

    func validate() throws {
        if stats { RunStats.enable() }
    }

    var folderURL: URL { URL(fileURLWithPath: data, isDirectory: true) }

    /// The folder's `clinic-plan.json` (the standard settings without one), `--timezone` applied.
    func settings() throws -> ClinicSettings {
        let stored: ClinicSettings?
        do {
            stored = try ClinicSettings.readIfPresent(folder: folderURL)
        } catch {
            throw badInput("\(data)/\(error)")
        }
        var settings = stored ?? .standard
        if let timezone {
            // Reading a clinic in another zone than its own moves every stored time: say so.
            if let stored, stored.timeZone.identifier != timezone.identifier {
                FileOutput.standardError.write("note: --timezone \(timezone.identifier) overrides the clinic's zone "
                                               + "\(stored.timeZone.identifier) (\(data)/\(ClinicSettings.fileName))\n")
            }
            settings.timeZone = timezone
        }
        return settings
    }

    /// Loads and validates the folder. On any error, fails with every problem listed; warnings
    /// are only counted, since `validate` is where they are read. The folder is read under its
    /// shared lock (so never halfway through a writer's change), unless the caller already holds
    /// the exclusive one (`exclusivelyLocked`).
    func loadClinic(exclusivelyLocked: Bool = false) throws -> Clinic {
        let settings = try settings()
        let folder = try loadFolder(timeZone: settings.timeZone, exclusivelyLocked: exclusivelyLocked)
        guard folder.errors.isEmpty else {
            throw badInput("\(folder.errors.count) error(s) in \(data); nothing was done (see `clinic-plan validate --data \(data)`)",
                           notes: folder.errors.map(\.description))
        }
        if !folder.warnings.isEmpty {
            FileOutput.standardError.write(
                "note: \(folder.warnings.count) warning(s) in \(data) (see `clinic-plan validate --data \(data)`)\n")
        }
        let clinic = Clinic(folder: folder, settings: settings, folderPath: data)
        ProcessLifetime.keep(clinic)
        return clinic
    }

    /// Reads the folder, problems and all, as `loadClinic` does.
    func loadFolder(timeZone: ClinicTimeZone, exclusivelyLocked: Bool = false) throws -> LoadedFolder {
        var lock: FolderLock?
        var isFolder: ObjCBool = false
        // A missing folder gets the loader's own message, not the lock's.
        if !exclusivelyLocked, FileManager.default.fileExists(atPath: data, isDirectory: &isFolder), isFolder.boolValue {
            do {
                lock = try FolderLock.acquireShared(folder: folderURL)
            } catch {
                // The lock's errors name the lock file.
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
            RunStats.recordLoad(seconds: RunStats.now() - started)
        } catch {
            // The loader's errors name the path already ("/x: no such folder").
            throw badInput("\(error)")
        }
        return folder
    }
}

extension ClinicTimeZone: ExpressibleByArgument {
    /// An IANA name the system's tz database knows ("Africa/Cairo", "UTC").
    public init?(argument: String) { self.init(identifier: argument) }

    /// The names a misspelt zone is compared with for "did you mean".
    static var knownNames: [String] { TimeZone.knownTimeZoneIdentifiers + ["UTC"] }
}
