/// One change to the clinic's data, as the rebooking, booking and closing commands make them.
/// Updates carry the whole new record and are matched by `_id`.
public enum DataChange: Hashable, Sendable {
    case updateAppointment(Appointment)
    case insertAppointment(Appointment)
    case updateRepVisit(RepVisit)
    case insertRepVisit(RepVisit)
    case insertClinicDay(ClinicDay)
}

/// Changes applied together: to a dataset in memory (then written with `DataFolder.write`), or
/// printed as a mongosh script that makes exactly the same changes to the clinic's database.
public struct ChangeSet: Hashable, Sendable {
    public var changes: [DataChange]

    public init(_ changes: [DataChange] = []) { self.changes = changes }

    public var isEmpty: Bool { changes.isEmpty }

    /// The dataset with every change made: updates replace the record with the same `_id` in
    /// place (order kept), inserts are appended.
    ///
    /// - Complexity: O(records + changes)
    public func applied(to dataset: ClinicDataset) -> ClinicDataset {
        var result = dataset
        let appointmentAt = Dictionary(dataset.appointments.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let visitAt = Dictionary(dataset.repVisits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for change in changes {
            switch change {
            case .updateAppointment(let appointment):
                if let i = appointmentAt[appointment.id] { result.appointments[i] = appointment }
            case .insertAppointment(let appointment): result.appointments.append(appointment)
            case .updateRepVisit(let visit):
                if let i = visitAt[visit.id] { result.repVisits[i] = visit }
            case .insertRepVisit(let visit): result.repVisits.append(visit)
            case .insertClinicDay(let day): result.clinicDays.append(day)
            }
        }
        return result
    }
}
