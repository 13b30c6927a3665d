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
    let problem: GLPKProblem
    /// x columns of the k-th item: firstColumn[k] ..< firstColumn[k + 1], one per candidate day.
    private var firstColumn: [Int] = []
    private var columnDay: [Int32] = []
    private var unplacedColumn: [Int] = []
    private var positionOfItem: [Int: Int] = [:]
    /// The position in `items` of each x column's item.
    private var columnPosition: [Int] = []
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
    var patternLimit: Int { 2_000 }
    /// The z column of each pattern in the model, by its x columns (ascending).
    private var patternOf: [[Int]: Int] = [:]
    private var patternPools: [PatternPool] = []
    private var poolIndex: [ResourceDay: Int] = [:]
    /// The linking row of each x column of a pattern doctor-date.
    private var linkingRow: [Int: Int] = [:]
    /// Whether this part is too large for all patterns at once (then they come by column generation).
    private(set) var generatesColumns = false
    /// Parts with more patterns than this use column generation.
    let fullPatternLimit: Int
    /// The doctor-date of each x column modelled with patterns.
    private var patternDoctorDate: [Int: ResourceDay] = [:]

    /// - Parameter fullPatternLimit: parts with more feasible sets than this get them by column
    ///   generation.
    init(instance: RebookingInstance, items: [Int], fullPatternLimit: Int = 40_000) throws {
        self.fullPatternLimit = fullPatternLimit
        self.instance = instance
        self.items = items
        problem = GLPKProblem(name: "rebooking_master", sense: .minimize)
        var costs: [Double] = []
        for (k, i) in items.enumerated() {
            positionOfItem[i] = k
            firstColumn.append(columnDay.count)
            for day in instance.candidateDays(of: i) {
                columnDay.append(day.day)
                columnPosition.append(k)
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
        // The (item, date) choices, by doctor-date.
        var choices: [MasterStrengthening.Choice] = []
        var byDoctor: [ResourceDay: [Int]] = [:]
        for (k, i) in items.enumerated() {
            let item = instance.items[i]
            for (offset, day) in instance.candidateDays(of: i).enumerated() {
                let starts = instance.startMinutes(day)
                byDoctor[ResourceDay(.doctor, item.doctor, day: day.day), default: []].append(choices.count)
                choices.append(.init(column: firstColumn[k] + offset, item: i, day: day,
                                     earliest: starts.first!, latest: starts.last!))
            }
        }
        // Doctor-dates with few feasible sets: pattern columns z(P) ≥ 0, Σ_P z(P) ≤ 1 and
        // x(i, t) = Σ_{P ∋ i} z(P). With x integral, z sits on the one pattern equal to the chosen set.
        // Large parts start with single-item patterns only and get the others by column generation.
        var aggregated: [[Int]] = []
        var pools: [(key: ResourceDay, patterns: [[Int]])] = []
        var poolSize = 0
        for key in byDoctor.keys.sorted() {
            let group = byDoctor[key]!.map { choices[$0] }
            guard group.count > 1, let patterns = DoctorDatePatterns.enumerate(group, instance: instance, limit: patternLimit)
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
            let first = choices[group[0]]
            var byKind: [ItemKind: [Int]] = [:]
            for c in group { byKind[instance.items[choices[c].item].kind, default: []].append(c) }
            for (kind, members) in byKind {
                var item = instance.items[first.item]
                item.kind = kind
                guard let rules = RebookingInstance.slotRules(for: item, day: first.day.day, range: instance.range,
                                                             calendar: instance.calendar) else { continue }
                let busy = instance.fixedBusy[ResourceDay(.doctor, item.doctor, day: first.day.day)] ?? BusyTimeline()
                let freeMinutes = DateAssignmentMaster.freeSegments(window: rules.window, busy: busy)
                    .reduce(Int32(0)) { $0 + $1.length }
                let lengths = members.map { choices[$0].day.length }
                if lengths.reduce(0, +) > freeMinutes {
                    sideRows.append(.init(row: rows.count, columns: members.map { choices[$0].column },
                                          coefficients: lengths.map(Double.init), limit: Double(freeMinutes)))
                    rows.append(columns: members.map { choices[$0].column }, values: lengths.map(Double.init),
                                bounds: .atMost(Double(freeMinutes)))
                }
            }
        }
        let strengthening = MasterStrengthening(instance: instance)
        for row in strengthening.rows(choices, doctorGroups: aggregated) {
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
    private func addPatterns(pool p: Int, _ indices: [Int]) throws {
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
    func generateColumns(timeLimit: Double?, clock: ContinuousClockReading, dual: Bool = false) throws -> Double? {
        let start = clock.elapsedSeconds
        while true {
            let left = timeLimit.map { $0 - (clock.elapsedSeconds - start) }
            if let left, left <= 0 { return nil }
            let lp = try problem.solveLP(timeLimitSeconds: left, dual: dual)
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

    private func column(of item: Int, day: Int32) -> Int {
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

    // MARK: - Lagrangian bound

    /// A Lagrangian bound: price every side row into the x costs with a multiplier λ_r ≥ 0, and
    /// the rest separates by doctor — each item's dates are all at its doctor. Each doctor's
    /// problem (its items to dates, every date's set fitting at the doctor) is solved as an
    /// integer problem (a small branch and bound, else a small pattern MIP), which is where the
    /// bound gains on the LP: L(λ) = Σ_d min_d (c + λA) x − λ·limits ≤ the optimum, for any λ ≥ 0.
    ///
    /// - Parameter multipliers: λ per side row (`sideRows`); nil takes the LP duals (λ = −dual of
    ///   a ≤ row), and then a doctor neither method solves counts with its share of the LP
    ///   optimum (by complementary slackness x*_d is optimal for the doctor's LP), so L ≥ the LP
    ///   bound. With other multipliers such a doctor counts with its items' cheapest options.
    /// - Precondition: the last LP solve was optimal (after `generateColumns`).
    func lagrangianBound(multipliers: [Double]? = nil, nodeLimit: Int = 20_000) -> Double {
        let lambda = multipliers ?? sideRows.map { max(0, -problem.rowDual($0.row)) }
        var reduced = (0..<columnDay.count).map { problem.objectiveValueOfColumn($0) }
        var constant = 0.0
        for (side, l) in zip(sideRows, lambda) where l > 1e-12 {
            constant -= l * side.limit
            for (c, a) in zip(side.columns, side.coefficients) { reduced[c] += l * a }
        }
        var byDoctor: [Int32: [Int]] = [:]
        for (k, i) in items.enumerated() { byDoctor[instance.items[i].doctor, default: []].append(k) }
        var total = constant
        let arrangement = DayArrangement(instance: instance)
        for doctor in byDoctor.keys.sorted() {
            let positions = byDoctor[doctor]!
            if let solved = doctorMinimum(positions, reduced: reduced, arrangement: arrangement, nodeLimit: nodeLimit)
                ?? (try? doctorMinimumByMIP(positions, reduced: reduced)) ?? nil {
                total += solved
            } else if multipliers == nil {
                for k in positions {
                    for c in firstColumn[k]..<firstColumn[k + 1] { total += reduced[c] * problem.lpValue(c) }
                    total += problem.objectiveValueOfColumn(unplacedColumn[k]) * problem.lpValue(unplacedColumn[k])
                }
            } else {
                for k in positions {
                    let cheapest = (firstColumn[k]..<firstColumn[k + 1]).min { reduced[$0] < reduced[$1] }
                    let unplaced = problem.objectiveValueOfColumn(unplacedColumn[k])
                    total += cheapest.map { min(reduced[$0], unplaced) } ?? unplaced
                }
            }
        }
        return total
    }

    /// The same as `doctorMinimum`, as a small pattern MIP over GLPK, for doctors with too many
    /// items for the search: nil when a date has too many feasible sets or GLPK does not finish.
    private func doctorMinimumByMIP(_ positions: [Int], reduced: [Double]) throws -> Double? {
        let mip = GLPKProblem(name: "doctor", sense: .minimize)
        var xColumn: [Int: Int] = [:]   // master x column -> local column
        var byDay: [Int32: [MasterStrengthening.Choice]] = [:]
        var rows = GLPKRowBatch()
        for k in positions {
            let columns = Array(firstColumn[k]..<firstColumn[k + 1])
            let local = try mip.addColumns(columns.count + 1, kind: .binary,
                                           objective: columns.map { reduced[$0] } + [problem.objectiveValueOfColumn(unplacedColumn[k])])
            for (c, l) in zip(columns, local) {
                xColumn[c] = l
                let day = instance.candidateDays(of: items[k]).first { $0.day == columnDay[c] }!
                let starts = instance.startMinutes(day)
                byDay[columnDay[c], default: []].append(.init(column: c, item: items[k], day: day,
                                                              earliest: starts.first!, latest: starts.last!))
            }
            rows.appendSum(of: Array(local), bounds: .fixed(1))
        }
        try mip.addRows(rows)
        for day in byDay.keys.sorted() {
            let group = byDay[day]!
            guard group.count > 1 else { continue }
            guard let patterns = DoctorDatePatterns.enumerate(group, instance: instance, limit: patternLimit) else { return nil }
            // Σ z ≤ 1 and x = Σ_{P ∋ x} z, as in the master.
            var side = GLPKRowBatch()
            side.appendSum(of: [Int](), bounds: .atMost(1))
            for choice in group { side.append(columns: [xColumn[choice.column]!], values: [1], bounds: .fixed(0)) }
            let first = try mip.addRows(side).lowerBound
            var linking: [Int: Int] = [:]
            for (m, choice) in group.enumerated() { linking[choice.column] = first + 1 + m }
            try mip.addColumns(kind: .continuous, bounds: .atLeast(0), objective: [Double](repeating: 0, count: patterns.count),
                               entries: patterns.map { pattern in
                                   [(row: first, value: 1.0)] + pattern.map { (row: linking[group[$0].column]!, value: -1.0) }
                               })
        }
        let outcome = try mip.solveMIP(options: GLPKMIPOptions(timeLimitSeconds: 1))
        return outcome.isProvenOptimal ? outcome.objective : nil
    }

    /// The cheapest way to give one doctor's items dates (or none) so that every date's set fits,
    /// by depth-first branch and bound over the items' options, cheapest first.
    /// - Returns: nil when the search exceeded `nodeLimit`.
    private func doctorMinimum(_ positions: [Int], reduced: [Double], arrangement: DayArrangement,
                               nodeLimit: Int) -> Double? {
        // Options per item, cheapest first: (column or -1 for unplaced, cost).
        let options: [[(column: Int, cost: Double)]] = positions.map { k in
            var list = (firstColumn[k]..<firstColumn[k + 1]).map { (column: $0, cost: reduced[$0]) }
            list.append((column: -1, cost: problem.objectiveValueOfColumn(unplacedColumn[k])))
            return list.sorted { $0.cost < $1.cost }
        }
        let cheapest = options.map { $0[0].cost }
        var suffix = [Double](repeating: 0, count: positions.count + 1)
        for k in stride(from: positions.count - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1] + cheapest[k] }
        var best = Double.infinity
        var chosen: [Int32: [Int]] = [:]   // day -> x columns chosen there
        var fits: [[Int]: Bool] = [:]
        var nodes = 0
        var exhausted = false
        func setFits(_ columns: [Int], day: Int32) -> Bool {
            let key = columns.sorted()
            if let known = fits[key] { return known }
            let entries = key.map { c -> DayArrangement.Entry in
                let k = columnPosition[c]
                return DayArrangement.Entry(item: items[k], day: instance.candidateDays(of: items[k]).first { $0.day == day }!)
            }
            let ok = arrangement.arrange(entries) != .infeasible   // undecided counts as fitting (keeps the bound valid)
            fits[key] = ok
            return ok
        }
        func search(_ depth: Int, _ cost: Double) {
            nodes += 1
            if nodes > nodeLimit { exhausted = true; return }
            if cost + suffix[depth] >= best - 1e-9 { return }
            if depth == positions.count { best = cost; return }
            for option in options[depth] {
                if exhausted { return }
                if option.column < 0 {
                    search(depth + 1, cost + option.cost)
                    continue
                }
                let day = columnDay[option.column]
                var set = chosen[day] ?? []
                set.append(option.column)
                guard set.count == 1 || setFits(set, day: day) else { continue }
                chosen[day] = set
                search(depth + 1, cost + option.cost)
                set.removeLast()
                chosen[day] = set
            }
        }
        search(0, 0)
        return exhausted ? nil : best
    }

    // MARK: - Diving

    /// An LP dive for a solution: fix the items whose LP date is (nearly) decided, re-solve with
    /// the dual simplex (pricing in patterns as needed), repeat until every item is decided.
    /// A heuristic for large parts; its fixings are undone before returning.
    /// - Returns: a range day per item of the part (-1: unplaced), or nil when the dive failed
    ///   or time ran out.
    /// - Parameter bound: set to the LP bound before the first fixing (valid for the part: the
    ///   LP with all cuts so far and every pattern priced in).
    func dive(timeLimit: Double?, clock: ContinuousClockReading, bound: inout Double?) throws -> [Int32]? {
        let start = clock.elapsedSeconds
        var changed: [(Int, GLPKBounds)] = []
        defer { for (c, b) in changed.reversed() { try? problem.setColumnBounds(c, b) } }
        var fixedAt: [ResourceDay: [Int]] = [:]
        var decided = [Int32?](repeating: nil, count: items.count)
        func fix(_ k: Int, _ day: Int32) throws {
            decided[k] = day
            let keep = day < 0 ? unplacedColumn[k] : column(of: items[k], day: day)
            for c in Array(firstColumn[k]..<firstColumn[k + 1]) + [unplacedColumn[k]] where c != keep {
                changed.append((c, problem.columnBounds(c)))
                try problem.setColumnBounds(c, .fixed(0))
            }
            guard day >= 0, let key = patternDoctorDate[keep], let p = poolIndex[key] else { return }
            fixedAt[key, default: []].append(keep)
            let needed = Set(fixedAt[key]!)
            let containing = patternPools[p].patterns.indices.filter { needed.isSubset(of: patternPools[p].patterns[$0]) }
            try addPatterns(pool: p, containing)
        }
        while true {
            let left = timeLimit.map { $0 - (clock.elapsedSeconds - start) }
            if let left, left <= 0 { return nil }
            guard let lp = try generateColumns(timeLimit: left, clock: clock, dual: true) else { return nil }
            if changed.isEmpty { bound = lp }
            let choices = lpChoices()
            var undecided: [(k: Int, day: Int32, value: Double)] = []
            for k in items.indices where decided[k] == nil {
                guard let top = choices[k].first else { try fix(k, -1); continue }
                if top.value >= 0.999 { try fix(k, top.day) } else { undecided.append((k, top.day, top.value)) }
            }
            if undecided.isEmpty { return decided.map { $0! } }
            let sure = undecided.filter { $0.value >= 0.9 }
            if sure.isEmpty {
                let best = undecided.max { $0.value < $1.value }!
                try fix(best.k, best.day)
            } else {
                for choice in sure { try fix(choice.k, choice.day) }
            }
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
    func solve(warmStart: RebookingSolution?, timeLimit: Double?, relativeGap: Double, verbose: Bool,
               clock: ContinuousClockReading) throws -> Outcome? {
        let started = clock.elapsedSeconds
        var lpBound: Double?
        if generatesColumns {
            guard let bound = try generateColumns(timeLimit: timeLimit, clock: clock) else { return nil }
            lpBound = bound
        }
        let left = timeLimit.map { $0 - (clock.elapsedSeconds - started) }
        if let left, left <= 0 { return nil }
        var warm: [Double]?
        if let warmStart, let x = try warmStartValues(warmStart) {
            if problem.violation(of: x) == nil { warm = x } else {
                assertionFailure("a feasible solution must satisfy the master: \(problem.violation(of: x)!)")
            }
        }
        let outcome = try problem.solveMIP(
            options: GLPKMIPOptions(timeLimitSeconds: left, relativeGap: relativeGap, verbose: verbose),
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
