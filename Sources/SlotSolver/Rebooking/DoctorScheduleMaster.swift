/// The schedule master: a Dantzig–Wolfe reformulation of the date-assignment master by doctor.
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

    let master: DateAssignmentMaster
    let problem = GLPKProblem(name: "rebooking_schedules", sense: .minimize)
    /// The column groups, each with its items as positions in `master.items`: a doctor's items,
    /// or part of them when the doctor has too many items or sets for one `DoctorScheduleSearch`
    /// (then the doctor's dates get rows like the date-assignment master's aggregate ones, and
    /// the within-day check's cuts do the rest).
    let positionsOfGroup: [[Int]]
    /// Each group's dates and the sets that fit on them.
    let doctorDays: [DoctorDays]
    /// Each side row shared by several groups (or a cut): its row here, x columns, coefficients and limit.
    private(set) var sideRows: [DateAssignmentMaster.SideRow] = []
    /// The side-row entries of each x column: (index into `sideRows`, coefficient).
    private(set) var sideEntries: [Int: [(side: Int, coefficient: Double)]] = [:]
    /// The group of each item (by position in `master.items`).
    private var groupOfPosition: [Int] = []
    /// Each y column's group and schedule.
    private(set) var groupOfColumn: [Int] = []
    private(set) var schedules: [Schedule] = []
    /// Each group's schedules in the model, with their y column.
    private var columnOfSchedule: [[Schedule: Int]]
    /// Which y columns put an item on an x column's date.
    private var columnsWith: [Int: [Int]] = [:]

    /// - Parameters:
    ///   - itemLimit: doctors with more items are split into groups;
    ///   - setLimit: so are doctors with a date that has more fitting sets than this.
    /// - Throws: `DeadlineReached` when the master's deadline passes while the groups are built.
    init(master: DateAssignmentMaster, itemLimit: Int, setLimit: Int) throws {
        self.master = master
        var byDoctor: [Int32: [Int]] = [:]
        for (k, i) in master.items.enumerated() { byDoctor[master.instance.items[i].doctor, default: []].append(k) }
        let arrangement = DayArrangement(instance: master.instance, deadline: master.deadline)
        var doctorDays: [DoctorDays] = []
        var split: [[Int]] = []
        for doctor in byDoctor.keys.sorted() {
            let positions = byDoctor[doctor]!
            if let days = try DoctorDays(master: master, positions: positions, arrangement: arrangement,
                                         itemLimit: itemLimit, setLimit: setLimit) {
                doctorDays.append(days)
                continue
            }
            split.append(positions)
            doctorDays += try DoctorScheduleMaster.chunks(positions, master: master, arrangement: arrangement,
                                                          itemLimit: itemLimit, setLimit: setLimit)
        }
        positionsOfGroup = doctorDays.map(\.positions)
        self.doctorDays = doctorDays
        groupOfPosition = [Int](repeating: 0, count: master.items.count)
        for (g, positions) in positionsOfGroup.enumerated() { for k in positions { groupOfPosition[k] = g } }
        columnOfSchedule = Array(repeating: [:], count: positionsOfGroup.count)
        var rows = GLPKRowBatch()
        for _ in positionsOfGroup { rows.appendSum(of: [Int](), bounds: .fixed(1)) }
        try problem.addRows(rows)
        for side in master.sideRows { try addSideRow(columns: side.columns, coefficients: side.coefficients, limit: side.limit) }
        for positions in split { try addDoctorRows(positions) }
    }

    /// A doctor too large for one search, as groups of items that are, in original order (a
    /// single item always is).
    private static func chunks(_ positions: [Int], master: DateAssignmentMaster, arrangement: DayArrangement,
                               itemLimit: Int, setLimit: Int) throws(DeadlineReached) -> [DoctorDays] {
        if let days = try DoctorDays(master: master, positions: positions, arrangement: arrangement,
                                     itemLimit: itemLimit, setLimit: setLimit) {
            return [days]
        }
        // As large a first group as the search takes (fewer items between groups, a tighter
        // model); halves when the sets, not the items, are too many.
        let half = positions.count > itemLimit ? itemLimit : positions.count / 2
        return try chunks(Array(positions[..<half]), master: master, arrangement: arrangement,
                          itemLimit: itemLimit, setLimit: setLimit)
            + chunks(Array(positions[half...]), master: master, arrangement: arrangement,
                     itemLimit: itemLimit, setLimit: setLimit)
    }

    /// The rows a split doctor's dates get, since no group sees all of its items: what
    /// `MasterStrengthening` derives on each of its doctor-dates (cliques, triples, counts by
    /// length) and the minutes the date has free. Whatever still does not fit comes back as a cut.
    private func addDoctorRows(_ positions: [Int]) throws {
        let choices = master.choices(of: positions)
        var byDate: [Int32: [Int]] = [:]
        for (c, choice) in choices.enumerated() { byDate[choice.day.day, default: []].append(c) }
        let dates = byDate.keys.sorted().map { byDate[$0]! }.filter { $0.count > 1 }
        for row in try MasterStrengthening(instance: master.instance, deadline: master.deadline)
            .rows(choices, doctorGroups: dates) {
            try addSideRow(columns: row.columns, coefficients: [Double](repeating: 1, count: row.columns.count),
                           limit: Double(row.limit))
        }
        for members in dates {
            for row in master.energyRows(members.map { choices[$0] }) {
                try addSideRow(columns: row.columns, coefficients: row.coefficients, limit: row.limit)
            }
        }
    }

    var columnCount: Int { schedules.count }

    // MARK: - Rows and columns

    /// Adds a side row (Σ a·x ≤ limit), when it spans several groups or is a cut; rows inside
    /// one group hold for every schedule already.
    func addSideRow(columns: [Int], coefficients: [Double], limit: Double, isCut: Bool = false) throws {
        let owners = Set(columns.map { groupOfPosition[master.columnPosition[$0]] })
        guard owners.count > 1 || isCut else { return }
        var perColumn: [Int: Double] = [:]
        for (c, a) in zip(columns, coefficients) {
            for y in columnsWith[c] ?? [] { perColumn[y, default: 0] += a }
        }
        var rows = GLPKRowBatch()
        let entries = perColumn.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        rows.append(columns: entries.map(\.key), values: entries.map(\.value), bounds: .atMost(limit))
        let row = try problem.addRows(rows).lowerBound
        for (c, a) in zip(columns, coefficients) { sideEntries[c, default: []].append((sideRows.count, a)) }
        sideRows.append(.init(row: row, columns: columns, coefficients: coefficients, limit: limit))
    }

    /// Adds the schedules not yet in the model for group `d`.
    func addSchedules(_ d: Int, _ list: [Schedule]) throws {
        var seen = Set<Schedule>()
        let fresh = list.filter { columnOfSchedule[d][$0] == nil && seen.insert($0).inserted }
        guard !fresh.isEmpty else { return }
        var objective: [Double] = []
        var entries: [[(row: Int, value: Double)]] = []
        for schedule in fresh {
            objective.append(cost(of: schedule, group: d))
            var sides: [Int: Double] = [:]
            for c in schedule where c >= 0 {
                for (side, a) in sideEntries[c] ?? [] { sides[side, default: 0] += a }
            }
            entries.append([(row: d, value: 1.0)] + sides.sorted { $0.key < $1.key }
                .filter { $0.value != 0 }.map { (row: sideRows[$0.key].row, value: $0.value) })
        }
        // Integer y ≥ 0 rather than binary: Σ_s y = 1 already bounds them, and an explicit upper
        // bound would take part of the LP's duals, which pricing reads from the rows alone.
        let columns = try problem.addColumns(kind: .integer, bounds: .atLeast(0), objective: objective, entries: entries)
        for (schedule, y) in zip(fresh, columns) {
            columnOfSchedule[d][schedule] = y
            groupOfColumn.append(d)
            schedules.append(schedule)
            for c in schedule where c >= 0 { columnsWith[c, default: []].append(y) }
        }
    }

    /// The schedule's objective: t − o per placed item, the unplaced cost per other.
    func cost(of schedule: Schedule, group d: Int) -> Double {
        zip(positionsOfGroup[d], schedule).reduce(0) { sum, pair in
            sum + master.problem.objectiveValueOfColumn(pair.1 >= 0 ? pair.1 : master.unplacedColumn[pair.0])
        }
    }

    /// Each group's schedule in a solution of the part.
    func schedules(of solution: RebookingSolution) -> [Schedule] {
        positionsOfGroup.map { positions in
            positions.map { k in
                let p = solution.placements[master.items[k]]
                return p.isPlaced ? master.column(of: master.items[k], day: p.day) : -1
            }
        }
    }

    // MARK: - Pricing

    /// The x costs reduced by multipliers π ≤ 0 on the side rows: c − Σ_r π_r a_r.
    func reducedCosts(_ pi: [Double]) -> [Double] {
        var costs = (0..<master.columnDay.count).map { master.problem.objectiveValueOfColumn($0) }
        for (side, p) in zip(sideRows, pi) where p < 0 {
            for (c, a) in zip(side.columns, side.coefficients) { costs[c] -= p * a }
        }
        return costs
    }

    /// The LP duals of the side rows, clamped to ≤ 0 (the sign a ≤ row's dual has when minimizing).
    func sideDuals() -> [Double] { sideRows.map { min(0, problem.rowDual($0.row)) } }

    /// L(π) = Σ_r π_r b_r + Σ_g min_s rc(s), with each group's cheapest schedule.
    func lagrangian(_ pi: [Double]) throws(DeadlineReached) -> (bound: Double, cheapest: [(cost: Double, schedule: Schedule)]) {
        let costs = reducedCosts(pi)
        var total = zip(sideRows, pi).reduce(0) { $0 + $1.1 * $1.0.limit }
        var cheapest: [(cost: Double, schedule: Schedule)] = []
        for days in doctorDays {
            let best = try DoctorScheduleSearch(days: days, costs: costs, deadline: master.deadline).cheapest()
            total += best.cost
            cheapest.append(best)
        }
        return (total, cheapest)
    }

    // MARK: - Solving

    struct Outcome {
        /// Range day per item of the part (in `master.items` order), or -1 for unplaced.
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
        for (d, schedule) in start.enumerated() { try addSchedules(d, [schedule]) }
        var x = [Double](repeating: 0, count: problem.columnCount)
        for (d, schedule) in start.enumerated() { x[columnOfSchedule[d][schedule]!] = 1 }
        let warm: [Double]? = problem.violation(of: x) == nil ? x : nil
        let outcome = try problem.solveMIP(
            options: GLPKMIPOptions(timeLimitSeconds: timeLimit, relativeGap: relativeGap, verbose: verbose,
                                    integralObjective: true, deadline: deadline),
            warmStart: warm)
        guard let objective = outcome.objective else { return nil }
        var days = [Int32](repeating: -1, count: master.items.count)
        for (y, value) in problem.mipValues().enumerated() where value > 0.5 {
            for (k, c) in zip(positionsOfGroup[groupOfColumn[y]], schedules[y]) where c >= 0 {
                days[k] = master.columnDay[c]
            }
        }
        return Outcome(days: days, objective: objective, bound: outcome.bound, proven: outcome.isProvenOptimal)
    }
}

extension DoctorScheduleMaster {
    /// Forbids putting all of `entries` (item, day) at once, as `DateAssignmentMaster.forbid` does.
    func forbid(_ entries: [(item: Int, day: Int32)]) throws {
        try addSideRow(columns: entries.map { master.column(of: $0.item, day: $0.day) },
                       coefficients: [Double](repeating: 1, count: entries.count),
                       limit: Double(entries.count - 1), isCut: true)
    }
}

