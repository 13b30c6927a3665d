/// Value types of the GLPK layer: nothing here is C-typed, so callers never import CGLPK.

public enum GLPKObjectiveSense: Sendable { case minimize, maximize }

/// What values a column may take.
public enum GLPKVariableKind: Sendable { case continuous, integer, binary }

/// Bounds of a row (its activity) or a column (its value).
public enum GLPKBounds: Hashable, Sendable {
    case free
    case atLeast(Double)
    case atMost(Double)
    case between(Double, Double)
    case fixed(Double)

    /// Whether `value` satisfies the bounds up to `tolerance`.
    public func admits(_ value: Double, tolerance: Double = 1e-6) -> Bool {
        switch self {
        case .free: true
        case .atLeast(let low): value >= low - tolerance
        case .atMost(let high): value <= high + tolerance
        case .between(let low, let high): value >= low - tolerance && value <= high + tolerance
        case .fixed(let v): abs(value - v) <= tolerance
        }
    }
}

/// A GLPK solution status (`GLP_UNDEF` … `GLP_UNBND`).
public enum GLPKSolutionStatus: Sendable, CustomStringConvertible {
    case undefined, feasible, infeasible, noFeasible, optimal, unbounded

    public var description: String {
        switch self {
        case .undefined: "undefined"
        case .feasible: "feasible"
        case .infeasible: "infeasible"
        case .noFeasible: "no feasible solution"
        case .optimal: "optimal"
        case .unbounded: "unbounded"
        }
    }
}

/// Rows to add in one call: row r has the coefficients `columns[starts[r]..<starts[r+1]]` /
/// `values[...]` (0-based column indices, each at most once per row) and bounds `bounds[r]`.
public struct GLPKRowBatch: Sendable {
    public private(set) var starts: [Int] = [0]
    public private(set) var columns: [Int32] = []
    public private(set) var values: [Double] = []
    public private(set) var bounds: [GLPKBounds] = []
    public private(set) var names: [String?] = []

    public init() {}

    public var count: Int { bounds.count }
    public var isEmpty: Bool { bounds.isEmpty }

    public mutating func append(columns newColumns: some Sequence<Int>, values newValues: some Sequence<Double>,
                                bounds rowBounds: GLPKBounds, name: String? = nil) {
        for c in newColumns { columns.append(Int32(c)) }
        values.append(contentsOf: newValues)
        precondition(columns.count == values.count, "one value per column")
        starts.append(columns.count)
        bounds.append(rowBounds)
        names.append(name)
    }

    /// A row whose coefficients are all 1.
    public mutating func appendSum(of newColumns: some Collection<Int>, bounds rowBounds: GLPKBounds,
                                   name: String? = nil) {
        append(columns: newColumns, values: repeatElement(1.0, count: newColumns.count),
               bounds: rowBounds, name: name)
    }

    /// The coefficients of row `r`.
    public func row(_ r: Int) -> (columns: ArraySlice<Int32>, values: ArraySlice<Double>) {
        (columns[starts[r]..<starts[r + 1]], values[starts[r]..<starts[r + 1]])
    }
}

/// Settings of one MIP solve.
public struct GLPKMIPOptions: Sendable {
    /// Stop after this many seconds with the best solution found (nil: no limit).
    public var timeLimitSeconds: Double?
    /// Stop once (incumbent − bound) / |incumbent| ≤ this (0: prove optimality).
    public var relativeGap: Double = 0
    /// Print GLPK's own progress lines on the terminal.
    public var verbose: Bool = false
    /// Generate GLPK's cutting planes (Gomory, MIR, cover, clique). They tighten weak models but
    /// cost much time on large, already tight ones, so they are off by default, as in glpsol.
    public var cuts: Bool = false
    /// Search depth-first (finds integer solutions sooner, proves optimality later) instead of
    /// GLPK's default best-local-bound order.
    public var depthFirst: Bool = false
    /// The objective takes only integer values on feasible solutions (integer costs on integer
    /// columns, none on continuous ones). With a warm start, the search then prunes every node
    /// whose bound is within 1 of the incumbent, as no better integer value fits in between.
    public var integralObjective: Bool = false
    /// The search stops there at the latest, whatever `timeLimitSeconds` says.
    public var deadline: Deadline = .never
    /// Branch on the most fractional column instead of GLPK's default Driebeck–Tomlin rule,
    /// whose per-node work on a model of tens of thousands of columns runs between two of the
    /// callbacks that enforce the deadline.
    public var branchesOnMostFractional: Bool = false

    public init(timeLimitSeconds: Double? = nil, relativeGap: Double = 0, verbose: Bool = false,
                cuts: Bool = false, depthFirst: Bool = false, integralObjective: Bool = false,
                deadline: Deadline = .never, branchesOnMostFractional: Bool = false) {
        self.deadline = deadline
        self.branchesOnMostFractional = branchesOnMostFractional
        self.integralObjective = integralObjective
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.verbose = verbose
        self.cuts = cuts
        self.depthFirst = depthFirst
    }
}

/// The outcome of a MIP solve: status, objective of the best integer solution (if any), and the
/// best proven bound on the optimum.
public struct GLPKMIPOutcome: Sendable {
    public var status: GLPKSolutionStatus
    /// GLPK's return code: `.ok`, `.timeLimit`, `.gapReached`, …
    public var returnCode: GLPKReturnCode
    public var objective: Double?
    /// A proven bound: for minimization no solution is better than this.
    public var bound: Double
    /// Whether the solution is proven optimal (status optimal and the search completed).
    public var isProvenOptimal: Bool { status == .optimal && returnCode == .ok }
}
