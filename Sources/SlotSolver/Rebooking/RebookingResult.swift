/// One item that needed a new slot: where it was, and where it goes (or why it cannot).
public struct RebookingMove: Hashable, Sendable {
    public var kind: ItemKind
    /// Index into `model.appointments` (appointments) or `model.visits` (rep visits).
    public var record: Int32
    public var doctor: Int32
    /// The patient (appointments) or the rep (visits).
    public var person: Int32
    /// The original occurrence: for a weekly appointment, the date of this occurrence.
    public var fromDate: LocalDate
    public var fromStart: MinuteOfDay
    /// The new date and start; nil when the item cannot be placed.
    public var toDate: LocalDate?
    public var toStart: MinuteOfDay?
    /// Length in minutes at the new slot (appointments: the target weekday's appointment length),
    /// or at the original slot when unplaced.
    public var length: Int32
    /// t − o in days, or (range end − o) when unplaced (range end = the day after the last date).
    public var delayDays: Int
    /// Why the item could not be placed, in words a clinic manager reads; nil when placed.
    public var unplacedReason: String?

    public init(kind: ItemKind, record: Int32, doctor: Int32, person: Int32, fromDate: LocalDate,
                fromStart: MinuteOfDay, toDate: LocalDate?, toStart: MinuteOfDay?, length: Int32,
                delayDays: Int, unplacedReason: String?) {
        self.kind = kind
        self.record = record
        self.doctor = doctor
        self.person = person
        self.fromDate = fromDate
        self.fromStart = fromStart
        self.toDate = toDate
        self.toStart = toStart
        self.length = length
        self.delayDays = delayDays
        self.unplacedReason = unplacedReason
    }

    public var isPlaced: Bool { toDate != nil }
}

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

/// Progress reported while the exact solver works (on the calling thread).
public struct RebookingProgress: Sendable {
    /// Best objective found so far.
    public var incumbent: Int
    /// Best proven lower bound so far.
    public var bound: Double
    public var seconds: Double
    /// A short phrase: "greedy", "part 3 of 10", "master 4", …
    public var phase: String
}

/// Rebooking failures: bad options, a GLPK failure, or a solution the independent checker
/// rejected (a bug, never output).
public struct RebookingError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case invalidOptions = "invalid_options"
        case solverFailed = "solver_failed"
        case checkFailed = "check_failed"
        case exportFailed = "export_failed"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
