/// An independent check of a rebooking result against the rules of scheduling.md ("Rebooking").
///
/// It shares no code with the solvers on purpose: it re-derives which items need a slot, what
/// stays, the working days, windows, lengths and caps straight from the model, and compares
/// every placed item pairwise with everything else on its doctor-, rep- or patient-date. It is
/// simple rather than fast (quadratic per resource-date, which holds only a handful of items).
public enum RebookingChecker {
    /// Every rule the result breaks, as sentences; empty when the result is valid.
    /// - Complexity: O(occurrences + Σ k² over resource-dates holding k items).
    public static func violations(of result: RebookingResult, model: ClinicModel,
                                  options: RebookingOptions) -> [String] {
        var problems: [String] = []
        let range = options.range
        let grid = options.grid

        // MARK: Rules straight from the model

        func rule(_ doctor: Int32, _ weekday: Weekday) -> ScheduleRule? {
            model.schedules.first { $0.doctor == doctor && $0.weekday == weekday }
        }
        func isClosed(_ doctor: Int32, _ date: LocalDate) -> Bool {
            model.closures.contains { !$0.isOpen && $0.doctor == doctor && $0.date == date }
                || options.extraClosures.contains { ($0.doctor == nil || $0.doctor == doctor) && $0.date == date }
        }
        var ruleCache: [Int64: ScheduleRule?] = [:]
        func cachedRule(_ doctor: Int32, _ weekday: Weekday) -> ScheduleRule? {
            let key = Int64(doctor) * 8 + Int64(weekday.rawValue)
            if let hit = ruleCache[key] { return hit }
            let found = rule(doctor, weekday)
            ruleCache[key] = found
            return found
        }
        var closedCache: [Int64: Bool] = [:]
        func cachedClosed(_ doctor: Int32, _ date: LocalDate) -> Bool {
            let key = Int64(doctor) << 32 | Int64(UInt32(bitPattern: date.daysSinceEpoch))
            if let hit = closedCache[key] { return hit }
            let found = isClosed(doctor, date)
            closedCache[key] = found
            return found
        }
        func appointmentLength(_ doctor: Int32, _ date: LocalDate) -> Int32 {
            cachedRule(doctor, date.weekday)?.appointmentMinutes ?? 15
        }

        // MARK: Occurrences in the range, and which need a slot

        struct Key: Hashable { var kind: ItemKind; var record: Int32; var date: LocalDate }
        var stays: [CheckedSlot] = []
        var needed: [Key: CheckedSlot] = [:]
        let selected = { (doctor: Int32) in options.doctor == nil || options.doctor == doctor }
        // A closed slot that began before --not-before is history and stays, unless asked.
        func begunBeforeFloor(_ date: LocalDate, _ start: Int32) -> Bool {
            guard let floor = options.notBefore, !options.movesEarlierItems else { return false }
            return date < floor.date || (date == floor.date && start < floor.minute.minutes)
        }
        for (index, a) in model.appointments.enumerated() where a.status == .booked {
            var dates: [LocalDate] = []
            switch a.recurrence {
            case .dated(let date): if range.contains(date) { dates = [date] }
            case .weekly(let weekday, let skipping):
                dates = range.filter { $0.weekday == weekday && !skipping.contains($0) }
            }
            for date in dates {
                let start = a.time.minutes
                let slot = CheckedSlot(kind: .appointment, record: Int32(index), doctor: a.doctor, person: a.patient,
                                date: date, start: start, end: start + appointmentLength(a.doctor, date))
                if selected(a.doctor) && cachedClosed(a.doctor, date) && !begunBeforeFloor(date, start) {
                    needed[Key(kind: .appointment, record: Int32(index), date: date)] = slot
                } else {
                    stays.append(slot)
                }
            }
        }
        for (index, v) in model.visits.enumerated() {
            let slot = CheckedSlot(kind: .repVisit, record: Int32(index), doctor: v.doctor, person: v.rep, date: v.date,
                            start: v.start.minutes, end: v.start.minutes + v.length)
            let key = Key(kind: .repVisit, record: Int32(index), date: v.date)
            switch v.status {
            case .rescheduled:
                if selected(v.doctor) { needed[key] = slot }
            case .scheduled where range.contains(v.date):
                if selected(v.doctor) && cachedClosed(v.doctor, v.date) && !begunBeforeFloor(v.date, v.start.minutes) {
                    needed[key] = slot
                } else {
                    stays.append(slot)
                }
            case .completed where range.contains(v.date):
                stays.append(slot)
            default:
                break
            }
        }

        // MARK: Every needed item appears exactly once; nothing else does

        var seen = Set<Key>()
        for move in result.moves {
            let key = Key(kind: move.kind, record: move.record, date: move.fromDate)
            if !seen.insert(key).inserted { problems.append("\(describe(move, model)) appears twice") }
            guard let original = needed[key] else {
                problems.append("\(describe(move, model)) did not need a new slot")
                continue
            }
            if move.doctor != original.doctor || move.person != original.person || move.fromStart.minutes != original.start {
                problems.append("\(describe(move, model)) does not match its record")
            }
        }
        for (key, slot) in needed where !seen.contains(key) {
            let id = key.kind == .appointment ? model.appointments[Int(key.record)].id : model.visits[Int(key.record)].id
            problems.append("\(key.kind == .appointment ? "appointment" : "rep visit") \(id) on \(slot.date) needed a slot but is missing")
        }

        // MARK: Each placement on its own

        var occupying = stays
        var objectives: [ItemKind: Int] = [.appointment: 0, .repVisit: 0]
        var moved: [ItemKind: Int] = [.appointment: 0, .repVisit: 0]
        var unplaced: [ItemKind: Int] = [.appointment: 0, .repVisit: 0]
        for move in result.moves {
            let name = describe(move, model)
            guard let date = move.toDate, let start = move.toStart else {
                unplaced[move.kind]! += 1
                if move.toDate != nil || move.toStart != nil { problems.append("\(name) is half placed") }
                if (move.unplacedReason ?? "").isEmpty { problems.append("\(name) is unplaced without a reason") }
                let cost = move.fromDate.days(to: range.end)
                if move.delayDays != cost { problems.append("\(name) costs \(cost) days unplaced, not \(move.delayDays)") }
                objectives[move.kind]! += cost
                continue
            }
            moved[move.kind]! += 1
            if move.unplacedReason != nil { problems.append("\(name) is placed but has a reason") }
            if !range.contains(date) { problems.append("\(name) moves to \(date), outside the range") }
            if date <= move.fromDate { problems.append("\(name) moves to \(date), not after \(move.fromDate)") }
            if let floor = options.notBefore, date < floor.date || (date == floor.date && start < floor.minute) {
                problems.append("\(name) moves to \(date) \(start), before --not-before \(floor)")
            }
            let delay = move.fromDate.days(to: date)
            if move.delayDays != delay { problems.append("\(name) has delay \(move.delayDays), not \(delay)") }
            objectives[move.kind]! += delay
            guard let rule = cachedRule(move.doctor, date.weekday), !cachedClosed(move.doctor, date) else {
                problems.append("\(name) moves to \(date), when the doctor does not work")
                continue
            }
            let length = move.kind == .appointment ? rule.appointmentMinutes : model.visits[Int(move.record)].length
            if move.length != length { problems.append("\(name) has length \(move.length), not \(length)") }
            if start.minutes % grid != 0 { problems.append("\(name) starts at \(start), off the \(grid)-minute grid") }
            let window = move.kind == .appointment ? rule.patientWindow : rule.repWindow
            if start.minutes < window.start.minutes || start.minutes + length > window.end.minutes {
                problems.append("\(name) at \(start) for \(length) min is outside the window \(window)")
            }
            occupying.append(CheckedSlot(kind: move.kind, record: move.record, doctor: move.doctor, person: move.person,
                                  date: date, start: start.minutes, end: start.minutes + length))
        }
        let placedFrom = stays.count

        // MARK: Overlaps and capacity per resource-date

        struct Resource: Hashable { var tag: Int; var id: Int32; var date: LocalDate }
        var groups: [Resource: [Int]] = [:]
        for (k, slot) in occupying.enumerated() {
            groups[Resource(tag: 0, id: slot.doctor, date: slot.date), default: []].append(k)
            groups[Resource(tag: slot.kind == .appointment ? 1 : 2, id: slot.person, date: slot.date), default: []].append(k)
        }
        for (resource, members) in groups where members.contains(where: { $0 >= placedFrom }) {
            for a in members where a >= placedFrom {
                for b in members where b != a && (b < placedFrom || b > a) {
                    let x = occupying[a], y = occupying[b]
                    if x.start < y.end && y.start < x.end {
                        let who = ["the doctor", "the patient", "the rep"][resource.tag]
                        problems.append("\(describeSlot(x, model)) overlaps \(describeSlot(y, model)) for \(who) on \(resource.date)")
                    }
                }
            }
            guard resource.tag == 0, let rule = cachedRule(resource.id, resource.date.weekday) else { continue }
            for kind in ItemKind.allCases {
                let placedHere = members.filter { $0 >= placedFrom && occupying[$0].kind == kind }.count
                guard placedHere > 0 else { continue }
                let total = members.filter { occupying[$0].kind == kind }.count
                let cap = kind == .appointment ? rule.maxPatients : rule.maxReps
                if total > cap {
                    problems.append("doctor \(model.doctorIDs[Int(resource.id)]) on \(resource.date) holds \(total) \(kind == .appointment ? "appointments" : "visits"), cap \(cap)")
                }
            }
        }

        // MARK: Totals

        let total = objectives[.appointment]! + objectives[.repVisit]!
        if result.objective != total { problems.append("objective \(result.objective) but the moves add up to \(total)") }
        for kind in ItemKind.allCases {
            let summary = result.summary(of: kind)
            if summary != RebookingKindSummary(moved: moved[kind]!, unplaced: unplaced[kind]!, objective: objectives[kind]!) {
                problems.append("the \(kind == .appointment ? "appointment" : "rep visit") summary \(summary) does not match the moves")
            }
        }
        if result.bound > Double(result.objective) + 1e-6 {
            problems.append("bound \(result.bound) exceeds the objective \(result.objective)")
        }
        return problems
    }

    private static func describe(_ move: RebookingMove, _ model: ClinicModel) -> String {
        let id = move.kind == .appointment ? model.appointments[Int(move.record)].id : model.visits[Int(move.record)].id
        return "\(move.kind == .appointment ? "appointment" : "rep visit") \(id) from \(move.fromDate)"
    }

    private static func describeSlot(_ slot: CheckedSlot, _ model: ClinicModel) -> String {
        let id = slot.kind == .appointment ? model.appointments[Int(slot.record)].id : model.visits[Int(slot.record)].id
        return "\(slot.kind == .appointment ? "appointment" : "rep visit") \(id) at \(slot.date) \(MinuteOfDay(slot.start))"
    }
}

/// One occupying item as the checker sees it.
private struct CheckedSlot {
    var kind: ItemKind
    var record: Int32
    var doctor: Int32
    var person: Int32
    var date: LocalDate
    var start: Int32
    var end: Int32
}
