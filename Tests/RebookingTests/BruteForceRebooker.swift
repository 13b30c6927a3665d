@testable import SlotSolver

/// The optimum by exhaustive search, written apart from the solvers: every item tries "not
/// placed" and every (date, grid start) the rules allow, with a simple bound to prune. Only for
/// tiny instances. The items come from a solver's result (which the checker has verified to be
/// exactly the items that need a slot).
enum BruteForceRebooker {
    struct Option { var date: LocalDate?; var start: Int32; var end: Int32; var cost: Int }

    static func optimum(_ model: ClinicModel, options: RebookingOptions, items moves: [RebookingMove]) -> Int {
        let range = options.range
        func rule(_ doctor: Int32, _ date: LocalDate) -> ScheduleRule? {
            let closed = model.closures.contains { !$0.isOpen && $0.doctor == doctor && $0.date == date }
                || options.extraClosures.contains { ($0.doctor ?? doctor) == doctor && $0.date == date }
            return closed ? nil : model.schedules.first { $0.doctor == doctor && $0.weekday == date.weekday }
        }
        // What stays: every occupying occurrence in the range that is not one of the items.
        struct Busy { var kind: ItemKind; var doctor: Int32; var person: Int32; var date: LocalDate; var start: Int32; var end: Int32 }
        let movedKeys = Set(moves.map { "\($0.kind)-\($0.record)-\($0.fromDate)" })
        var busy: [Busy] = []
        for (i, a) in model.appointments.enumerated() where a.status == .booked {
            for date in range {
                let occurs: Bool
                switch a.recurrence {
                case .dated(let d): occurs = d == date
                case .weekly(let w, let skipping): occurs = w == date.weekday && !skipping.contains(date)
                }
                guard occurs, !movedKeys.contains("\(ItemKind.appointment)-\(i)-\(date)") else { continue }
                let length = model.schedules.first { $0.doctor == a.doctor && $0.weekday == date.weekday }?.appointmentMinutes ?? 15
                busy.append(Busy(kind: .appointment, doctor: a.doctor, person: a.patient, date: date,
                                 start: a.time.minutes, end: a.time.minutes + length))
            }
        }
        for (i, v) in model.visits.enumerated() where (v.status == .scheduled || v.status == .completed) && range.contains(v.date) {
            guard !movedKeys.contains("\(ItemKind.repVisit)-\(i)-\(v.date)") else { continue }
            busy.append(Busy(kind: .repVisit, doctor: v.doctor, person: v.rep, date: v.date,
                             start: v.start.minutes, end: v.start.minutes + v.length))
        }
        // Each item's options.
        let optionLists: [[Option]] = moves.map { move in
            var list = [Option(date: nil, start: 0, end: 0, cost: move.fromDate.days(to: range.end))]
            for date in range where date > move.fromDate {
                guard let r = rule(move.doctor, date) else { continue }
                let window = move.kind == .appointment ? r.patientWindow : r.repWindow
                let length = move.kind == .appointment ? r.appointmentMinutes : model.visits[Int(move.record)].length
                var s = window.start.minutes
                while s % options.grid != 0 { s += 1 }
                while s + length <= window.end.minutes {
                    list.append(Option(date: date, start: s, end: s + length, cost: move.fromDate.days(to: date)))
                    s += options.grid
                }
            }
            return list.sorted { $0.cost < $1.cost }
        }
        let minimum = optionLists.map { $0.map(\.cost).min()! }
        var suffix = [Int](repeating: 0, count: moves.count + 1)
        for k in stride(from: moves.count - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1] + minimum[k] }
        var best = Int.max
        var placed: [Busy] = []
        func fits(_ move: RebookingMove, _ o: Option) -> Bool {
            guard let date = o.date else { return true }
            let cap = rule(move.doctor, date).map { move.kind == .appointment ? $0.maxPatients : $0.maxReps } ?? 0
            var count: Int32 = 0
            for b in busy + placed where b.date == date {
                if b.doctor == move.doctor && b.kind == move.kind { count += 1 }
                let overlaps = b.start < o.end && o.start < b.end
                if overlaps && b.doctor == move.doctor { return false }
                if overlaps && b.kind == move.kind && b.person == move.person { return false }
            }
            return count < cap
        }
        func search(_ k: Int, _ cost: Int) {
            if cost + suffix[k] >= best { return }
            if k == moves.count { best = cost; return }
            for o in optionLists[k] where fits(moves[k], o) {
                if let date = o.date {
                    placed.append(Busy(kind: moves[k].kind, doctor: moves[k].doctor, person: moves[k].person,
                                       date: date, start: o.start, end: o.end))
                    search(k + 1, cost + o.cost)
                    placed.removeLast()
                } else {
                    search(k + 1, cost + o.cost)
                }
            }
        }
        search(0, 0)
        return best
    }
}
