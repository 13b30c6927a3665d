/// The master problem of the exact solver's Benders-style loop: which date each item of a part
/// goes to (or none), as a MIP over GLPK.
///
/// The objective only depends on dates, so the master chooses dates with x(i, t) ∈ {0, 1} and
/// u(i) ∈ {0, 1} (unplaced), Σ_t x(i, t) + u(i) = 1, at cost t − o and range end − o. What may
/// share a doctor-date is modelled exactly where that is small enough, by its feasible sets
/// (`DoctorDatePatterns`): continuous z(P) ≥ 0 per pattern P, Σ_P z(P) ≤ 1, x(i, t) = Σ_{P ∋ i} z(P)
/// — the LP relaxation is then the convex hull of each doctor-date's sets. Doctor-dates with too
/// many sets get aggregate rows instead (energy; `MasterStrengthening`'s counts, cliques and
/// triples). Reps and patients seeing several doctors on a date get clique rows; whatever still
/// does not fit (found by `DayArrangement`) comes back as a no-good cut Σ_S x ≤ |S| − 1 on a
/// minimal such set. Every row holds for every feasible solution, so the master's optimum is a
/// lower bound, and a master optimum whose dates all fit is optimal.
///
/// Parts with very many patterns start with the single-item ones and price the others in by
/// column generation (`generateColumns`); the master MIP then only sees generated patterns, so
/// its bound is the column-generation LP's.
final class DateAssignmentMaster {
    let instance: RebookingInstance
    let items: [Int]
    /// The part's (item, date) choices; x column c is choice c.
    let dateChoices: DateChoices
    let problem: GLPKProblem
    /// x columns of the k-th item: firstColumn[k] ..< firstColumn[k + 1], one per candidate day.
    private(set) var firstColumn: [Int] = []
    private(set) var columnDay: [Int32] = []
    private(set) var unplacedColumn: [Int] = []
    private(set) var positionOfItem: [Int: Int] = [:]
    /// The position in `items` of each x column's item.
    private(set) var columnPosition: [Int] = []
    private(set) var cutCount = 0
    /// Every ≤ row on x besides the structure (assignment, convexity, linking): energy,
    /// strengthening rows and cuts — the rows `lagrangianBound` prices with their duals.
    struct SideRow {
        var row: Int
        var columns: [Int]
        var coefficients: [Double]
        var limit: Double
    }
    private(set) var sideRows: [SideRow] = []
    private(set) var strengtheningRows = 0
    private(set) var patternColumns = 0
    /// Doctor-dates with more feasible sets than this are modelled with aggregate rows instead.
    let patternLimit: Int
    /// Every stage of this master stops there (`DeadlineReached`).
    let deadline: Deadline
    /// The z column of each pattern in the model, by its x columns (ascending).
    private(set) var patternOf: [[Int]: Int] = [:]
    private(set) var patternPools: [PatternPool] = []
    private(set) var poolIndex: [ResourceDay: Int] = [:]
    /// The linking row of each x column of a pattern doctor-date.
    private(set) var linkingRow: [Int: Int] = [:]
    /// Whether this part is too large for all patterns at once (then they come by column generation).
    private(set) var generatesColumns = false
    /// Parts with more patterns than this use column generation.
    let fullPatternLimit: Int
    /// The doctor-date of each x column modelled with patterns.
    private(set) var patternDoctorDate: [Int: ResourceDay] = [:]

