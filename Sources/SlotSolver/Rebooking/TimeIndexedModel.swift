/// The monolithic, time-indexed MIP of (part of) the rebooking problem:
///
/// - a binary y(i, t, s) for every feasible start s of item i on candidate date t, cost t − o;
/// - a binary u(i) for "item i is not placed", cost range end − o (when unplacing is allowed);
/// - assignment: Σ y(i, ·, ·) + u(i) = 1;
/// - capacity: per doctor-date and kind, Σ y ≤ cap − what stays;
/// - no overlap, as clique rows: per doctor-, rep- and patient-date, at every start point where
///   the set of candidate intervals covering it is a maximal clique of the interval graph,
///   Σ y ≤ 1. That is the tightest linear description of "intervals on one line do not
///   overlap" (interval graphs are perfect), much tighter than pairwise rows.
///
/// It is what `--export-model` writes, and what checks a single day's arrangement when the
/// combinatorial search gives up.
struct TimeIndexedModel {
    /// One column y: item, its candidate day and a start.
    struct Placement {
        var item: Int
        var day: CandidateDay
        var start: Int32
    }

    let problem: GLPKProblem
    /// Columns 0 ..< placements.count are the y columns, in `placements` order.
    let placements: [Placement]
    /// The u column of each item (by position in `items`), or -1 when unplacing is not allowed.
    let unplacedColumn: [Int]
    let items: [Int]

    /// - Parameters:
    ///   - items: the items modelled (indices into `instance.items`).
    ///   - days: which candidate days of an item to model (default: all).
    ///   - allowUnplaced: add the u columns (false: every item must be placed — a feasibility check).
    /// - Complexity: O(P log P) for P columns, plus the clique rows' size.
    init(instance: RebookingInstance, items: [Int], allowUnplaced: Bool, name: String = "rebooking",
         days: ((Int) -> [CandidateDay])? = nil) throws {
        problem = GLPKProblem(name: name, sense: .minimize)
        self.items = items
        var placements: [Placement] = []
        var firstOfItem: [Int] = []
        for i in items {
            firstOfItem.append(placements.count)
            for day in days?(i) ?? Array(instance.candidateDays(of: i)) {
                for start in instance.startMinutes(day) {
                    placements.append(Placement(item: i, day: day, start: start))
                }
            }
        }
        firstOfItem.append(placements.count)
        self.placements = placements
        let range = instance.range
        func dayName(_ d: Int32) -> String {
            let (y, m, dd) = range.first.adding(days: Int(d)).components
            return String(y * 10000 + m * 100 + dd)
        }
        try problem.addColumns(placements.count, kind: .binary, objective: placements.map { Double($0.day.cost) },
                               names: placements.map { "y\($0.item)_\(dayName($0.day.day))_\($0.start)" })
        var unplaced = [Int](repeating: -1, count: items.count)
        if allowUnplaced {
            let columns = try problem.addColumns(items.count, kind: .binary,
                                                 objective: items.map { Double(instance.items[$0].unplacedCost) },
                                                 names: items.map { "u\($0)" })
            unplaced = Array(columns)
        }
        unplacedColumn = unplaced

        var rows = GLPKRowBatch()
        // Assignment.
        for (k, i) in items.enumerated() {
            var columns = Array(firstOfItem[k]..<firstOfItem[k + 1])
            if allowUnplaced { columns.append(unplaced[k]) }
            rows.appendSum(of: columns, bounds: .fixed(1), name: "assign\(i)")
        }
        // Capacity and cliques, per resource-date.
        var byCount: [ResourceDay: [Int]] = [:]
        var byTime: [ResourceDay: [Int]] = [:]
        for (column, p) in placements.enumerated() {
            let item = instance.items[p.item]
            byCount[ResourceDay.count(item.kind, doctor: item.doctor, day: p.day.day), default: []].append(column)
            byTime[ResourceDay(.doctor, item.doctor, day: p.day.day), default: []].append(column)
            byTime[ResourceDay.person(item.kind, item.person, day: p.day.day), default: []].append(column)
        }
        for key in byCount.keys.sorted() {
            let columns = byCount[key]!
            let first = placements[columns[0]]
            let capacity = instance.remainingCapacity(of: instance.items[first.item], day: first.day.day)
            let distinctItems = Set(columns.map { placements[$0].item }).count
            if distinctItems > capacity {
                rows.appendSum(of: columns, bounds: .atMost(Double(capacity)), name: "cap\(key.key)")
            }
        }
        for key in byTime.keys.sorted() {
            for clique in TimeIndexedModel.maximalCliques(byTime[key]!, placements: placements) {
                rows.appendSum(of: clique, bounds: .atMost(1), name: "clq\(rows.count)")
            }
        }
        try problem.addRows(rows)
    }

    /// The maximal cliques (with members from at least two items) of the interval graph of the
    /// given columns: a sweep over start and end points, where the active set right before an
    /// end that follows a start is maximal.
    /// - Complexity: O(k log k + output).
    static func maximalCliques(_ columns: [Int], placements: [Placement]) -> [[Int]] {
        // Events: (time, isStart, column); ends sort before starts at the same minute (half-open).
        var events: [(Int32, Bool, Int)] = []
        events.reserveCapacity(columns.count * 2)
        for c in columns {
            let p = placements[c]
            events.append((p.start, true, c))
            events.append((p.start + p.day.length, false, c))
        }
        events.sort { ($0.0, $0.1 ? 1 : 0) < ($1.0, $1.1 ? 1 : 0) }
        var active: [Int] = []
        var cliques: [[Int]] = []
        var grewSinceLastEnd = false
        for (time, isStart, column) in events {
            _ = time
            if isStart {
                active.append(column)
                grewSinceLastEnd = true
            } else {
                if grewSinceLastEnd {
                    let owners = Set(active.map { placements[$0].item })
                    if owners.count >= 2 { cliques.append(active) }
                    grewSinceLastEnd = false
                }
                if let k = active.firstIndex(of: column) { active.remove(at: k) }
            }
        }
        return cliques
    }

    /// Reads the solution of the last MIP solve: each item's placement.
    func placementsFromMIP() -> [Int: RebookingSolution.Placement] {
        var result: [Int: RebookingSolution.Placement] = [:]
        for i in items { result[i] = .unplaced }
        for (column, p) in placements.enumerated() where problem.mipValue(column) > 0.5 {
            result[p.item] = .init(day: p.day.day, start: p.start)
        }
        return result
    }

    /// The column values of a solution, for a warm start.
    func columnValues(of solution: RebookingSolution) -> [Double] {
        var x = [Double](repeating: 0, count: problem.columnCount)
        for (column, p) in placements.enumerated() {
            let s = solution.placements[p.item]
            if s.day == p.day.day && s.start == p.start { x[column] = 1 }
        }
        for (k, i) in items.enumerated() where unplacedColumn[k] >= 0 && !solution.placements[i].isPlaced {
            x[unplacedColumn[k]] = 1
        }
        return x
    }
}
