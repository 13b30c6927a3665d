/// Every knob of the exact rebooking solver, in one place (as CP-SAT keeps its parameter schema):
/// the sizes at which a stage gives way to a cheaper one, the shares of the time that stages
/// get, and the search settings. Defaults are the measured ones; tests lower some limits to
/// exercise the fallbacks. None of them changes what is optimal, only how the solver gets there
/// and where it stops trying.
struct SolverParameters: Sendable {
    // MARK: Primal heuristics (anytime)

    /// Share of the time limit the ruin-and-recreate search gets before the exact stages (it
    /// stops earlier when it stops improving; what the exact stages leave goes back to it).
    var ruinAndRecreateShare = 0.25
    /// Ruin-and-recreate steps in a row without a new best after which it starts again from the
    /// best (under a deadline) or stops (without one).
    var ruinAndRecreatePatience = 4_000
    /// The annealing temperature at the start of a timed ruin-and-recreate stage, in days of
    /// delay: a step one day worse is then kept with probability e^(−1/T).
    var ruinAndRecreateTemperature = 0.6
    /// Items a ruin-and-recreate step frees at most.
    var ruinSize = 24
    /// Seed of the ruin-and-recreate choices (runs are reproducible).
    var ruinAndRecreateSeed: UInt64 = 0x5EED

    // MARK: Relaxation and bound

    /// Share of the time left that the Lagrangian bound of the time-indexed model gets (it stops
    /// earlier when its steps stop mattering), and its steps at most.
    var lagrangianShare = 0.15
    var lagrangianMaxSteps = 3_000
    /// Subgradient steps without a better bound after which the step length halves, and the
    /// step factor at which the Lagrangian stops. Measured on 200-doctor clinics with 30–60-minute
    /// visits: halving after 12 stalled steps stopped at a bound 1.0–1.1 % below the optimum within
    /// 1.5 s; after 30, 0.76–0.96 % in the same time (the LP bound there is 0.74 %).
    var lagrangianPatience = 30
    var lagrangianMinimumStepFactor = 1e-6

    // MARK: Exact search

    /// The share of the time left that a part too large for the masters gets for its
    /// time-indexed MIP with reduced-cost fixing (the LP alone takes seconds on 2,500 items).
    var timeIndexedMIPShare = 0.5
    /// The share of the time left that a part the masters could take gets for its time-indexed
    /// MIP first (0: straight to the masters). Measured: with GLPK's cuts this MIP proves every
    /// 30-doctor clinic of the matrix optimal in under 2 s, where the masters proved 12 of 20 in 10 s.
    var timeIndexedFirstShare = 0.5
    /// GLPK's cutting planes in the time-indexed MIP. Its Gomory cuts close most of the gap
    /// between the LP bound and the optimum at the root (measured: 28.8 s without cuts, 0.3 s with
    /// them, on a 30-doctor clinic); the masters' MIPs do without.
    var timeIndexedCuts = true
    /// Time-indexed MIPs with more columns than this branch on the most fractional column
    /// instead of GLPK's Driebeck–Tomlin rule, whose work per node on such models runs long
    /// between two of the callbacks that enforce the deadline.
    var timeIndexedTomlinColumnLimit = 30_000

    // MARK: Decomposition and masters

    /// Parts with more items than this skip the masters (whose construction alone outgrows any
    /// time limit on such parts) and go to the time-indexed MIP instead. Measured: parts of about
    /// 1,000 items are proven optimal by the masters in seconds, parts of 2,100 and more (every
    /// 200-doctor clinic of `generate --shape`) spend minutes building them.
    var masterPartLimit = 1_500

    /// Parts whose doctor-dates have more feasible sets than this in total get them by column
    /// generation instead of all at once.
    var patternColumnLimit = 40_000
    /// Doctor-dates with more feasible sets than this are modelled with aggregate rows.
    var doctorDatePatternLimit = 2_000
    /// Whether parts go through the schedule master first (tests turn it off to exercise the
    /// date-assignment master alone).
    var usesScheduleMaster = true
    /// Doctors with more items than this in a part are split into groups for the schedule
    /// master (its search holds 2^items values per date).
    var scheduleItemLimit = 18
    /// Sets per date of one doctor above which that doctor is too large for one search.
    var doctorDaySetLimit = 40_000
    /// Schedules in the schedule master at most.
    var scheduleColumnLimit = 50_000
    /// States the walk over one group's schedule kinds visits at most.
    var scheduleWalkNodeLimit = 2_000_000
    /// Share of the time left that one schedule-master MIP may take.
    var scheduleTimeShare = 0.3
    /// The first margin (in days of reduced cost) of the schedule master's widening.
    var initialScheduleMargin = 2.0
    /// Seconds at most for a doctor's own MIP in the Lagrangian bound.
    var doctorMIPSeconds = 1.0

    // MARK: Date-assignment master's search

    /// The relative gap of the master in the rounds that look for dates that do not fit.
    var scoutingGap = 0.002
    /// LP dives per large part before the neighbourhood search takes over.
    var maxDives = 6

    // MARK: Exact neighbourhood search (anytime)

    /// Whether parts are improved by the exact neighbourhood search (off inside a neighbourhood).
    var searchesNeighbourhoods = true
    /// Parts of this many items and more go through the neighbourhood search, which gets this
    /// share of the time left (it stops earlier once neither its rounds nor ruin and recreate
    /// between them find anything at the largest size). Measured on 200-doctor clinics (parts of
    /// 1,200–1,500 items): within 0.25 % of HiGHS's proven optimum at `--time-limit 10`, where the
    /// time-indexed MIP first ended 0.3–0.75 % above it (its LP alone takes GLPK 3–6 s there).
    var neighbourhoodPartSize = 500
    var neighbourhoodShare = 0.9
    /// Parts whose time-indexed model has more columns than this take the neighbourhood search
    /// before their time-indexed MIP, smaller ones after it. Measured on 200-doctor clinics:
    /// 30,000–72,000 columns (`standard`, `shared-people`, `long-visits`), where GLPK's LP alone
    /// takes 3–6 s; 5,600–13,400 (`overfull`, `near-cap`), where the MIP proves the part optimal
    /// in 0.3–3.5 s and searching first delayed that past 10 s.
    var neighbourhoodFirstColumnLimit = 20_000
    /// Items freed per exact neighbourhood at first, and seconds per neighbourhood solve (most
    /// take 20–50 ms at 60 items; 0.4 s with 30–60-minute visits).
    var neighbourhoodSize = 60
    var neighbourhoodSeconds = 1.0
    /// The neighbourhoods grow by half after a round without gain, up to this many times their
    /// first size.
    var neighbourhoodGrowthLimit = 4
    /// Seconds of ruin and recreate (with restarts) after a round of neighbourhoods without gain.
    var ruinAndRecreateBetweenRoundsSeconds = 1.0

    // MARK: Within-day check

    /// Nodes of the within-day search before it asks GLPK instead.
    var dayArrangementNodeLimit = 200_000

    // MARK: The deadline

    /// Seconds kept back from the time limit for what follows the search (filling gaps, the
    /// independent check, assembling and printing the result).
    var finishingReserve = 0.25
}