    /// - Parameters:
    ///   - fullPatternLimit: parts with more feasible sets than this get them by column generation;
    ///   - patternLimit: doctor-dates with more than this get aggregate rows instead of patterns.
    /// - Throws: `DeadlineReached` when the deadline passes while the model is built.
    init(instance: RebookingInstance, items: [Int], fullPatternLimit: Int = SolverParameters().patternColumnLimit,
         patternLimit: Int = SolverParameters().doctorDatePatternLimit, deadline: Deadline = .never) throws {
        self.fullPatternLimit = fullPatternLimit
        self.patternLimit = patternLimit
        self.deadline = deadline
        self.instance = instance
        self.items = items
        let dateChoices = DateChoices(instance: instance, items: items.map(ItemIndex.init))
        self.dateChoices = dateChoices
        problem = GLPKProblem(name: "rebooking_master", sense: .minimize)
        for k in dateChoices.positions {
            positionOfItem[dateChoices.item(at: k).int] = k.int
            firstColumn.append(columnDay.count)
            for c in dateChoices.choices(at: k) {
                columnDay.append(dateChoices.day(of: c).raw)
                columnPosition.append(k.int)
            }
        }
        firstColumn.append(columnDay.count)
        try problem.addColumns(dateChoices.count, kind: .binary,
                               objective: (0..<dateChoices.count).map { dateChoices.cost(of: ChoiceIndex($0)) })
        unplacedColumn = Array(try problem.addColumns(items.count, kind: .binary,
                                                      objective: dateChoices.positions.map { dateChoices.unplacedCost(at: $0) }))
        var rows = GLPKRowBatch()
        for k in items.indices {
            rows.appendSum(of: Array(firstColumn[k]..<firstColumn[k + 1]) + [unplacedColumn[k]], bounds: .fixed(1))
        }
        // The (item, date) choices, by doctor-date.
        let choices = self.choices(of: Array(items.indices))
        var byDoctor: [ResourceDay: [Int]] = [:]
        for (c, choice) in choices.enumerated() {
            byDoctor[ResourceDay(.doctor, instance.items[choice.item].doctor, day: choice.day.day), default: []].append(c)
        }
        // Doctor-dates with few feasible sets: pattern columns z(P) ≥ 0, Σ_P z(P) ≤ 1 and
        // x(i, t) = Σ_{P ∋ i} z(P). With x integral, z sits on the one pattern equal to the chosen set.
        // Large parts start with single-item patterns only and get the others by column generation.
        var aggregated: [[Int]] = []
        var pools: [(key: ResourceDay, patterns: [[Int]])] = []
        var poolSize = 0
        for key in byDoctor.keys.sorted() {
            let group = byDoctor[key]!.map { choices[$0] }
            guard group.count > 1, let patterns = try DoctorDatePatterns.enumerate(group, instance: instance,
                                                                                  limit: patternLimit, deadline: deadline)
            else {
                if group.count > 1 { aggregated.append(byDoctor[key]!) }
                continue
            }
            pools.append((key, patterns.map { pattern in pattern.map { group[$0].column } }))
            poolSize += patterns.count
        }
        generatesColumns = poolSize > fullPatternLimit
        // Row numbers: the assignment rows come first, then per pattern doctor-date its
        // convexity row and one linking row per x column.
        var nextRow = items.count
        for (key, patterns) in pools {
            let convexity = nextRow
            nextRow += 1
            rows.appendSum(of: [Int](), bounds: .atMost(1))
            let members = Array(Set(patterns.joined())).sorted()
            for column in members {
                linkingRow[column] = nextRow
                nextRow += 1
                rows.append(columns: [column], values: [1], bounds: .fixed(0))
                patternDoctorDate[column] = key
            }
            poolIndex[key] = patternPools.count
            patternPools.append(.init(key: key, convexityRow: convexity, patterns: patterns,
                                      inModel: [Bool](repeating: false, count: patterns.count)))
        }
        // The other doctor-dates: energy rows, plus MasterStrengthening's counts, cliques and triples.
        for group in aggregated {
            try deadline.check()
            for row in energyRows(group.map { choices[$0] }) {
                sideRows.append(.init(row: rows.count, columns: row.columns, coefficients: row.coefficients, limit: row.limit))
                rows.append(columns: row.columns, values: row.coefficients, bounds: .atMost(row.limit))
            }
        }
        let strengthening = MasterStrengthening(instance: instance, deadline: deadline)
        for row in try strengthening.rows(choices, doctorGroups: aggregated) {
            sideRows.append(.init(row: rows.count, columns: row.columns,
                                  coefficients: [Double](repeating: 1, count: row.columns.count), limit: Double(row.limit)))
            rows.appendSum(of: row.columns, bounds: .atMost(Double(row.limit)))
        }
        strengtheningRows = rows.count - items.count
        try problem.addRows(rows)
        // Pattern columns: all of them, or for column generation the single-item ones.
        for p in patternPools.indices {
            let wanted = patternPools[p].patterns.indices.filter { !generatesColumns || patternPools[p].patterns[$0].count == 1 }
            try addPatterns(pool: p, wanted)
        }
    }

