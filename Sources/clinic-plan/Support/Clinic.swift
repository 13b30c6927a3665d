import ClinicData
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
        // One after the other: the mapping shares its work between both cores itself, which it
        // cannot do inside one iteration of a `concurrentPerform` (a nested one runs on the
        // calling thread alone), and the names take a tenth of its time.
        let dataset = folder.dataset
        mapping = ModelMapping(dataset, timeZone: timeZone)
        calendar = WorkCalendar(mapping.model)
        names = Directory(dataset)
    }

    /// A clinic with the standard settings in `timeZone` (for tests and tools that load a folder themselves).
    init(folder: LoadedFolder, timeZone: ClinicTimeZone, folderPath: String = "") {
        var settings = ClinicSettings.standard
        settings.timeZone = timeZone
        self.init(folder: folder, settings: settings, folderPath: folderPath)
    }

    var dataset: ClinicDataset { folder.dataset }
    var model: ClinicModel { mapping.model }
    var timeZone: ClinicTimeZone { settings.timeZone }
}
