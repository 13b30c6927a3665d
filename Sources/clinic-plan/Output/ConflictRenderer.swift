import ClinicData
import SlotSolver

/// Prints a conflict report as a table, JSON (the shape scheduling.md fixes) or CSV.
struct ConflictRenderer {
    let clinic: Clinic
    let range: DateRange
    /// Taken out of `clinic` once: `clinic.model` copies the model (a retain of each of its
    /// arrays), which per conflict was a tenth of writing a large report.
    private let model: ClinicModel

    init(clinic: Clinic, range: DateRange) {
        self.clinic = clinic
        self.range = range
        model = clinic.model
    }

    func table(_ report: ConflictReport) -> String {
        var out = "Conflicts \(range) (\(range.count) days, \(clinic.timeZone)): \(report.conflicts.count) found\n"
        guard !report.conflicts.isEmpty else { return out }
        var table = TextTable(["DATE", "KIND", "WHO", "IDS", "DETAIL"])
        for conflict in report.conflicts {
            table.append([conflict.date?.description ?? "-", conflict.kind.rawValue, who(conflict.subject),
                          conflict.ids.joined(separator: " "), conflict.detail])
        }
        out += "\n" + table.render()
        let counts = report.summary.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        out += "\nsummary: " + counts.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + "\n"
        return out
    }

    /// The report as compact JSON (the shape scheduling.md fixes), streamed into bytes rather
    /// than built as a `JSONValue` tree: a month of a large clinic has hundreds of thousands of
    /// conflicts.
    func json(_ report: ConflictReport) -> [UInt8] {
        let summary = report.summary
        var out = JSONStream(reservingCapacity: 256 + report.conflicts.count * 160)
        out.beginObject()
        out.key("summary")
        out.beginObject()
        for kind in ConflictKind.allCases {
            out.key(kind.rawValue)
            out.integer(summary[kind] ?? 0)
        }
        out.endObject()
        out.key("range")
        out.value(.object(["from": .date(range.first), "to": .date(range.last), "days": .int(range.count)]))
        out.key("timezone")
        out.string(clinic.timeZone.identifier)
        out.key("conflicts")
        out.beginArray()
        // Two halves written at the same time, one per core, and joined.
        let conflicts = report.conflicts, half = conflicts.count / 2
        let (first, second) = BothCores.run({ conflictObjects(conflicts[..<half]) },
                                            { conflictObjects(conflicts[half...]) })
        out.elements(first)
        out.elements(second)
        out.endArray()
        out.endObject()
        return out.bytes
    }

    /// `conflicts` as the elements of the report's `conflicts` array, comma-separated.
    private func conflictObjects(_ conflicts: ArraySlice<Conflict>) -> [UInt8] {
        var out = JSONStream.arrayElements(reservingCapacity: conflicts.count * 160)
        for conflict in conflicts {
            out.beginObject()
            out.key("kind")
            out.string(conflict.kind.rawValue)
            let (key, id) = subjectID(conflict.subject)
            out.key(key)
            out.string(id)
            if let date = conflict.date {
                out.key("date")
                out.string(date.description)
            }
            out.key("ids")
            out.beginArray()
            for id in conflict.ids { out.string(id) }
            out.endArray()
            out.key("detail")
            out.string(conflict.detail)
            out.endObject()
        }
        return out.bytes
    }

    func csv(_ report: ConflictReport) -> String {
        var csv = CSVTable(["kind", "subject", "subject_id", "subject_name", "date", "ids", "detail"])
        // Two halves written at the same time, one per core, and joined (as `json`).
        let conflicts = report.conflicts, half = conflicts.count / 2
        let (first, second) = BothCores.run({ csvRows(conflicts[..<half]) }, { csvRows(conflicts[half...]) })
        csv.append(rowsOf: first)
        csv.append(rowsOf: second)
        return csv.rendered
    }

    private func csvRows(_ conflicts: ArraySlice<Conflict>) -> CSVTable {
        var csv = CSVTable.rowsOnly()
        for conflict in conflicts {
            let (key, id) = subjectID(conflict.subject)
            csv.append([conflict.kind.rawValue, String(key.dropLast(3)), id, name(conflict.subject),
                        conflict.date?.description ?? "", conflict.ids.joined(separator: ";"), conflict.detail])
        }
        return csv
    }

    // MARK: - who a conflict is about

    private func subjectID(_ subject: ConflictSubject) -> (key: String, id: String) {
        switch subject {
        case .doctor(let i): ("doctor_id", model.doctorIDs[Int(i)])
        case .rep(let i): ("rep_id", model.repIDs[Int(i)])
        case .patient(let i): ("patient_id", model.patientIDs[Int(i)])
        }
    }

    private func name(_ subject: ConflictSubject) -> String {
        switch subject {
        case .doctor(let i): clinic.names.doctorNames[Int(i)]
        case .rep(let i): clinic.names.repNames[Int(i)]
        case .patient(let i): clinic.names.patientNames[Int(i)]
        }
    }

    private func who(_ subject: ConflictSubject) -> String {
        switch subject {
        case .doctor: name(subject)
        case .rep: "rep " + name(subject)
        case .patient: "patient " + name(subject)
        }
    }
}
