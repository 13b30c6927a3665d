/// The one place where every stage of the exact solver leaves what it found (as CP-SAT's
/// shared response manager): the best solution so far and, per independent part, its objective
/// and the best lower bound proven for it.
///
/// Parts share no doctor-, rep- or patient-date, so the best placements of each part, taken
/// from whichever stage found them, always make a feasible whole: an offer is taken part by part
/// where it is better. Nothing here gets worse over time, which is what makes the solver anytime
/// and never worse than its start (greedy): when the deadline stops a stage, the store already
/// holds the answer.
final class IncumbentStore {
    let instance: RebookingInstance
    /// Item indices per part (`IndependentParts`).
    let parts: [[Int]]
    private(set) var solution: RebookingSolution
    private(set) var objectives: [Int]
    private(set) var bounds: [Double]
    /// Called after every improvement of the solution or the bound.
    var onChange: (() -> Void)?

    init(instance: RebookingInstance, parts: [[Int]], start: RebookingSolution) {
        self.instance = instance
        self.parts = parts
        solution = start
        objectives = parts.map { IncumbentStore.objective(of: $0, in: start, instance: instance) }
        // Each item at its earliest candidate date (or unplaced): no solution does better.
        bounds = parts.map { part in
            Double(part.reduce(0) { $0 + instance.earliestCost(of: $1) })
        }
    }

    var objective: Int { objectives.reduce(0, +) }
    var bound: Double { bounds.reduce(0, +) }

    /// Whether part `p`'s solution is proven optimal.
    func isClosed(_ p: Int) -> Bool { Double(objectives[p]) <= bounds[p] }

    /// Takes `candidate`'s placements of part `p` when they cost less than the stored ones.
    /// - Returns: whether they did.
    @discardableResult
    func offer(_ candidate: RebookingSolution, part p: Int) -> Bool {
        let value = IncumbentStore.objective(of: parts[p], in: candidate, instance: instance)
        guard value < objectives[p] else { return false }
        for i in parts[p] { solution.placements[i] = candidate.placements[i] }
        objectives[p] = value
        onChange?()
        return true
    }

    /// Offers a whole solution, part by part. - Returns: whether any part improved.
    @discardableResult
    func offer(_ candidate: RebookingSolution) -> Bool {
        var improved = false
        for p in parts.indices where offer(candidate, part: p) { improved = true }
        return improved
    }

    /// Records a proven lower bound of part `p` (a weaker one changes nothing).
    func raiseBound(_ bound: Double, part p: Int) {
        guard bound > bounds[p] else { return }
        bounds[p] = bound
        onChange?()
    }

    /// Σ delay days of the items of `part` in `solution`.
    static func objective(of part: [Int], in solution: RebookingSolution, instance: RebookingInstance) -> Int {
        part.reduce(0) { sum, i in
            let p = solution.placements[i]
            return sum + (p.isPlaced ? instance.items[i].originalDate.days(to: instance.date(ofDay: p.day))
                                     : instance.items[i].unplacedCost)
        }
    }
}
