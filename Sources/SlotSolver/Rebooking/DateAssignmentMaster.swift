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
    private(set) var strengtheningRows = 0
    private(set) var patternColumns = 0
    /// Doctor-dates with more feasible sets than this are modelled with aggregate rows instead.
    var patternLimit: Int { 2_000 }
    /// The z column of each pattern, by its x columns (ascending).
    private var patternOf: [[Int]: Int] = [:]
    /// The doctor-date of each x column modelled with patterns.
    private var patternDoctorDate: [Int: ResourceDay] = [:]

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
        var aggregated: [[Int]] = []
        for key in byDoctor.keys.sorted() {
            let group = byDoctor[key]!.map { choices[$0] }
            guard group.count > 1, let patterns = DoctorDatePatterns.enumerate(group, instance: instance, limit: patternLimit)
            else {
                if group.count > 1 { aggregated.append(byDoctor[key]!) }
                continue
            }
            let zColumns = try problem.addColumns(patterns.count, kind: .continuous, bounds: .atLeast(0))
            rows.appendSum(of: Array(zColumns), bounds: .atMost(1))
            var containing = [[Int]](repeating: [], count: group.count)
            for (p, pattern) in patterns.enumerated() {
                for member in pattern { containing[member].append(zColumns.lowerBound + p) }
                patternOf[pattern.map { group[$0].column }] = zColumns.lowerBound + p
            }
            for (m, choice) in group.enumerated() {
                rows.append(columns: [choice.column] + containing[m],
                            values: [1] + [Double](repeating: -1, count: containing[m].count), bounds: .fixed(0))
                patternDoctorDate[choice.column] = key
            }
            patternColumns += patterns.count
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
                    rows.append(columns: members.map { choices[$0].column }, values: lengths.map(Double.init),
                                bounds: .atMost(Double(freeMinutes)))
                }
            }
        }
        let strengthening = MasterStrengthening(instance: instance)
        for row in strengthening.rows(choices, doctorGroups: aggregated) {
            rows.appendSum(of: row.columns, bounds: .atMost(Double(row.limit)))
        }
        strengtheningRows = rows.count - items.count
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
            var chosen: [ResourceDay: [Int]] = [:]
            for (column, key) in patternDoctorDate where x[column] > 0.5 { chosen[key, default: []].append(column) }
            for columns in chosen.values {
                if let z = patternOf[columns.sorted()] { x[z] = 1 }
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
