/// A lower bound from the time-indexed formulation (`TimeIndexedRows`), by Lagrangian
/// relaxation of its capacity and clique rows: with multipliers λ ≥ 0 on those rows, every item
/// independently takes its cheapest column under the reduced costs c + λA (or stays unplaced),
/// and
///
///     L(λ) = Σ_i min(unplaced cost of i, min_j (c_j + Σ_r λ_r a_rj)) − Σ_r λ_r b_r
///
/// is at most the optimum for *any* λ ≥ 0: a bound that needs no LP solver and is valid at every
/// step, so the deadline can stop it at any time. The subproblem has the integrality property,
/// so the best λ reaches the LP bound of the time-indexed model, which on measured clinics lies
/// within a fraction of a percent of the optimum (far above the earliest-date bound).
///
/// λ is improved by the subgradient method with Polyak's step (Held, Wolfe and Crowder, 1974):
/// λ ← max(0, λ + θ (U − L(λ)) g / ‖g‖²), g the rows' excess, U the incumbent; θ halves when L
/// stalls. Every row lies in one independent part (parts share no resource-date), so L splits
/// into one bound per part, each valid on its own.
struct TimeIndexedLagrangian {
    private let itemCount: Int
    private let firstOfItem: [Int]
    private let columnCost: [Double]
    private let unplacedCost: [Double]
    /// Rows by column (transpose of the ≤ rows), for the reduced costs and the subgradient.
    private let rowStart: [Int]
    private let rowsOfColumn: [Int32]
    private let limit: [Double]
    private let partOfItem: [Int]
    private let partOfRow: [Int]
    let partCount: Int

    /// - Parameter partOfItem: the part of each modelled item (by position in `rows.items`),
    ///   0 ..< partCount.
    init(instance: RebookingInstance, rows: TimeIndexedRows, partOfItem: [Int], partCount: Int) {
        itemCount = rows.items.count
        firstOfItem = rows.firstOfItem
        columnCost = rows.placements.map { Double($0.day.cost) }
        unplacedCost = rows.items.map { Double(instance.items[$0].unplacedCost) }
        self.partOfItem = partOfItem
        self.partCount = partCount
        limit = rows.rows.map { Double($0.limit) }
        var itemPosition = [Int](repeating: 0, count: rows.placements.count)
        for k in 0..<itemCount { for j in firstOfItem[k]..<firstOfItem[k + 1] { itemPosition[j] = k } }
        partOfRow = rows.rows.map { partOfItem[itemPosition[$0.columns[0]]] }
        var counts = [Int](repeating: 0, count: rows.placements.count + 1)
        for row in rows.rows { for j in row.columns { counts[j + 1] += 1 } }
        for j in 0..<rows.placements.count { counts[j + 1] += counts[j] }
        var fill = counts
        var members = [Int32](repeating: 0, count: counts.last!)
        for (r, row) in rows.rows.enumerated() {
            for j in row.columns {
                members[fill[j]] = Int32(r)
                fill[j] += 1
            }
        }
        rowStart = counts
        rowsOfColumn = members
    }

    /// The best bound of each part found until `deadline`, or until the steps stop mattering.
    /// - Parameters:
    ///   - patience, minimumStepFactor: the step factor θ halves after `patience` steps without
    ///     a better bound; the search stops when θ falls below `minimumStepFactor`.
    ///   - upperBound: the incumbent's objective over the modelled items (Polyak's target).
    ///   - onBound: called with the parts' best bounds whenever one rises (rounded up, as the
    ///     objective is an integer).
    /// - Complexity: O(nonzeros) per step.
    func maximize(upperBound: () -> Double, deadline: Deadline, maxSteps: Int, patience: Int,
                  minimumStepFactor: Double, onBound: ([Double]) -> Void) -> [Double] {
        let rowCount = limit.count
        var lambda = [Double](repeating: 0, count: rowCount)
        var best = [Double](repeating: -.infinity, count: partCount)
        var bestTotal = -Double.infinity
        var theta = 1.0
        var stalled = 0
        var usage = [Double](repeating: 0, count: rowCount)
        var reduced = columnCost
        for step in 0..<maxSteps {
            if step & 7 == 0 && deadline.hasPassed { break }
            // Reduced costs, each item's cheapest choice, and L per part.
            for j in 0..<columnCost.count {
                var value = columnCost[j]
                for m in rowStart[j]..<rowStart[j + 1] { value += lambda[Int(rowsOfColumn[m])] }
                reduced[j] = value
            }
            var bound = [Double](repeating: 0, count: partCount)
            for r in 0..<rowCount {
                usage[r] = 0
                bound[partOfRow[r]] -= lambda[r] * limit[r]
            }
            for k in 0..<itemCount {
                var cheapest = unplacedCost[k], choice = -1
                for j in firstOfItem[k]..<firstOfItem[k + 1] where reduced[j] < cheapest {
                    cheapest = reduced[j]
                    choice = j
                }
                bound[partOfItem[k]] += cheapest
                if choice >= 0 {
                    for m in rowStart[choice]..<rowStart[choice + 1] { usage[Int(rowsOfColumn[m])] += 1 }
                }
            }
            var raised = false
            for p in 0..<partCount {
                let rounded = (bound[p] - 1e-6).rounded(.up)
                if rounded > best[p] {
                    best[p] = rounded
                    raised = true
                }
            }
            if raised { onBound(best) }
            let total = bound.reduce(0, +)
            if total > bestTotal + 1e-6 {
                bestTotal = total
                stalled = 0
            } else {
                stalled += 1
                if stalled >= patience {
                    theta /= 2
                    stalled = 0
                    if theta < minimumStepFactor { break }
                }
            }
            // Polyak's step along the projected subgradient.
            var norm = 0.0
            for r in 0..<rowCount {
                let g = usage[r] - limit[r]
                if g > 0 || lambda[r] > 0 { norm += g * g }
            }
            let gap = upperBound() - total
            guard norm > 0, gap > 1e-9 else { break }   // feasible at λ, or the bound meets the incumbent
            let length = theta * gap / norm
            for r in 0..<rowCount {
                lambda[r] = max(0, lambda[r] + length * (usage[r] - limit[r]))
            }
        }
        return best
    }
}
