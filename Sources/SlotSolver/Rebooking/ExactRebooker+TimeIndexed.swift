// The exact solver's direct route for a part: its time-indexed MIP, shrunk by reduced-cost fixing.
extension ExactRebooker {
    /// Solves part `p` through its time-indexed MIP (`TimeIndexedModel`):
    /// 1. the LP relaxation, a bound of the part (on measured clinics within a fraction of a
    ///    percent of the optimum);
    /// 2. reduced-cost fixing: a column whose LP reduced cost exceeds U − 1 − LP (U the
    ///    incumbent) is in no solution better than U, since such a solution costs at least
    ///    LP + that reduced cost; those columns are fixed to 0, except the incumbent's own;
    /// 3. GLPK's branch and bound on what is left, warm-started from the incumbent. Its optimum
    ///    is the part's: every better solution is still in the model, and the incumbent too.
    /// - Returns: whether the part is closed (proven optimal).
    /// - Throws: `DeadlineReached` when `stop` passes while the model is built.
    func solveByTimeIndexedMIP(_ p: Int, store: IncumbentStore, until stop: Deadline) throws -> Bool {
        let part = store.parts[p]
        let model = try TimeIndexedModel(instance: instance, items: part, allowUnplaced: true, name: "part",
                                         namesColumns: false, deadline: stop)
        let lp = try model.problem.solveLP(verbose: options.verboseSolver, deadline: stop)
        guard lp.status == .optimal else { return false }
        store.raiseBound((lp.objective - 1e-6).rounded(.up), part: p)
        if store.isClosed(p) { return true }
        let warm = model.columnValues(of: store.solution)
        let slack = Double(store.objectives[p]) - 1 - lp.objective + 1e-6
        for j in 0..<model.problem.columnCount where warm[j] < 0.5 && model.problem.columnDual(j) > slack {
            try model.problem.setColumnBounds(j, .fixed(0))
        }
        let outcome = try model.problem.solveMIP(
            options: GLPKMIPOptions(relativeGap: options.relativeGap, verbose: options.verboseSolver,
                                    cuts: parameters.timeIndexedCuts, integralObjective: true, deadline: stop,
                                    branchesOnMostFractional: model.problem.columnCount > parameters.timeIndexedTomlinColumnLimit),
            warmStart: warm)
        if outcome.objective != nil {
            var candidate = store.solution
            for (i, placement) in model.placementsFromMIP() { candidate.placements[i] = placement }
            store.offer(candidate, part: p)
        }
        // Every solution better than the incumbent is in the model, so its bound holds for the
        // part up to the incumbent.
        if outcome.isProvenOptimal, let objective = outcome.objective {
            store.raiseBound(objective, part: p)
        } else if outcome.bound.isFinite {
            store.raiseBound(min((outcome.bound - 1e-6).rounded(.up), Double(store.objectives[p])), part: p)
        }
        return store.isClosed(p)
    }
}
