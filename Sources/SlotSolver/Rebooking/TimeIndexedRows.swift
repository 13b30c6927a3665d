/// The rows of the monolithic, time-indexed formulation of (part of) the rebooking problem, as
/// plain sparse data, independent of any solver:
///
/// - a 0/1 column y(i, t, s) for every feasible start s of item i on candidate date t, cost t − o;
/// - per item, "take exactly one of its columns, or stay unplaced" (cost range end − o);
/// - capacity: per doctor-date and kind, Σ y ≤ cap − what stays;
/// - no overlap, as clique rows: per doctor-, rep- and patient-date, at every start point where
///   the set of candidate intervals covering it is a maximal clique of the interval graph,
///   Σ y ≤ 1. That is the tightest linear description of "intervals on one line do not
///   overlap" (interval graphs are perfect), much tighter than pairwise rows.
///
/// `TimeIndexedModel` hands these rows to GLPK (`--export-model`, the within-day check);
/// `TimeIndexedLagrangian` prices them out for the solver's bound.
struct TimeIndexedRows {
    /// One column y: item, its candidate day and a start.
    struct Placement {
        var item: Int
        var day: CandidateDay
        var start: Int32
    }

    /// A ≤ row whose coefficients are all 1.
    struct Row {
        var columns: [Int]
        var limit: Int32
        /// The capacity row of a doctor-date (else a clique row).
        var isCapacity: Bool
    }

    let items: [Int]
    /// The y columns, item by item (those of `items[k]` are `firstOfItem[k] ..< firstOfItem[k + 1]`).
    let placements: [Placement]
    let firstOfItem: [Int]
    let rows: [Row]

    /// How many columns the rows of `items` over all their candidate days have, without
    /// building them: what a solve of their LP will cost.
    static func columnCount(instance: RebookingInstance, items: [Int]) -> Int {
        items.reduce(0) { sum, i in
            instance.candidateDays(of: i).reduce(sum) { $0 + instance.startMinutes($1).count }
        }
    }

    /// - Parameters:
    ///   - items: the items modelled (indices into `instance.items`).
    ///   - days: which candidate days of an item to model (default: all).
    /// - Throws: `DeadlineReached` when the deadline passes while the rows are built.
    /// - Complexity: O(P log P) for P columns, plus the clique rows' size.
    init(instance: RebookingInstance, items: [Int], days: ((Int) -> [CandidateDay])? = nil,
         deadline: Deadline = .never) throws(DeadlineReached) {
        self.items = items
        var placements: [Placement] = []
        var firstOfItem: [Int] = []
        for (k, i) in items.enumerated() {
            if k & 255 == 0 { try deadline.check() }
            firstOfItem.append(placements.count)
            for day in days?(i) ?? Array(instance.candidateDays(of: i)) {
                // An item of a long range (a year) has tens of thousands of columns on its own.
                if placements.count & 4095 == 0 { try deadline.check() }
                for start in instance.startMinutes(day) {
                    placements.append(Placement(item: i, day: day, start: start))
                }
            }
        }
        firstOfItem.append(placements.count)
        self.placements = placements
        self.firstOfItem = firstOfItem

        var byCount: [ResourceDay: [Int]] = [:]
        var byTime: [ResourceDay: [Int]] = [:]
        for (column, p) in placements.enumerated() {
            if column & 65535 == 0 { try deadline.check() }
            let item = instance.items[p.item]
            byCount[ResourceDay.count(item.kind, doctor: item.doctor, day: p.day.day), default: []].append(column)
            byTime[ResourceDay(.doctor, item.doctor, day: p.day.day), default: []].append(column)
            byTime[ResourceDay.person(item.kind, item.person, day: p.day.day), default: []].append(column)
        }
        try deadline.check()
        var rows: [Row] = []
        for (n, key) in byCount.keys.sorted().enumerated() {
            if n & 255 == 0 { try deadline.check() }
            let columns = byCount[key]!
            let first = placements[columns[0]]
            let capacity = instance.remainingCapacity(of: instance.items[first.item], day: first.day.day)
            let distinctItems = Set(columns.map { placements[$0].item }).count
            if distinctItems > capacity { rows.append(Row(columns: columns, limit: capacity, isCapacity: true)) }
        }
        for (n, key) in byTime.keys.sorted().enumerated() {
            if n & 255 == 0 { try deadline.check() }
            for clique in TimeIndexedRows.maximalCliques(byTime[key]!, placements: placements) {
                rows.append(Row(columns: clique, limit: 1, isCapacity: false))
            }
        }
        self.rows = rows
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
        for (_, isStart, column) in events {
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
}
