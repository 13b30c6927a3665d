/// The exact solver:
/// 1. split the items into independent parts (`IndependentParts`); parts whose greedy solution
///    already meets the trivial bound (every item at its earliest candidate date) are done;
/// 2. per remaining part, the schedule master (`DoctorScheduleMaster`, see
///    `ExactRebooker+Schedules`): a Dantzig–Wolfe split by doctor with exact pricing, whose MIP
///    over every schedule within the gap's margin is exact;
/// 3. when that cannot finish, a Benders-style loop between the date-assignment master
///    (`DateAssignmentMaster`, GLPK, warm-started from the best known solution) and an exact
///    within-day check (`DayArrangement`, GLPK's time-indexed model when the search gives up)
///    that turns every date whose items do not fit into a no-good cut; large parts first improve
///    their solution by a large-neighbourhood search (each neighbourhood solved exactly by this
///    same solver) and, without a bound from step 2, get one from column generation and a
///    Lagrangian bound on its duals, with solutions from LP rounding and LP dives.
///
/// Parts are solved smallest first, so that a time limit spent on a large part leaves the small
/// ones solved. Bounds are proven: each master optimum (or GLPK's bound under a time limit, or
/// the column-generation and Lagrangian bounds) bounds the part from below, and the parts'
/// bounds add up.
struct ExactRebooker {
    let instance: RebookingInstance
    let options: RebookingOptions
    let clock: ContinuousClockReading
    let progress: ((RebookingProgress) -> Void)?
    /// Whether large parts are improved by large-neighbourhood search (off inside a neighbourhood).
    var searchesNeighbourhoods = true
    /// Items freed per neighbourhood, and seconds per neighbourhood solve.
    var neighbourhoodSize = 60
    var neighbourhoodSeconds = 4.0
    /// The relative gap of the master in the rounds that look for dates that do not fit.
    var scoutingGap = 0.002
    /// LP dives per large part before the neighbourhood search takes over.
    var maxDives = 6
    /// Schedules in the schedule master at most, and the share of the time left that one of
    /// its MIPs may take.
    var scheduleColumnLimit = 50_000
    var scheduleTimeShare = 0.3
    /// The first margin (in days of reduced cost) of the schedule master's widening.
    var initialScheduleMargin = 2.0

    struct Outcome {
        var solution: RebookingSolution
        var bound: Double
        var status: RebookingStatus
        var parts: Int
        var partsSolvedByMIP: Int
    }

    init(instance: RebookingInstance, options: RebookingOptions, clock: ContinuousClockReading,
         progress: ((RebookingProgress) -> Void)?) {
        self.instance = instance
        self.options = options
        self.clock = clock
        self.progress = progress
    }

    var remainingSeconds: Double? {
        options.timeLimitSeconds.map { $0 - clock.elapsedSeconds }
    }

    func solve(startingFrom greedy: RebookingSolution) throws -> Outcome {
        let parts = IndependentParts.split(instance)
        var solution = greedy
        var bounds = parts.map { part in
            Double(part.reduce(0) { $0 + (instance.candidateDays(of: $1).first?.cost ?? instance.items[$1].unplacedCost) })
        }
        var objectives = parts.map { part in partObjective(part, greedy) }
        var mipParts = 0
        var stoppedByTime = false
        var allProven = true
        for p in parts.indices.sorted(by: { (parts[$0].count, $0) < (parts[$1].count, $1) })
        where Double(objectives[p]) > bounds[p] {
            let part = parts[p]
            if let left = remainingSeconds, left <= 0 {
                stoppedByTime = true
                allProven = false
                continue
            }
            mipParts += 1
            let result = try solvePart(part, incumbent: solution) { incumbent, bound in
                guard let progress else { return }
                var total = objectives, lower = bounds
                total[p] = incumbent
                lower[p] = bound
                progress(RebookingProgress(incumbent: total.reduce(0, +), bound: lower.reduce(0, +),
                                           seconds: clock.elapsedSeconds, phase: "part \(p + 1) of \(parts.count)"))
            }
            for i in part { solution.placements[i] = result.solution.placements[i] }
            objectives[p] = partObjective(part, solution)
            bounds[p] = result.bound
            if !result.proven { allProven = false }
            if result.timedOut { stoppedByTime = true }
        }
        let bound = bounds.reduce(0, +)
        let objective = Double(objectives.reduce(0, +))
        let withinGap = objective - bound <= options.relativeGap * abs(objective) + 1e-9
        let status: RebookingStatus = allProven ? .optimal : withinGap ? .gapReached
            : stoppedByTime ? .timeLimitReached : .feasible
        return Outcome(solution: solution, bound: bound, status: status, parts: parts.count, partsSolvedByMIP: mipParts)
    }

