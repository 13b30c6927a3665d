import ClinicData
import SlotSolver

/// The front desk's call list after a rebooking: one row per booking that moved or could not be
/// placed, with whom to call (name, role, phone), the doctor, the old slot and the new one (or
/// "not placed" and why), in the order of the old slots.
struct CallList {
    let clinic: Clinic
    let result: RebookingResult
    let changes: ChangeSet

    static let header = ["person", "role", "phone", "doctor", "booking_id", "old_slot", "new_slot", "new_booking_id", "note"]

    func rows() -> [[String]] {
        // A moved weekly occurrence becomes a new dated appointment: its id, by patient and slot.
        var newIDs: [String: String] = [:]
        for case .appointment(let change) in changes.changes where change.isInsert {
            let a = change.after
            newIDs["\(a.patientId) \(clinic.localDate(a.date!)) \(a.time)"] = a.id.description
        }
        return result.moves.map { move in
            let person: (name: String, phone: String, id: DocumentID)
            let bookingID: String
            if move.kind == .appointment {
                let patient = clinic.dataset.patients[Int(move.person)]
                person = (clinic.names.patientNames[Int(move.person)], patient.phone, patient.id)
                bookingID = clinic.dataset.appointments[Int(move.record)].id.description
            } else {
                let rep = clinic.dataset.medicalReps[Int(move.person)]
                person = (clinic.names.repNames[Int(move.person)], rep.phone, rep.id)
                bookingID = clinic.dataset.repVisits[Int(move.record)].id.description
            }
            let doctor = clinic.names.doctorNames[Int(move.doctor)]
            let old = "\(move.fromDate) \(move.fromStart)"
            guard let date = move.toDate, let start = move.toStart else {
                return [person.name, role(move), person.phone, doctor, bookingID, old, "not placed", "",
                        move.unplacedReason ?? ""]
            }
            let newID = move.kind == .appointment ? newIDs["\(person.id) \(date) \(start)"] ?? bookingID : bookingID
            return [person.name, role(move), person.phone, doctor, bookingID, old, "\(date) \(start)", newID,
                    "\(move.delayDays) day(s) later"]
        }
    }

    func csv() -> String {
        var table = CSVTable(Self.header)
        for row in rows() { table.append(row) }
        return table.rendered
    }

    private func role(_ move: RebookingMove) -> String { move.kind == .appointment ? "patient" : "medical rep" }
}
