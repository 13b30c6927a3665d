import ClinicData
import Dispatch
import SlotSolver

/// A loaded, valid data folder with what every command needs: the engine's model, the work
/// calendar, people's names for printing and finding, and the clinic's settings.
struct Clinic {
    let folder: LoadedFolder
    /// `clinic-plan.json`, with the command line's `--timezone` applied.
    let settings: ClinicSettings
    /// The data folder as the user gave it (`--data`), for messages.
    let folderPath: String
    let mapping: ModelMapping
    let calendar: WorkCalendar
    let names: Directory

    init(folder: LoadedFolder, settings: ClinicSettings, folderPath: String) {
        self.folder = folder
        self.settings = settings
        self.folderPath = folderPath
        let timeZone = settings.timeZone
        // The engine's model and the names for printing are independent: one core each.
        let parts = Parts()
        let dataset = folder.dataset
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                parts.mapping = ModelMapping(dataset, timeZone: timeZone)
            } else {
                parts.names = Directory(dataset)
            }
        }
        mapping = parts.mapping!
        calendar = WorkCalendar(mapping.model)
        names = parts.names!
    }

    /// A clinic with the standard settings in `timeZone` (for tests and tools that load a folder themselves).
    init(folder: LoadedFolder, timeZone: ClinicTimeZone, folderPath: String = "") {
        var settings = ClinicSettings.standard
        settings.timeZone = timeZone
        self.init(folder: folder, settings: settings, folderPath: folderPath)
    }

    /// Where the two threads of `init` leave their results; each writes its own.
    private final class Parts: @unchecked Sendable {
        var mapping: ModelMapping?
        var names: Directory?
    }

    var dataset: ClinicDataset { folder.dataset }
    var model: ClinicModel { mapping.model }
    var timeZone: ClinicTimeZone { settings.timeZone }
}