    // MARK: - Patterns

    struct PatternPool {
        var key: ResourceDay
        var convexityRow: Int
        /// Each pattern as its x columns, ascending.
        var patterns: [[Int]]
        var inModel: [Bool]
    }

    /// Adds z columns for the given patterns of one pool.
    func addPatterns(pool p: Int, _ indices: [Int]) throws {
        let fresh = indices.filter { !patternPools[p].inModel[$0] }
        guard !fresh.isEmpty else { return }
        let entries = fresh.map { index in
            [(row: patternPools[p].convexityRow, value: 1.0)]
                + patternPools[p].patterns[index].map { (row: linkingRow[$0]!, value: -1.0) }
        }
        let columns = try problem.addColumns(kind: .continuous, bounds: .atLeast(0),
                                             objective: [Double](repeating: 0, count: fresh.count), entries: entries)
        for (index, column) in zip(fresh, columns) {
            patternPools[p].inModel[index] = true
            patternOf[patternPools[p].patterns[index]] = column
        }
        patternColumns += fresh.count
    }

    /// Column generation over the enumerated pools: solve the LP, add every pattern with a
    /// negative reduced cost (Σ_{c ∈ P} π_c − μ_g, with π the linking rows' duals and μ the
    /// convexity row's), until there is none: then the LP value is that of the model with all
    /// patterns, a valid lower bound.
    /// - Returns: the LP bound, or nil when time ran out first.
    func generateColumns(deadline: Deadline, dual: Bool = false) throws -> Double? {
        while true {
            if deadline.hasPassed { return nil }
            let lp = try problem.solveLP(dual: dual, deadline: deadline)
            guard lp.status == .optimal else { return nil }
            var added = 0
            for p in patternPools.indices {
                let mu = problem.rowDual(patternPools[p].convexityRow)
                var negative: [(Double, Int)] = []
                for (index, pattern) in patternPools[p].patterns.enumerated() where !patternPools[p].inModel[index] {
                    var reduced = -mu
                    for column in pattern { reduced += problem.rowDual(linkingRow[column]!) }
                    if reduced < -1e-7 { negative.append((reduced, index)) }
                }
                guard !negative.isEmpty else { continue }
                negative.sort { $0.0 < $1.0 }
                let chosen = negative.prefix(8).map(\.1)
                try addPatterns(pool: p, chosen)
                added += chosen.count
            }
            if added == 0 { return lp.objective }
        }
    }

    // MARK: - Cuts

    /// Forbids putting all of `entries` (item, day) at once: Σ x ≤ |S| − 1.
    func forbid(_ entries: [(item: Int, day: Int32)]) throws {
        var rows = GLPKRowBatch()
        let columns = entries.map { column(of: $0.item, day: $0.day) }
        rows.appendSum(of: columns, bounds: .atMost(Double(entries.count - 1)))
        sideRows.append(.init(row: problem.rowCount, columns: columns,
                              coefficients: [Double](repeating: 1, count: columns.count), limit: Double(entries.count - 1)))
        try problem.addRows(rows)
        cutCount += 1
    }

    func column(of item: Int, day: Int32) -> Int {
        let k = positionOfItem[item]!
        let offset = columnDay[firstColumn[k]..<firstColumn[k + 1]].firstIndex(of: day)!
        return offset
    }

    /// The LP values of each item's date choices (after `generateColumns`), for rounding: per
    /// item of the part (in `items` order), (range day, value) with value > 0, largest first.
    func lpChoices() -> [[(day: Int32, value: Double)]] {
        items.indices.map { k in
            (firstColumn[k]..<firstColumn[k + 1])
                .map { (day: columnDay[$0], value: problem.lpValue($0)) }
                .filter { $0.value > 1e-6 }
                .sorted { $0.value > $1.value }
        }
    }

