import ClinicData
import Dispatch
import SlotSolver

/// A loaded, valid data folder with what every command needs: the engine's model, the work
/// calendar, and people's names for printing.
struct Clinic {
    let folder: LoadedFolder
    let timeZone: ClinicTimeZone
    let mapping: ModelMapping
    let calendar: WorkCalendar
    let names: Directory

    init(folder: LoadedFolder, timeZone: ClinicTimeZone) {
        self.folder = folder
        self.timeZone = timeZone
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

    /// Where the two threads of `init` leave their results; each writes its own.
    private final class Parts: @unchecked Sendable {
        var mapping: ModelMapping?
        var names: Directory?
    }

    var dataset: ClinicDataset { folder.dataset }
    var model: ClinicModel { mapping.model }

    /// The dense index of the doctor with this `_id` (as printed: ObjectId hex, digits or string).
    func doctorIndex(named text: String) -> Int32? {
        let wanted = text.lowercased()
        return dataset.doctors.firstIndex { $0.id.description.lowercased() == wanted }.map { Int32($0) }
    }

    /// `--doctor ID` resolved, or a usage failure naming the folder.
    func resolveDoctor(_ text: String?, data: String) throws -> Int32? {
        guard let text else { return nil }
        guard let index = doctorIndex(named: text) else {
            throw badInput("no doctor with _id \(text) in \(data)/doctors.json")
        }
        return index
    }
}
