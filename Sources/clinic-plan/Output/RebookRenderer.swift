import ClinicData
import SlotSolver

/// Prints a rebooking result: a summary and a table of moves, or the JSON of scheduling.md.
struct RebookRenderer {
    let clinic: Clinic
    let range: DateRange
    let notBefore: LocalMoment
    let result: RebookingResult
    /// The change the rebooking makes (its new `_id`s are the ones `--apply` writes).
    let changes: ChangeSet

    func table() -> String {
        let a = result.appointments, v = result.repVisits
        var out = "Rebooking \(range) (\(clinic.timeZone)), solver \(result.solver.rawValue): \(result.status.rawValue), "
        out += "objective \(result.objective) day(s), bound \(bound), \(seconds) s\n"
        out += "  appointments: \(a.moved) moved, \(a.unplaced) unplaced, \(a.objective) day(s)\n"
        out += "  rep visits:   \(v.moved) moved, \(v.unplaced) unplaced, \(v.objective) day(s)\n"
        out += "  nothing placed before \(notBefore)"
        if result.leftBeforeNotBefore > 0 {
            out += "; \(result.leftBeforeNotBefore) closed booking(s) that began before it left as they are (--include-past moves them)"
        }
        out += "\n"
        let unplaced = a.unplaced + v.unplaced
        if unplaced > 0 {
            out += "  \(unplaced) item(s) NOT PLACED: no slot in the range; each counts \"days to the end of the range\" in the objective\n"
        }
        guard !result.moves.isEmpty else { return out + "\nNothing needs a new slot.\n" }
        var table = TextTable(["KIND", "ID", "DOCTOR", "WITH", "FROM", "TO", "DELAY", "REASON"])
        for move in result.moves {
            table.append([move.kind == .appointment ? "appointment" : "rep visit", id(move),
                          clinic.names.doctorNames[Int(move.doctor)], person(move), from(move), to(move) ?? "not placed",
                          move.isPlaced ? "\(move.delayDays)" : "", move.unplacedReason ?? ""])
        }
        return out + "\n" + table.render()
    }

    func json() -> JSONValue {
        func kind(_ summary: RebookingKindSummary) -> JSONValue {
            .object(["moved": .int(summary.moved), "unplaced": .int(summary.unplaced), "objective": .int(summary.objective)])
        }
        return .object([
            "summary": .object([
                "solver": .string(result.solver.rawValue),
                "status": .string(result.status.rawValue),
                "objective": .int(result.objective),
                "bound": .decimal(result.bound),
                "gap": .decimal(max(0, result.gap), digits: 6),
                "appointments": kind(result.appointments),
                "rep_visits": kind(result.repVisits),
                "unplaced": .int(result.appointments.unplaced + result.repVisits.unplaced),
                "left_before_not_before": .int(result.leftBeforeNotBefore),
                "seconds": .decimal(result.seconds, digits: 3),
            ]),
            "not_before": .string(notBefore.description),
            "range": .object(["from": .date(range.first), "to": .date(range.last), "days": .int(range.count)]),
            "timezone": .string(clinic.timeZone.identifier),
            "moves": .array(result.moves.map { move in
                var members: [(String, JSONValue)] = [
                    ("kind", .string(move.kind == .appointment ? "appointment" : "rep_visit")),
                    ("id", .string(id(move))),
                    ("doctor_id", .string(clinic.model.doctorIDs[Int(move.doctor)])),
                    (move.kind == .appointment ? "patient_id" : "rep_id", .string(personID(move))),
                    ("from", .string(from(move))),
                    ("to", to(move).map { .string($0) } ?? .null),
                    ("placed", .bool(move.isPlaced)),
                    ("delay_days", move.isPlaced ? .int(move.delayDays) : .null),
                ]
                if let reason = move.unplacedReason {
                    members.append(("unplaced_cost_days", .int(move.delayDays)))
                    members.append(("reason", .string(reason)))
                }
                return .members(members)
            }),
            "changes": changes.json,
        ])
    }

    // MARK: - cells

    private var bound: String { result.bound == result.bound.rounded() ? String(Int(result.bound)) : String(result.bound) }
    private var seconds: String { String((result.seconds * 1000).rounded() / 1000) }

    private func id(_ move: RebookingMove) -> String {
        move.kind == .appointment ? clinic.model.appointments[Int(move.record)].id : clinic.model.visits[Int(move.record)].id
    }

    private func personID(_ move: RebookingMove) -> String {
        move.kind == .appointment ? clinic.model.patientIDs[Int(move.person)] : clinic.model.repIDs[Int(move.person)]
    }

    private func person(_ move: RebookingMove) -> String {
        move.kind == .appointment ? clinic.names.patientNames[Int(move.person)] : clinic.names.repNames[Int(move.person)]
    }

    /// Local "YYYY-MM-DDTHH:MM".
    private func from(_ move: RebookingMove) -> String { "\(move.fromDate)T\(move.fromStart)" }

    private func to(_ move: RebookingMove) -> String? {
        guard let date = move.toDate, let start = move.toStart else { return nil }
        return "\(date)T\(start)"
    }
}
