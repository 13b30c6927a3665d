/// The schedule master: a Dantzig–Wolfe reformulation of the date-assignment master by doctor.
/// It is built on the part's choices (`DateChoices`) and the shared rows stated on them, not on
/// the date-assignment master's GLPK model: costs come from the instance, columns are its own.
///
/// Items of different doctors only meet on rep- and patient-dates, so the part splits by doctor
/// once those rows are priced out. A column is a whole schedule of one doctor (`DoctorScheduleSearch`):
/// integer y(d, s) ≥ 0, Σ_s y(d, s) = 1 per doctor, and every side row of the date-assignment master
/// that spans several doctors (rep and patient cliques, no-good cuts), with x(i, t) replaced by
/// the sum of the schedules that put i on t. What happens inside one doctor needs no row: every
/// schedule fits date by date. Its LP bound is the best Lagrangian bound of that split, well
/// above the date-assignment LP. (A doctor too large for one search is split into groups, each
/// a "doctor" of its own here, linked by rows on its dates.)
///
/// Exactness comes from reduced costs: for multipliers π ≤ 0 on the side rows, with
/// L(π) = Σ_r π_r b_r + Σ_d min_s rc_π(s), every solution costs at least
/// L(π) + Σ_d (rc_π(s_d) − min_s rc_π(s)). So a solution costing at most U uses only schedules
/// within U − L(π) of their doctor's cheapest, and the MIP over all of those has the same
/// optimum as the full model whenever that optimum is at most U. Schedules with the same
/// coefficients in every row but the objective are one column, the cheapest
/// (`DoctorScheduleSearch.cheapestOfEachKind`).
final class DoctorScheduleMaster {
    typealias Schedule = DoctorScheduleSearch.Schedule

    /// A ≤ row on choices: Σ coefficient · x(choice) ≤ limit.
    struct SharedRow {
        var choices: [ChoiceIndex]
        var coefficients: [Double]
        var limit: Double
    }

    /// A shared row as this master holds it: its GLPK row besides the choices.
    struct SideRow {
        var row: Int
        var shared: SharedRow
    }

    let choices: DateChoices
    let deadline: Deadline
    let problem = GLPKProblem(name: "rebooking_schedules", sense: .minimize)
    /// The groups' items: a doctor's items, or part of them when the doctor has too many items
    /// or sets for one `DoctorScheduleSearch` (then the doctor's dates get rows like the
    /// date-assignment master's aggregate ones, and the within-day check's cuts do the rest).
    /// The convexity row of group g is row g.
    let positionsOfGroup: [[PartPosition]]
    /// Each group's dates and the sets that fit on them.
    let doctorDays: [DoctorDays]
    /// Each side row shared by several groups (or a cut).
    private(set) var sideRows: [SideRow] = []
    /// The side-row entries of each choice: (index into `sideRows`, coefficient).
    private(set) var sideEntries: [ChoiceIndex: [(side: Int, coefficient: Double)]] = [:]
    /// The group of each item (by part position).
    private var groupOfPosition: [GroupIndex] = []
    /// Each y column's group and schedule.
    private(set) var groupOfColumn: [GroupIndex] = []
    private(set) var schedules: [Schedule] = []
    /// Each group's schedules in the model, with their y column.
    private var columnOfSchedule: [[Schedule: Int]]
    /// Which y columns take a choice.
    private var columnsWith: [ChoiceIndex: [Int]] = [:]

    /// - Parameters:
    ///   - sharedRows: rows on the choices every solution satisfies (cliques, energy, cuts);
    ///     those within one group hold for its schedules already and are left out;
    ///   - itemLimit: doctors with more items are split into groups;
    ///   - setLimit: so are doctors with a date that has more fitting sets than this.
    /// - Throws: `DeadlineReached` when `deadline` passes while the groups are built.
    init(choices: DateChoices, sharedRows: [SharedRow], itemLimit: Int, setLimit: Int, deadline: Deadline) throws {
        self.choices = choices
        self.deadline = deadline
        let instance = choices.instance
        var byDoctor: [Int32: [PartPosition]] = [:]
        for k in choices.positions { byDoctor[instance.items[choices.item(at: k).int].doctor, default: []].append(k) }
        let arrangement = DayArrangement(instance: instance, deadline: deadline)
        var doctorDays: [DoctorDays] = []
        var split: [[PartPosition]] = []
        for doctor in byDoctor.keys.sorted() {
            let positions = byDoctor[doctor]!
            if let days = try DoctorDays(choices: choices, positions: positions, arrangement: arrangement,
                                         itemLimit: itemLimit, setLimit: setLimit) {
                doctorDays.append(days)
                continue
            }
            split.append(positions)
            doctorDays += try DoctorScheduleMaster.chunks(positions, choices: choices, arrangement: arrangement,
                                                          itemLimit: itemLimit, setLimit: setLimit)
        }
        positionsOfGroup = doctorDays.map(\.positions)
        self.doctorDays = doctorDays
        groupOfPosition = [GroupIndex](repeating: GroupIndex(0), count: choices.items.count)
        for (g, positions) in positionsOfGroup.enumerated() { for k in positions { groupOfPosition[k.int] = GroupIndex(g) } }
        columnOfSchedule = Array(repeating: [:], count: positionsOfGroup.count)
        var rows = GLPKRowBatch()
        for _ in positionsOfGroup { rows.appendSum(of: [Int](), bounds: .fixed(1)) }
        try problem.addRows(rows)
        for row in sharedRows { try addSideRow(row) }
        for positions in split { try addDoctorRows(positions) }
    }

