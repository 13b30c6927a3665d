/// Valid inequalities the date-assignment master gets up front, so that the Benders-style loop
/// needs few rounds. Each says "these (item, date) choices cannot all be made", derived from the
/// fixed candidate starts alone, so each holds for every feasible solution:
///
/// - clique rows: on one doctor-, rep- or patient-date, items of which no two fit together
///   (every start of one overlaps every start of the other) take the date at most once in total;
/// - length-class count rows: on one doctor-date and kind, at most as many items of length ≥ ℓ
///   as grid-aligned ℓ-minute slots fit between the busy times;
/// - triple rows: on one doctor-date, three items that fit pairwise but not all together.
struct MasterStrengthening {
    let instance: RebookingInstance
    /// Doctor-dates with more candidate items than this skip the triple search (its cost is cubic).
    var tripleLimit = 24
    var deadline = Deadline.never

    /// One candidate (item, date) of the master: its column and the day's facts.
    struct Choice {
        var column: Int
        var item: Int
        var day: CandidateDay
        var earliest: Int32
        var latest: Int32
    }

    /// Whether two choices on a shared resource can be placed without overlapping: one can end
    /// before the other starts (earliest start of the first, latest of the second).
    /// - Complexity: O(1).
    static func compatible(_ a: Choice, _ b: Choice) -> Bool {
        a.earliest + a.day.length <= b.latest || b.earliest + b.day.length <= a.latest
    }

    /// The rows, as sets of columns with their right-hand side.
    /// - Parameter doctorGroups: the doctor-dates (as choice indices) to strengthen; the others
    ///   are modelled exactly by patterns. Person-date cliques are always added.
    func rows(_ choices: [Choice], doctorGroups: [[Int]]) throws(DeadlineReached) -> [(columns: [Int], limit: Int)] {
        var rows: [(columns: [Int], limit: Int)] = []
        var byPerson: [ResourceDay: [Int]] = [:]
        var byCount: [ResourceDay: [Int]] = [:]
        for (k, c) in choices.enumerated() {
            let item = instance.items[c.item]
            byPerson[ResourceDay.person(item.kind, item.person, day: c.day.day), default: []].append(k)
        }
        for group in doctorGroups {
            try deadline.check()
            rows += cliqueRows(group, choices)
            if group.count <= tripleLimit { rows += try tripleRows(group, choices) }
            for k in group {
                let item = instance.items[choices[k].item]
                byCount[ResourceDay.count(item.kind, doctor: item.doctor, day: choices[k].day.day), default: []].append(k)
            }
        }
        for key in byPerson.keys.sorted() {
            try deadline.check()
            rows += cliqueRows(byPerson[key]!, choices)
        }
        for key in byCount.keys.sorted() { rows += lengthClassRows(byCount[key]!, choices, key: key) }
        return rows
    }

    /// Covers every incompatible pair of the group by a maximal clique of incompatible choices.
    /// - Complexity: O(k³) for k choices.
    func cliqueRows(_ group: [Int], _ choices: [Choice]) -> [(columns: [Int], limit: Int)] {
        let k = group.count
        guard k >= 2 else { return [] }
        var incompatible = [[Bool]](repeating: [Bool](repeating: false, count: k), count: k)
        var uncovered = 0
        for a in 0..<k {
            for b in (a + 1)..<k where choices[group[a]].item != choices[group[b]].item
                && !MasterStrengthening.compatible(choices[group[a]], choices[group[b]]) {
                incompatible[a][b] = true
                incompatible[b][a] = true
                uncovered += 1
            }
        }
        guard uncovered > 0 else { return [] }
        var covered = [[Bool]](repeating: [Bool](repeating: false, count: k), count: k)
        var rows: [(columns: [Int], limit: Int)] = []
        for a in 0..<k {
            for b in 0..<k where incompatible[a][b] && !covered[a][b] {
                // Grow a clique from the uncovered edge (a, b), preferring vertices adding uncovered edges.
                var clique = [a, b]
                let others = (0..<k).filter { $0 != a && $0 != b }
                    .sorted { (covered[a][$0] ? 1 : 0) < (covered[a][$1] ? 1 : 0) }
                for c in others where clique.allSatisfy({ incompatible[$0][c] }) { clique.append(c) }
                for x in clique { for y in clique where x != y { covered[x][y] = true } }
                rows.append((clique.map { choices[group[$0]].column }, 1))
            }
        }
        return rows
    }

    /// Triples of pairwise compatible choices (three distinct items) that do not fit together.
    func tripleRows(_ group: [Int], _ choices: [Choice]) throws(DeadlineReached) -> [(columns: [Int], limit: Int)] {
        let k = group.count
        guard k >= 3 else { return [] }
        let arrangement = DayArrangement(instance: instance, deadline: deadline)
        var rows: [(columns: [Int], limit: Int)] = []
        for a in 0..<k {
            try deadline.check()
            let ca = choices[group[a]]
            for b in (a + 1)..<k {
                let cb = choices[group[b]]
                guard ca.item != cb.item, MasterStrengthening.compatible(ca, cb) else { continue }
                for c in (b + 1)..<k {
                    let cc = choices[group[c]]
                    guard cc.item != ca.item, cc.item != cb.item,
                          MasterStrengthening.compatible(ca, cc), MasterStrengthening.compatible(cb, cc) else { continue }
                    let entries = [ca, cb, cc].map { DayArrangement.Entry(item: $0.item, day: $0.day) }
                    if arrangement.arrange(entries) == .infeasible {
                        rows.append(([ca.column, cb.column, cc.column], 2))
                    }
                }
            }
        }
        return rows
    }

    /// For each distinct length ℓ: Σ over items of length ≥ ℓ ≤ min(remaining cap, ℓ-slots that fit).
    func lengthClassRows(_ group: [Int], _ choices: [Choice], key: ResourceDay) -> [(columns: [Int], limit: Int)] {
        let first = choices[group[0]]
        let item = instance.items[first.item]
        guard let rules = RebookingInstance.slotRules(for: item, day: key.day, range: instance.range,
                                                     calendar: instance.calendar) else { return [] }
        let busy = instance.fixedBusy[ResourceDay(.doctor, item.doctor, day: key.day)] ?? BusyTimeline()
        let free = DateAssignmentMaster.freeSegments(window: rules.window, busy: busy)
        let capacity = Int(instance.remainingCapacity(of: item, day: key.day))
        var rows: [(columns: [Int], limit: Int)] = []
        var previousLimit = Int.max
        for length in Set(group.map { choices[$0].day.length }).sorted() {
            let members = group.filter { choices[$0].day.length >= length }
            let limit = min(capacity, Int(DateAssignmentMaster.packingNumber(free, length: length, grid: instance.grid)))
            let items = Set(members.map { choices[$0].item }).count
            // A longer class only adds a row when its limit is lower than the shorter one's.
            if items > limit && limit < previousLimit {
                rows.append((members.map { choices[$0].column }, limit))
            }
            previousLimit = min(previousLimit, limit)
        }
        return rows
    }
}
