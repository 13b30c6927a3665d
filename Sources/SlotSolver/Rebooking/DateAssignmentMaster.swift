/// The master problem of the exact solver's Benders-style loop: which date each item of a part
/// goes to (or none), as a small MIP over GLPK.
///
/// The objective only depends on dates, so the master chooses dates with x(i, t) ∈ {0, 1} and
/// u(i) ∈ {0, 1} (unplaced), Σ_t x(i, t) + u(i) = 1, under per doctor-date and kind:
/// - a count row, Σ x ≤ min(cap − what stays, how many of the shortest such item fit between
///   the busy times at all);
/// - an energy row, Σ length · x ≤ free minutes of the window.
/// Whether the chosen items of one date really fit (starts, overlaps through shared doctors,
/// reps and patients) is checked apart (`DayArrangement`); a set that does not fit comes back as
/// a no-good cut Σ_{S} x ≤ |S| − 1 on a minimal such set. Every row is valid for every feasible
/// solution, so the master's optimum is a lower bound, and a master optimum whose dates all fit
/// is optimal.
final class DateAssignmentMaster {
    let instance: RebookingInstance
    let items: [Int]
    let problem: GLPKProblem
    /// x columns of the k-th item: firstColumn[k] ..< firstColumn[k + 1], one per candidate day.
    private var firstColumn: [Int] = []
    private var columnDay: [Int32] = []
    private var unplacedColumn: [Int] = []
    private var positionOfItem: [Int: Int] = [:]
    private(set) var cutCount = 0

    init(instance: RebookingInstance, items: [Int]) throws {
        self.instance = instance
        self.items = items
        problem = GLPKProblem(name: "rebooking_master", sense: .minimize)
        var costs: [Double] = []
        for (k, i) in items.enumerated() {
            positionOfItem[i] = k
            firstColumn.append(columnDay.count)
            for day in instance.candidateDays(of: i) {
                columnDay.append(day.day)
                costs.append(Double(day.cost))
            }
        }
        firstColumn.append(columnDay.count)
        try problem.addColumns(columnDay.count, kind: .binary, objective: costs)
        unplacedColumn = Array(try problem.addColumns(items.count, kind: .binary,
                                                      objective: items.map { Double(instance.items[$0].unplacedCost) }))
        var rows = GLPKRowBatch()
        for k in items.indices {
            rows.appendSum(of: Array(firstColumn[k]..<firstColumn[k + 1]) + [unplacedColumn[k]], bounds: .fixed(1))
        }
        // Count and energy rows per doctor-date and kind.
        struct Use { var columns: [Int] = []; var lengths: [Int32] = [] }
        var uses: [ResourceDay: Use] = [:]
        for (k, i) in items.enumerated() {
            let item = instance.items[i]
            for (offset, day) in instance.candidateDays(of: i).enumerated() {
                let key = ResourceDay.count(item.kind, doctor: item.doctor, day: day.day)
                uses[key, default: Use()].columns.append(firstColumn[k] + offset)
                uses[key, default: Use()].lengths.append(day.length)
            }
        }
        for key in uses.keys.sorted() {
            let use = uses[key]!
            let column = use.columns[0]
            let k = firstColumn.lastIndex { $0 <= column }!
            let item = instance.items[items[k]]
            let day = key.day
            guard let rules = RebookingInstance.slotRules(for: item, day: day, range: instance.range,
                                                         calendar: instance.calendar) else { continue }
            let busy = instance.fixedBusy[ResourceDay(.doctor, item.doctor, day: day)] ?? BusyTimeline()
            let free = DateAssignmentMaster.freeSegments(window: rules.window, busy: busy)
            let shortest = use.lengths.min()!
            let fitting = DateAssignmentMaster.packingNumber(free, length: shortest, grid: instance.grid)
            let capacity = min(instance.remainingCapacity(of: item, day: day), fitting)
            if use.columns.count > capacity {
                rows.appendSum(of: use.columns, bounds: .atMost(Double(capacity)))
            }
            let freeMinutes = free.reduce(Int32(0)) { $0 + $1.length }
            if use.lengths.reduce(0, +) > freeMinutes {
                rows.append(columns: use.columns, values: use.lengths.map(Double.init), bounds: .atMost(Double(freeMinutes)))
            }
        }
        try problem.addRows(rows)
    }

    // MARK: - Cuts

    /// Forbids putting all of `entries` (item, day) at once: Σ x ≤ |S| − 1.
    func forbid(_ entries: [(item: Int, day: Int32)]) throws {
        var rows = GLPKRowBatch()
        let columns = entries.map { column(of: $0.item, day: $0.day) }
        rows.appendSum(of: columns, bounds: .atMost(Double(entries.count - 1)))
        try problem.addRows(rows)
        cutCount += 1
    }

    private func column(of item: Int, day: Int32) -> Int {
        let k = positionOfItem[item]!
        let offset = columnDay[firstColumn[k]..<firstColumn[k + 1]].firstIndex(of: day)!
        return offset
    }

    // MARK: - Solving

    struct Outcome {
        /// Range day per item of the part (in `items` order), or -1 for unplaced.
        var days: [Int32]
        var objective: Double
        var bound: Double
        var proven: Bool
    }

    func solve(warmStart: RebookingSolution?, timeLimit: Double?, relativeGap: Double,
               verbose: Bool) throws -> Outcome? {
        var warm: [Double]?
        if let warmStart {
            var x = [Double](repeating: 0, count: problem.columnCount)
            for (k, i) in items.enumerated() {
                let p = warmStart.placements[i]
                if p.isPlaced { x[column(of: i, day: p.day)] = 1 } else { x[unplacedColumn[k]] = 1 }
            }
            if problem.violation(of: x) == nil { warm = x } else {
                assertionFailure("a feasible solution must satisfy the master: \(problem.violation(of: x)!)")
            }
        }
        let outcome = try problem.solveMIP(
            options: GLPKMIPOptions(timeLimitSeconds: timeLimit, relativeGap: relativeGap, verbose: verbose),
            warmStart: warm)
        guard outcome.objective != nil else { return nil }
        let values = problem.mipValues()
        var days = [Int32](repeating: -1, count: items.count)
        for k in items.indices {
            for c in firstColumn[k]..<firstColumn[k + 1] where values[c] > 0.5 { days[k] = columnDay[c] }
        }
        return Outcome(days: days, objective: outcome.objective!, bound: outcome.bound,
                       proven: outcome.isProvenOptimal)
    }

    // MARK: - Helpers

    /// The window minus the busy time, as disjoint segments in order.
    static func freeSegments(window: MinuteInterval, busy: BusyTimeline) -> [MinuteInterval] {
        var segments: [MinuteInterval] = []
        var cursor = window.start
        for interval in busy.intervals where interval.end > window.start && interval.start < window.end {
            if interval.start > cursor { segments.append(MinuteInterval(start: cursor, end: interval.start)) }
            cursor = max(cursor, interval.end)
        }
        if cursor < window.end { segments.append(MinuteInterval(start: cursor, end: window.end)) }
        return segments
    }

    /// The most disjoint grid-aligned intervals of `length` that fit in the segments: taking the
    /// earliest-ending one each time is optimal for equal lengths, and no set of items at least
    /// this long can be larger.
    static func packingNumber(_ segments: [MinuteInterval], length: Int32, grid: Int32) -> Int32 {
        var count: Int32 = 0
        for segment in segments {
            var s = segment.start.minutes
            while true {
                let r = ((s % grid) + grid) % grid
                if r != 0 { s += grid - r }
                guard s + length <= segment.end.minutes else { break }
                count += 1
                s += length
            }
        }
        return count
    }
}