    /// A doctor too large for one search, as groups of items that are, in original order (a
    /// single item always is).
    private static func chunks(_ positions: [PartPosition], choices: DateChoices, arrangement: DayArrangement,
                               itemLimit: Int, setLimit: Int) throws(DeadlineReached) -> [DoctorDays] {
        if let days = try DoctorDays(choices: choices, positions: positions, arrangement: arrangement,
                                     itemLimit: itemLimit, setLimit: setLimit) {
            return [days]
        }
        // As large a first group as the search takes (fewer items between groups, a tighter
        // model); halves when the sets, not the items, are too many.
        let half = positions.count > itemLimit ? itemLimit : positions.count / 2
        return try chunks(Array(positions[..<half]), choices: choices, arrangement: arrangement,
                          itemLimit: itemLimit, setLimit: setLimit)
            + chunks(Array(positions[half...]), choices: choices, arrangement: arrangement,
                     itemLimit: itemLimit, setLimit: setLimit)
    }

    /// The rows a split doctor's dates get, since no group sees all of its items: what
    /// `MasterStrengthening` derives on each of its doctor-dates (cliques, triples, counts by
    /// length) and the minutes the date has free. Whatever still does not fit comes back as a cut.
    private func addDoctorRows(_ positions: [PartPosition]) throws {
        let options = choices.strengtheningChoices(of: positions)
        var byDate: [Int32: [Int]] = [:]
        for (c, choice) in options.enumerated() { byDate[choice.day.day, default: []].append(c) }
        let dates = byDate.keys.sorted().map { byDate[$0]! }.filter { $0.count > 1 }
        for row in try MasterStrengthening(instance: choices.instance, deadline: deadline)
            .rows(options, doctorGroups: dates) {
            try addSideRow(SharedRow(choices: row.columns.map(ChoiceIndex.init),
                                     coefficients: [Double](repeating: 1, count: row.columns.count),
                                     limit: Double(row.limit)))
        }
        for members in dates {
            for row in choices.energyRows(members.map { options[$0] }) {
                try addSideRow(SharedRow(choices: row.columns.map(ChoiceIndex.init), coefficients: row.coefficients,
                                         limit: row.limit))
            }
        }
    }

    var columnCount: Int { schedules.count }

    // MARK: - Rows and columns

    /// Adds a side row, when it spans several groups or is a cut; rows inside one group hold
    /// for every schedule already.
    func addSideRow(_ shared: SharedRow, isCut: Bool = false) throws {
        let owners = Set(shared.choices.map { groupOfPosition[choices.position(of: $0).int] })
        guard owners.count > 1 || isCut else { return }
        var perColumn: [Int: Double] = [:]
        for (c, a) in zip(shared.choices, shared.coefficients) {
            for y in columnsWith[c] ?? [] { perColumn[y, default: 0] += a }
        }
        var rows = GLPKRowBatch()
        let entries = perColumn.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        rows.append(columns: entries.map(\.key), values: entries.map(\.value), bounds: .atMost(shared.limit))
        let row = try problem.addRows(rows).lowerBound
        for (c, a) in zip(shared.choices, shared.coefficients) { sideEntries[c, default: []].append((sideRows.count, a)) }
        sideRows.append(SideRow(row: row, shared: shared))
    }

    /// Adds the schedules not yet in the model for group `g`.
    func addSchedules(_ g: GroupIndex, _ list: [Schedule]) throws {
        var seen = Set<Schedule>()
        let fresh = list.filter { columnOfSchedule[g.int][$0] == nil && seen.insert($0).inserted }
        guard !fresh.isEmpty else { return }
        var objective: [Double] = []
        var entries: [[(row: Int, value: Double)]] = []
        for schedule in fresh {
            objective.append(cost(of: schedule, group: g))
            var sides: [Int: Double] = [:]
            for case let c? in schedule {
                for (side, a) in sideEntries[c] ?? [] { sides[side, default: 0] += a }
            }
            entries.append([(row: g.int, value: 1.0)] + sides.sorted { $0.key < $1.key }
                .filter { $0.value != 0 }.map { (row: sideRows[$0.key].row, value: $0.value) })
        }
        // Integer y ≥ 0 rather than binary: Σ_s y = 1 already bounds them, and an explicit upper
        // bound would take part of the LP's duals, which pricing reads from the rows alone.
        let columns = try problem.addColumns(kind: .integer, bounds: .atLeast(0), objective: objective, entries: entries)
        for (schedule, y) in zip(fresh, columns) {
            columnOfSchedule[g.int][schedule] = y
            groupOfColumn.append(g)
            schedules.append(schedule)
            for case let c? in schedule { columnsWith[c, default: []].append(y) }
        }
    }