    func partObjective(_ part: [Int], _ solution: RebookingSolution) -> Int {
        part.reduce(0) { sum, i in
            let p = solution.placements[i]
            return sum + (p.isPlaced ? instance.items[i].originalDate.days(to: instance.date(ofDay: p.day))
                                     : instance.items[i].unplacedCost)
        }
    }

    // MARK: - One part

    struct PartOutcome {
        var solution: RebookingSolution
        var bound: Double
        var proven: Bool
        var timedOut: Bool
    }

    /// The Benders-style loop on one part: solve the master, arrange its dates, add a cut for
    /// every date whose items do not fit, repeat until the master's dates all fit (optimal) or
    /// the gap or the time is reached. Large parts first get their bound by column generation
    /// and solutions by LP dives.
    func solvePart(_ part: [Int], incumbent: RebookingSolution,
                   report: (Int, Double) -> Void) throws -> PartOutcome {
        let master = try DateAssignmentMaster(instance: instance, items: part,
                                              fullPatternLimit: options.patternColumnLimit)
        var best = incumbent
        var bestObjective = partObjective(part, best)
        var lower = Double(part.reduce(0) { $0 + (instance.candidateDays(of: $1).first?.cost ?? instance.items[$1].unplacedCost) })

        /// Turns master dates into a solution (cutting off the dates that do not fit and
        /// repairing them), improves it locally and keeps it when it is the best so far.
        /// - Returns: the cuts the dates produced (added to the master).
        func consider(_ days: [Int32]) throws -> [[(item: Int, day: Int32)]] {
            var candidate = RebookingSolution(unplacedCount: instance.items.count)
            let cuts = try arrangeDays(part, days: days, into: &candidate)
            for cut in cuts { try master.forbid(cut) }
            if !cuts.isEmpty { repair(part, days: days, into: &candidate) }
            improve(part, &candidate)
            let objective = partObjective(part, candidate)
            if objective < bestObjective {
                best = candidate
                bestObjective = objective
            }
            return cuts
        }
        /// The answer once the best solution is proven optimal or within the requested gap.
        func finished() -> PartOutcome? {
            report(bestObjective, lower)
            if Double(bestObjective) <= lower {
                return PartOutcome(solution: best, bound: Double(bestObjective), proven: true, timedOut: false)
            }
            if Double(bestObjective) - lower <= options.relativeGap * Double(abs(bestObjective)) {
                return PartOutcome(solution: best, bound: lower, proven: false, timedOut: false)
            }
            return nil
        }
        func outOfTime() -> PartOutcome {
            PartOutcome(solution: best, bound: lower, proven: false, timedOut: true)
        }

        // The schedule master first; the date-assignment master's own search when it cannot finish.
        var boundBySchedules = false
        if let answer = try solveBySchedules(part, master: master, lower: { lower },
                                             raiseLower: { lower = max(lower, $0); boundBySchedules = true },
                                             best: { best }, bestObjective: { bestObjective }, consider: consider,
                                             finished: finished) { return answer }
        if master.generatesColumns && !boundBySchedules {
            // A large part the schedule master could not bound: the column-generation bound, a
            // solution rounded from its LP, then LP dives, each with the cuts of the ones before,
            // while they hit dates that do not fit.
            guard let lp = try master.generateColumns(timeLimit: remainingSeconds, clock: clock) else { return outOfTime() }
            lower = max(lower, (max(lp, master.lagrangianBound()) - 1e-6).rounded(.up))
            var rounded = roundLP(part, choices: master.lpChoices())
            improve(part, &rounded)
            if partObjective(part, rounded) < bestObjective {
                best = rounded
                bestObjective = partObjective(part, rounded)
            }
            if let answer = finished() { return answer }
            for _ in 0..<maxDives {
                var lpBound: Double?
                let days = try master.dive(timeLimit: remainingSeconds.map { $0 * 0.4 }, clock: clock, bound: &lpBound)
                if let lpBound { lower = max(lower, (lpBound - 1e-6).rounded(.up)) }
                guard let days else { break }
                let cuts = try consider(days).count
                if let answer = finished() { return answer }
                if cuts == 0 { break }
            }
        }
        if master.generatesColumns && searchesNeighbourhoods {
            let bound = lower, gap = options.relativeGap
            best = try neighbourhoodSearch(part, from: best) { objective in
                Double(objective) - bound <= gap * Double(abs(objective))
            }
            bestObjective = partObjective(part, best)
            if let answer = finished() { return answer }
        }
        // Early rounds only look for dates that do not fit, so a master within a small gap does;
        // once a round finds none, the master is solved to the requested gap.
        var scouting = options.relativeGap < scoutingGap
        while true {
            let left = remainingSeconds
            if let left, left <= 0 { return outOfTime() }
            let gap = scouting ? scoutingGap : options.relativeGap
            guard let outcome = try master.solve(warmStart: best, timeLimit: left, relativeGap: gap,
                                                 verbose: options.verboseSolver, clock: clock) else {
                if let left = remainingSeconds, left <= 0.01 { return outOfTime() }
                throw RebookingError(.solverFailed, "the date-assignment MIP found no solution, though leaving every item unplaced is one")
            }
            // The objective is an integer: round a fractional bound up.
            lower = max(lower, (outcome.bound - 1e-6).rounded(.up))
            let cuts = try consider(outcome.days).count
            // A proven master optimum whose dates all fit is optimal for the part.
            if cuts == 0 && outcome.proven { lower = max(lower, outcome.objective) }
            if let answer = finished() { return answer }
            if scouting {
                if cuts == 0 { scouting = false }
                continue
            }
            if cuts == 0 && !outcome.proven {
                // The master stopped short of optimal (time, or only generated patterns): no
                // further round can do better than it did.
                return remainingSeconds.map { $0 <= 0.01 } ?? false ? outOfTime()
                    : PartOutcome(solution: best, bound: lower, proven: false, timedOut: false)
            }
        }
    }

