import CGLPK

// MARK: - Solving

extension GLPKProblem {
    /// Solves the LP relaxation with the simplex method.
    /// - Returns: the status of the basic solution and its objective.
    /// - Parameter dual: use the dual simplex (fast after bounds changed on an optimal basis).
    /// - Parameter deadline: the simplex stops there too (as with `timeLimitSeconds`).
    public func solveLP(verbose: Bool = false, timeLimitSeconds: Double? = nil, dual: Bool = false,
                        deadline: Deadline = .never) throws
        -> (status: GLPKSolutionStatus, objective: Double) {
        checkThread()
        let timeLimitSeconds = deadline.secondsLeft(atMost: timeLimitSeconds)
        glp_term_out(verbose ? GLP_ON : GLP_OFF)
        defer { glp_term_out(GLP_OFF) }
        if !hasSolvedOnce {
            // As glpsol does: scale, then start from an advanced (triangular) basis.
            glp_scale_prob(handle, GLP_SF_AUTO)
            glp_adv_basis(handle, 0)
            hasSolvedOnce = true
        }
        var parm = cglpk_default_smcp()
        parm.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parm.presolve = GLP_OFF
        if dual { parm.meth = GLP_DUALP }
        if let limit = timeLimitSeconds { parm.tm_lim = Int32(min(max(0.001, limit) * 1000, Double(Int32.max))) }
        var rc = glp_simplex(handle, &parm)
        if rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND {
            // A basis made invalid by added rows: start again from a fresh advanced basis.
            glp_adv_basis(handle, 0)
            rc = glp_simplex(handle, &parm)
        }
        if rc == GLP_ETMLIM { return (.undefined, glp_get_obj_val(handle)) }
        guard rc == 0 else { throw GLPKError(GLPKReturnCode(rawValue: rc), "simplex failed") }
        return (GLPKProblem.status(glp_get_status(handle)), glp_get_obj_val(handle))
    }

    /// The value of column `j` in the last LP (simplex) solution.
    public func lpValue(_ j: Int) -> Double {
        checkThread()
        return glp_get_col_prim(handle, Int32(j + 1))
    }

    /// Solves the problem as a MIP by branch and bound: the LP relaxation first (so that a warm
    /// start can be given to the search), then GLPK's `glp_intopt` with cuts and heuristics.
    ///
    /// - Parameters:
    ///   - warmStart: a feasible solution (one value per column), offered to GLPK as its first
    ///     incumbent. It is checked against the model first: an infeasible warm start throws.
    ///   - onImprovement: called (on this thread) with each new incumbent objective and the bound.
    /// - Returns: the status, objective and proven bound. Read values with `mipValue(_:)`.
    public func solveMIP(options: GLPKMIPOptions = GLPKMIPOptions(), warmStart: [Double]? = nil,
                         onImprovement: ((_ objective: Double, _ bound: Double) -> Void)? = nil) throws -> GLPKMIPOutcome {
        checkThread()
        if let warmStart, let problem = violation(of: warmStart) {
            throw GLPKError(.infeasibleWarmStart, problem)
        }
        let start = ContinuousClockReading()
        let timeLimit = options.deadline.secondsLeft(atMost: options.timeLimitSeconds)
        let lp = try solveLP(verbose: options.verbose, timeLimitSeconds: timeLimit)
        if lp.status == .undefined, timeLimit != nil {
            // Out of time before the root LP: no solution, no bound.
            return GLPKMIPOutcome(status: .undefined, returnCode: .timeLimit, objective: nil,
                                  bound: sense == .minimize ? -.infinity : .infinity)
        }
        switch lp.status {
        case .optimal: break
        case .noFeasible, .infeasible:
            return GLPKMIPOutcome(status: .noFeasible, returnCode: .ok, objective: nil, bound: .infinity)
        case .unbounded:
            return GLPKMIPOutcome(status: .unbounded, returnCode: .ok, objective: nil, bound: -.infinity)
        default:
            throw GLPKError(.rootLPNotOptimal, "the LP relaxation ended as \(lp.status)")
        }

        let context = SearchContext(warmStart: warmStart, sense: sense, rootBound: lp.objective,
                                    deadline: options.deadline, onImprovement: onImprovement)
        var parm = cglpk_default_iocp()
        parm.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parm.presolve = GLP_OFF   // a warm start must be in the columns of this very problem
        parm.mip_gap = options.relativeGap
        // GLPK's defaults otherwise: Driebeck–Tomlin branching, best-local-bound backtracking.
        if options.depthFirst { parm.bt_tech = GLP_BT_DFS }
        if options.branchesOnMostFractional { parm.br_tech = GLP_BR_MFV }
        if options.integralObjective, let warmStart {
            // GLPK prunes a node when its bound ≥ incumbent − tol_obj·(1 + |incumbent|). Every
            // incumbent lies between the root LP value and the warm start's, so this keeps that
            // margin below 1: only nodes that cannot hold a better integer value are pruned.
            let reference = max(abs(objectiveValue(warmStart)), abs(lp.objective))
            parm.tol_obj = 0.999 / (1 + reference)
        }
        if options.cuts {
            parm.clq_cuts = GLP_ON
            parm.gmi_cuts = GLP_ON
            parm.mir_cuts = GLP_ON
            parm.cov_cuts = GLP_ON
        }
        if let limit = timeLimit {
            let remaining = max(0.001, limit - start.elapsedSeconds)
            parm.tm_lim = Int32(min(remaining * 1000, Double(Int32.max)))
        }
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        parm.cb_info = unmanaged.toOpaque()
        parm.cb_func = { tree, info in
            guard let tree, let info else { return }
            Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue().handle(tree)
        }
        glp_term_out(options.verbose ? GLP_ON : GLP_OFF)
        let rc = glp_intopt(handle, &parm)
        glp_term_out(GLP_OFF)
        let code = GLPKReturnCode(rawValue: rc)
        switch code {
        case .ok, .timeLimit, .gapReached, .stopped: break
        default: throw GLPKError(code, "branch and bound failed")
        }
        let status = GLPKProblem.status(glp_mip_status(handle))
        let objective: Double? = (status == .optimal || status == .feasible) ? glp_mip_obj_val(handle) : nil
        var bound = context.bound
        if code == .ok, status == .optimal, let objective { bound = objective }
        if let objective {   // the bound never passes the incumbent
            bound = sense == .minimize ? min(bound, objective) : max(bound, objective)
        }
        return GLPKMIPOutcome(status: status, returnCode: code, objective: objective, bound: bound)
    }

