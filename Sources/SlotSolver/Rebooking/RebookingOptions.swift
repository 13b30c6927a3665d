/// A closure given on the command line (`--close DATE[:REASON]`), on top of the data's clinic_days.
public struct ExtraClosure: Hashable, Sendable {
    /// The doctor whose day closes, or nil for every doctor.
    public var doctor: Int32?
    public var date: LocalDate
    public var reason: String

    public init(doctor: Int32? = nil, date: LocalDate, reason: String = "closed") {
        self.doctor = doctor
        self.date = date
        self.reason = reason
    }
}

/// Which solver places the items (`--solver`).
public enum RebookingSolverKind: String, CaseIterable, Sendable {
    /// Earliest feasible slot, items in original time order. Fast, not optimal.
    case greedy
    /// Optimal (or with a proven gap under a time limit), by mixed-integer programming with GLPK.
    case glpk
}

/// Everything that shapes one rebooking run besides the data.
public struct RebookingOptions: Sendable {
    /// The dates items may move to (and whose closed dates make items need a slot).
    public var range: DateRange
    /// Closures on top of the model's clinic_days.
    public var extraClosures: [ExtraClosure]
    /// Rebook only this doctor's items (nil: every doctor).
    public var doctor: Int32?
    /// No item is placed before this moment (`--not-before`, default now). An item whose own
    /// slot begins before it stays where it is (it is past) unless `movesEarlierItems`.
    public var notBefore: LocalMoment?
    /// Rebook the items whose own slot begins before `notBefore` too (still placed after it).
    public var movesEarlierItems: Bool
    /// Starts lie on this grid: start ≡ 0 (mod grid) minutes from midnight.
    public var grid: Int32
    public var solver: RebookingSolverKind
    /// For `glpk`: return the best solution found after this many seconds, with its proven gap.
    public var timeLimitSeconds: Double?
    /// For `glpk`: stop once the proven relative gap is at most this (0: prove optimality).
    public var relativeGap: Double
    /// Print GLPK's own progress output on the terminal.
    public var verboseSolver: Bool
    /// The exact solver's knobs (tests lower some limits to exercise the fallbacks).
    var parameters = SolverParameters()

    public init(range: DateRange, extraClosures: [ExtraClosure] = [], doctor: Int32? = nil,
                notBefore: LocalMoment? = nil, movesEarlierItems: Bool = false, grid: Int32 = 5,
                solver: RebookingSolverKind = .glpk, timeLimitSeconds: Double? = nil, relativeGap: Double = 0,
                verboseSolver: Bool = false) {
        self.range = range
        self.extraClosures = extraClosures
        self.doctor = doctor
        self.notBefore = notBefore
        self.movesEarlierItems = movesEarlierItems
        self.grid = grid
        self.solver = solver
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.verboseSolver = verboseSolver
    }
}