    /// The schedule's objective: t − o per placed item, the unplaced cost per other (from the instance).
    func cost(of schedule: Schedule, group g: GroupIndex) -> Double {
        zip(positionsOfGroup[g.int], schedule).reduce(0) { sum, pair in
            sum + (pair.1.map { choices.cost(of: $0) } ?? choices.unplacedCost(at: pair.0))
        }
    }

    /// Each group's schedule in a solution of the part.
    func schedules(of solution: RebookingSolution) -> [Schedule] {
        positionsOfGroup.map { positions in
            positions.map { k in
                let i = choices.item(at: k)
                let p = solution.placements[i.int]
                return p.isPlaced ? choices.choice(of: i, day: RangeDay(raw: p.day)) : nil
            }
        }
    }

    /// The groups, in `doctorDays` order.
    var groups: [GroupIndex] { positionsOfGroup.indices.map(GroupIndex.init) }

    // MARK: - Pricing

    /// The choice costs reduced by multipliers π ≤ 0 on the side rows: c − Σ_r π_r a_r.
    func reducedCosts(_ pi: [Double]) -> ChoiceCosts {
        var costs = ChoiceCosts(objectiveOf: choices)
        for (side, p) in zip(sideRows, pi) where p < 0 {
            for (c, a) in zip(side.shared.choices, side.shared.coefficients) { costs[c] -= p * a }
        }
        return costs
    }

    /// The LP duals of the side rows, clamped to ≤ 0 (the sign a ≤ row's dual has when minimizing).
    func sideDuals() -> [Double] { sideRows.map { min(0, problem.rowDual($0.row)) } }

    /// The LP dual of group g's convexity row.
    func convexityDual(_ g: GroupIndex) -> Double { problem.rowDual(g.int) }

    /// L(π) = Σ_r π_r b_r + Σ_g min_s rc(s), with each group's cheapest schedule.
    func lagrangian(_ pi: [Double]) throws(DeadlineReached) -> (bound: Double, cheapest: [(cost: Double, schedule: Schedule)]) {
        let costs = reducedCosts(pi)
        var total = zip(sideRows, pi).reduce(0) { $0 + $1.1 * $1.0.shared.limit }
        var cheapest: [(cost: Double, schedule: Schedule)] = []
        for days in doctorDays {
            let best = try DoctorScheduleSearch(days: days, costs: costs, deadline: deadline).cheapest()
            total += best.cost
            cheapest.append(best)
        }
        return (total, cheapest)
    }

    // MARK: - Solving

    struct Outcome {
        /// Range day per item of the part (by part position), or -1 for unplaced.
        var days: [Int32]
        var objective: Double
        var bound: Double
        var proven: Bool
    }

    /// Solves the MIP over the schedules in the model, starting from `warmStart` (whose
    /// schedules it adds). - Returns: nil when time ran out before any solution.
    func solve(warmStart: RebookingSolution, timeLimit: Double?, relativeGap: Double, verbose: Bool,
               deadline: Deadline) throws -> Outcome? {
        let start = schedules(of: warmStart)
        for (g, schedule) in zip(groups, start) { try addSchedules(g, [schedule]) }
        var x = [Double](repeating: 0, count: problem.columnCount)
        for (g, schedule) in zip(groups, start) { x[columnOfSchedule[g.int][schedule]!] = 1 }
        let warm: [Double]? = problem.violation(of: x) == nil ? x : nil
        let outcome = try problem.solveMIP(
            options: GLPKMIPOptions(timeLimitSeconds: timeLimit, relativeGap: relativeGap, verbose: verbose,
                                    integralObjective: true, deadline: deadline),
            warmStart: warm)
        guard let objective = outcome.objective else { return nil }
        var days = [Int32](repeating: -1, count: choices.items.count)
        for (y, value) in problem.mipValues().enumerated() where value > 0.5 {
            for (k, c) in zip(positionsOfGroup[groupOfColumn[y].int], schedules[y]) {
                if let c { days[k.int] = choices.day(of: c).raw }
            }
        }
        return Outcome(days: days, objective: objective, bound: outcome.bound, proven: outcome.isProvenOptimal)
    }
}

extension DoctorScheduleMaster {
    /// Forbids putting all of `entries` (item, day) at once, as `DateAssignmentMaster.forbid` does.
    func forbid(_ entries: [(item: Int, day: Int32)]) throws {
        try addSideRow(SharedRow(choices: entries.map { choices.choice(of: ItemIndex($0.item), day: RangeDay(raw: $0.day)) },
                                 coefficients: [Double](repeating: 1, count: entries.count),
                                 limit: Double(entries.count - 1)), isCut: true)
    }
}
