import ClinicData
import Foundation
import SlotSolver

/// A rebooking computed for preview, kept until applied (or replaced by newer previews):
/// applying writes exactly these moves, and only if the folder is still as it was then.
struct RebookPreview: @unchecked Sendable {
    var id: String
    var email: String
    var doctor: DocumentID?
    var signature: FolderSignature
    var clinic: Clinic
    var result: RebookingResult
    var changes: ChangeSet
    var range: DateRange
    var notBefore: LocalMoment
    var closures: [ExtraClosure]

    var renderer: RebookRenderer {
        RebookRenderer(clinic: clinic, range: range, notBefore: notBefore, result: result, changes: changes)
    }
    var callList: String { CallList(clinic: clinic, result: result, changes: changes).csv() }
    var mongosh: String { MongoshScript.render(changes, action: "rebook", database: nil) }
}

/// The previews, in memory: the newest 20.
final class RebookPreviews: @unchecked Sendable {
    private let lock = NSLock()
    private var previews: [RebookPreview] = []

    func add(_ preview: RebookPreview) {
        lock.withLock {
            previews.append(preview)
            if previews.count > 20 { previews.removeFirst(previews.count - 20) }
        }
    }

    /// The preview with this id, if the user made it.
    func find(_ id: String, email: String) -> RebookPreview? {
        lock.withLock { previews.first { $0.id == id && $0.email == email } }
    }

    func remove(_ id: String) {
        lock.withLock { previews.removeAll { $0.id == id } }
    }
}

/// What a rebooking is asked for: a range, perhaps one doctor, and closures to add first.
struct RebookInput {
    var from: String?
    var days: Int?
    var doctor: String?
    /// `(date, reason)` pairs.
    var closures: [(String, String)]
}

extension ServeApp {
    /// Rebooks on the viewer's snapshot without writing anything.
    func rebookPreview(_ input: RebookInput, by viewer: Viewer) throws(ServerFailure) -> RebookPreview {
        let clinic = viewer.clinic
        let days = input.days ?? 14
        guard (1...ValueDomains.maxDays).contains(days) else { throw .badRequest("days must be 1 to \(ValueDomains.maxDays)") }
        var first = LocalDate.today(in: clinic.timeZone)
        if let text = input.from {
            guard let date = LocalDate(argument: text) else { throw .badRequest("from must be a YYYY-MM-DD date") }
            first = date
        }
        var doctor: Int32?
        if let text = input.doctor {
            let index = try clinic.person(.doctor, text)
            doctor = index
        }
        let doctorID = doctor.map { clinic.dataset.doctors[Int($0)].id }
        try allow(.rebook(doctor: doctorID), viewer.signedIn)
        var closures: [ExtraClosure] = []
        for (dateText, reason) in input.closures {
            guard let date = LocalDate(argument: dateText) else { throw .badRequest("closure date \(dateText) is not a YYYY-MM-DD date") }
            closures.append(ExtraClosure(doctor: doctor, date: date, reason: reason.isEmpty ? "Closed" : reason))
        }
        let earliest = self.notBefore(clinic)
        let range = DateRange(first: first, count: days)
        let options = RebookingOptions(range: range, extraClosures: closures, doctor: doctor, notBefore: earliest,
                                       movesEarlierItems: false, grid: 5, solver: .glpk, timeLimitSeconds: 10)
        let result: RebookingResult
        do {
            result = try Rebooker.rebook(clinic.model, options: options, deadline: .after(seconds: 10), progress: nil)
        } catch {
            throw .badRequest("\(error)")
        }
        let changes = RebookingChanges.make(result, closures: closures, dataset: clinic.dataset, mapping: clinic.mapping,
                                            timeZone: clinic.timeZone)
        let preview = RebookPreview(id: Secret.make(), email: viewer.email, doctor: doctorID, signature: viewer.snapshot.signature,
                                    clinic: clinic, result: result, changes: changes, range: range, notBefore: earliest,
                                    closures: closures)
        previews.add(preview)
        return preview
    }

    /// Writes a preview's moves as one transaction; 409 when the folder changed since.
    func rebookApply(_ id: String, by viewer: Viewer) throws(ServerFailure) -> RebookPreview {
        guard let preview = previews.find(id, email: viewer.email) else { throw .notFound("no rebooking preview \(id) of yours") }
        let ids = preview.doctor.map { [("doctor_id", $0.description)] } ?? []
        let folder = live.data.folderURL.path
        _ = try commit(viewer, action: "rebook", ids: ids) { _, signedIn, _ throws(AuthRefusal) in
            try AuthRefusal.allow(.rebook(doctor: preview.doctor), signedIn)
            guard FolderSignature(folder: folder) == preview.signature else {
                throw AuthRefusal(.failed, "the data changed since this preview was made; preview again", subject: .recordState)
            }
            return WriteDecision(rebooking: preview.result, changes: preview.changes, output: "")
        }
        previews.remove(id)
        return preview
    }
}