    // MARK: - Solving

    struct Outcome {
        /// Range day per item of the part (in `items` order), or -1 for unplaced.
        var days: [Int32]
        var objective: Double
        var bound: Double
        var proven: Bool
    }

    /// Solves the master (after column generation when the part is large).
    /// - Returns: nil when time ran out before any solution.
    func solve(warmStart: RebookingSolution?, deadline: Deadline, relativeGap: Double, verbose: Bool) throws -> Outcome? {
        var lpBound: Double?
        if generatesColumns {
            guard let bound = try generateColumns(deadline: deadline) else { return nil }
            lpBound = bound
        }
        if deadline.hasPassed { return nil }
        var warm: [Double]?
        if let warmStart, let x = try warmStartValues(warmStart) {
            if problem.violation(of: x) == nil { warm = x } else {
                assertionFailure("a feasible solution must satisfy the master: \(problem.violation(of: x)!)")
            }
        }
        let outcome = try problem.solveMIP(
            options: GLPKMIPOptions(relativeGap: relativeGap, verbose: verbose, integralObjective: true,
                                    deadline: deadline),
            warmStart: warm)
        guard let objective = outcome.objective else { return nil }
        let values = problem.mipValues()
        var days = [Int32](repeating: -1, count: items.count)
        for k in items.indices {
            for c in firstColumn[k]..<firstColumn[k + 1] where values[c] > 0.5 { days[k] = columnDay[c] }
        }
        if let lpBound {
            // The MIP saw only the generated patterns: its own bound is not a bound of the part;
            // the column-generation LP's is.
            let bound = (lpBound - 1e-6).rounded(.up)
            return Outcome(days: days, objective: objective, bound: bound, proven: objective <= bound + 1e-6)
        }
        return Outcome(days: days, objective: objective, bound: outcome.bound, proven: outcome.isProvenOptimal)
    }

    /// The column values of a solution (x, u and the z of each chosen set), adding the pattern
    /// columns it needs; nil when a chosen set is not among the patterns.
    private func warmStartValues(_ solution: RebookingSolution) throws -> [Double]? {
        var x = [Double](repeating: 0, count: problem.columnCount)
        for (k, i) in items.enumerated() {
            let p = solution.placements[i]
            if p.isPlaced {
                guard columnDay[firstColumn[k]..<firstColumn[k + 1]].contains(p.day) else { return nil }
                x[column(of: i, day: p.day)] = 1
            } else {
                x[unplacedColumn[k]] = 1
            }
        }
        var chosen: [ResourceDay: [Int]] = [:]
        for (column, key) in patternDoctorDate where x[column] > 0.5 { chosen[key, default: []].append(column) }
        for (key, columns) in chosen {
            let sorted = columns.sorted()
            if patternOf[sorted] == nil, let p = poolIndex[key],
               let index = patternPools[p].patterns.firstIndex(of: sorted) {
                try addPatterns(pool: p, [index])
                x.append(contentsOf: [Double](repeating: 0, count: problem.columnCount - x.count))
            }
            guard let z = patternOf[sorted] else { return nil }
            x[z] = 1
        }
        return x
    }

    // MARK: - Helpers

    /// The (item, date) choices of the items at `positions` (in `items`), with their x columns.
    func choices(of positions: [Int]) -> [MasterStrengthening.Choice] {
        dateChoices.strengtheningChoices(of: positions.map(PartPosition.init))
    }

    /// The energy rows of one doctor-date's choices (`DateChoices.energyRows`; x column c is choice c).
    func energyRows(_ group: [MasterStrengthening.Choice]) -> [(columns: [Int], coefficients: [Double], limit: Double)] {
        dateChoices.energyRows(group)
    }

    /// The side rows as rows on the part's choices, for the schedule master (x column c is choice c).
    func sharedRows() -> [DoctorScheduleMaster.SharedRow] {
        sideRows.map { DoctorScheduleMaster.SharedRow(choices: $0.columns.map(ChoiceIndex.init),
                                                      coefficients: $0.coefficients, limit: $0.limit) }
    }

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