    /// The value of column `j` in the last MIP solution.
    public func mipValue(_ j: Int) -> Double {
        checkThread()
        return glp_mip_col_val(handle, Int32(j + 1))
    }

    /// All column values of the last MIP solution.
    public func mipValues() -> [Double] {
        checkThread()
        return (0..<columnCount).map { glp_mip_col_val(handle, Int32($0 + 1)) }
    }
}

/// State shared with GLPK's branch-and-bound callback: the warm start to offer and the best
/// bound seen (GLPK forgets its search tree, and with it the bound, when `glp_intopt` returns).
private final class SearchContext {
    let warmStart: [Double]?
    let sense: GLPKObjectiveSense
    var offered = false
    var bound: Double
    /// GLPK checks `tm_lim` between nodes only; the callback also stops the search (root cuts,
    /// heuristics) the moment the deadline passes.
    let deadline: Deadline
    let onImprovement: ((Double, Double) -> Void)?

    init(warmStart: [Double]?, sense: GLPKObjectiveSense, rootBound: Double, deadline: Deadline,
         onImprovement: ((Double, Double) -> Void)?) {
        self.warmStart = warmStart
        self.sense = sense
        self.bound = rootBound
        self.deadline = deadline
        self.onImprovement = onImprovement
    }

    func handle(_ tree: OpaquePointer) {
        if deadline.hasPassed {
            glp_ios_terminate(tree)
            return
        }
        let best = glp_ios_best_node(tree)
        if best != 0 {
            let nodeBound = glp_ios_node_bound(tree, best)
            if nodeBound.isFinite {
                bound = sense == .minimize ? max(bound, nodeBound) : min(bound, nodeBound)
            }
        }
        switch glp_ios_reason(tree) {
        case GLP_IHEUR where !offered:
            offered = true
            if let warmStart {
                var x = [0.0] + warmStart   // 1-based
                _ = glp_ios_heur_sol(tree, &x)
            }
        case GLP_IBINGO:
            let problem = glp_ios_get_prob(tree)
            onImprovement?(glp_mip_obj_val(problem), bound)
        default:
            break
        }
    }
}

/// Wall-clock seconds since creation (monotonic).
struct ContinuousClockReading {
    private let start = ContinuousClock.now

    var elapsedSeconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