    // MARK: - Within-day check

    /// Arranges the items of `part` on the days the master chose. Items that fit get their
    /// starts in `solution`; for every set of one date that does not fit, a minimal such set is
    /// returned as a cut (several disjoint ones per set when there are).
    func arrangeDays(_ part: [Int], days: [Int32], into solution: inout RebookingSolution) throws
        -> [[(item: Int, day: Int32)]] {
        var cuts: [[(item: Int, day: Int32)]] = []
        for group in dayGroups(part, days: days) {
            var entries = group
            switch try arrangeExactly(entries) {
            case .feasible(let starts):
                for (e, s) in zip(entries, starts) { solution.placements[e.item] = .init(day: e.day.day, start: s) }
            case .infeasible, .unknown:
                // Peel off minimal infeasible sets while the rest still does not fit.
                while try arrangeExactly(entries) == .infeasible {
                    let core = try minimalInfeasibleSet(entries)
                    cuts.append(core.map { ($0.item, $0.day.day) })
                    let coreItems = Set(core.map(\.item))
                    entries.removeAll { coreItems.contains($0.item) }
                }
            }
        }
        return cuts
    }

    /// The part's items with a date, grouped by date and by shared doctor, rep or patient on it.
    func dayGroups(_ part: [Int], days: [Int32]) -> [[DayArrangement.Entry]] {
        var entries: [DayArrangement.Entry] = []
        for (k, i) in part.enumerated() where days[k] >= 0 {
            let day = instance.candidateDays(of: i).first { $0.day == days[k] }!
            entries.append(DayArrangement.Entry(item: i, day: day))
        }
        var parent = Array(entries.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var owner: [ResourceDay: Int] = [:]
        for (k, e) in entries.enumerated() {
            let item = instance.items[e.item]
            for key in [ResourceDay(.doctor, item.doctor, day: e.day.day),
                        ResourceDay.person(item.kind, item.person, day: e.day.day)] {
                if let other = owner[key] {
                    let a = find(other), b = find(k)
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    owner[key] = k
                }
            }
        }
        var groups: [Int: [DayArrangement.Entry]] = [:]
        var order: [Int] = []
        for (k, e) in entries.enumerated() {
            let root = find(k)
            if groups[root] == nil { order.append(root) }
            groups[root, default: []].append(e)
        }
        return order.map { groups[$0]! }
    }

    /// The search first; GLPK's time-indexed model when the search gives up.
    func arrangeExactly(_ entries: [DayArrangement.Entry]) throws -> DayArrangement.Outcome {
        let outcome = DayArrangement(instance: instance).arrange(entries)
        guard outcome == .unknown else { return outcome }
        let byItem = Dictionary(uniqueKeysWithValues: entries.map { ($0.item, $0.day) })
        let model = try TimeIndexedModel(instance: instance, items: entries.map(\.item), allowUnplaced: false,
                                         name: "day_check", days: { [byItem[$0]!] })
        let result = try model.problem.solveMIP(options: GLPKMIPOptions(verbose: options.verboseSolver))
        switch result.status {
        case .noFeasible, .infeasible: return .infeasible
        case .optimal, .feasible:
            let placed = model.placementsFromMIP()
            return .feasible(entries.map { placed[$0.item]!.start })
        default:
            throw RebookingError(.solverFailed, "GLPK could not decide a day arrangement (\(result.status))")
        }
    }

    /// A deletion filter: drop each entry whose removal keeps the set infeasible.
    func minimalInfeasibleSet(_ entries: [DayArrangement.Entry]) throws -> [DayArrangement.Entry] {
        var core = entries
        var k = 0
        while k < core.count {
            var trial = core
            trial.remove(at: k)
            if try arrangeExactly(trial) == .infeasible { core = trial } else { k += 1 }
        }
        return core
    }
}
