import SlotSolver

/// A conflict report looked up by item and date, by doctor and date, and by doctor (undated).
struct ConflictIndex {
    private var byItem: [String: [ConflictKind]] = [:]
    private var byDoctorDate: [DoctorDate: [Conflict]] = [:]
    private var undatedByDoctor: [Int32: [Conflict]] = [:]

    init(_ report: ConflictReport) {
        for conflict in report.conflicts {
            guard let date = conflict.date else {
                if case .doctor(let d) = conflict.subject { undatedByDoctor[d, default: []].append(conflict) }
                continue
            }
            // Over-capacity is about the day, not an item: the grid shows it in the day's header.
            if conflict.kind == .overCapacity, case .doctor(let d) = conflict.subject {
                byDoctorDate[DoctorDate(doctor: d, date: date), default: []].append(conflict)
                continue
            }
            for id in conflict.ids {
                let key = ConflictIndex.key(id, date)
                if !(byItem[key]?.contains(conflict.kind) ?? false) { byItem[key, default: []].append(conflict.kind) }
            }
        }
    }

    func kinds(id: String, date: LocalDate) -> [ConflictKind] { byItem[ConflictIndex.key(id, date)] ?? [] }
    func dayLevel(doctor: Int32, date: LocalDate) -> [Conflict] { byDoctorDate[DoctorDate(doctor: doctor, date: date)] ?? [] }
    func undated(doctor: Int32) -> [Conflict] { undatedByDoctor[doctor] ?? [] }

    private static func key(_ id: String, _ date: LocalDate) -> String { "\(id)|\(date.daysSinceEpoch)" }
}
