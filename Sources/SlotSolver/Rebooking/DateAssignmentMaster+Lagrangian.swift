// The date-assignment master's Lagrangian bound, stronger than its LP bound.
extension DateAssignmentMaster {
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
    /// - Throws: `DeadlineReached` when the master's deadline passes.
    func lagrangianBound(multipliers: [Double]? = nil, doctorMIPSeconds: Double = SolverParameters().doctorMIPSeconds)
        throws -> Double {
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
        let arrangement = DayArrangement(instance: instance, deadline: deadline)
        for doctor in byDoctor.keys.sorted() {
            try deadline.check()
            let positions = byDoctor[doctor]!
            let days = try DoctorDays(choices: dateChoices, positions: positions.map(PartPosition.init),
                                      arrangement: arrangement)
            // x column c is choice c: the x costs are the choices' costs.
            let costs = ChoiceCosts(reduced)
            let searched = try days.map { try DoctorScheduleSearch(days: $0, costs: costs, deadline: deadline).cheapest().cost }
            if let solved = try searched ?? doctorMinimum(positions, reduced: reduced, seconds: doctorMIPSeconds) {
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

    /// `doctorMinimumByMIP`, nil when GLPK fails on it (the doctor then counts as if GLPK did
    /// not finish); only the deadline goes through.
    private func doctorMinimum(_ positions: [Int], reduced: [Double], seconds: Double) throws -> Double? {
        do {
            return try doctorMinimumByMIP(positions, reduced: reduced, seconds: seconds)
        } catch let reached as DeadlineReached {
            throw reached
        } catch {
            return nil
        }
    }

    /// A doctor's cheapest schedule under `reduced`, as a small pattern MIP over GLPK, for doctors with too many
    /// items for the search: nil when a date has too many feasible sets or GLPK does not finish.
    private func doctorMinimumByMIP(_ positions: [Int], reduced: [Double], seconds: Double) throws -> Double? {
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
            guard let patterns = try DoctorDatePatterns.enumerate(group, instance: instance, limit: patternLimit,
                                                                  deadline: deadline) else { return nil }
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
        let outcome = try mip.solveMIP(options: GLPKMIPOptions(timeLimitSeconds: seconds, deadline: deadline))
        try deadline.check()
        return outcome.isProvenOptimal ? outcome.objective : nil
    }
}
