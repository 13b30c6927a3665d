/// How good the returned solution is known to be.
public enum RebookingStatus: String, Sendable {
    /// Proven optimal (greedy never claims this unless its objective meets the proven bound).
    case optimal
    /// Within the requested relative gap of the proven bound.
    case gapReached = "gap_reached"
    /// The time limit stopped the search; the gap says how far from optimal it may be.
    case timeLimitReached = "time_limit"
    /// A feasible solution, without reaching the requested gap (the greedy solver always; the
    /// exact one when a large part's restricted master cannot close the gap). `bound` and `gap`
    /// still say how far from optimal it may be.
    case feasible
}

/// Per-kind totals.
public struct RebookingKindSummary: Hashable, Sendable {
    public var moved: Int
    public var unplaced: Int
    public var objective: Int

    public init(moved: Int = 0, unplaced: Int = 0, objective: Int = 0) {
        self.moved = moved
        self.unplaced = unplaced
        self.objective = objective
    }
}

/// The answer of a rebooking run. `moves` lists every item that needed a slot, placed or not, in
/// original time order.
public struct RebookingResult: Sendable {
    public var solver: RebookingSolverKind
    public var status: RebookingStatus
    /// Σ delay days over every item that needed a slot.
    public var objective: Int
    /// A proven lower bound on the optimal objective (equal to `objective` when optimal). For the
    /// greedy solver, the trivial bound of each item's earliest candidate date.
    public var bound: Double
    /// (objective − bound) / max(1, |objective|): 0 when proven optimal.
    public var gap: Double { Double(objective) == bound ? 0 : (Double(objective) - bound) / Swift.max(1, abs(Double(objective))) }
    public var moves: [RebookingMove]
    public var appointments: RebookingKindSummary
    public var repVisits: RebookingKindSummary
    /// Wall-clock seconds spent.
    public var seconds: Double
    /// How many independent parts the problem split into (items that share no doctor-date,
    /// rep-date or patient-date), and how many of them needed the MIP.
    public var parts: Int
    public var partsSolvedByMIP: Int
    /// Closed bookings left where they are because they began before `--not-before`.
    public var leftBeforeNotBefore = 0

    public init(solver: RebookingSolverKind, status: RebookingStatus, objective: Int, bound: Double,
                moves: [RebookingMove], appointments: RebookingKindSummary, repVisits: RebookingKindSummary,
                seconds: Double, parts: Int = 0, partsSolvedByMIP: Int = 0) {
        self.solver = solver
        self.status = status
        self.objective = objective
        self.bound = bound
        self.moves = moves
        self.appointments = appointments
        self.repVisits = repVisits
        self.seconds = seconds
        self.parts = parts
        self.partsSolvedByMIP = partsSolvedByMIP
    }

    /// The summary of one kind.
    public func summary(of kind: ItemKind) -> RebookingKindSummary {
        kind == .appointment ? appointments : repVisits
    }
}
