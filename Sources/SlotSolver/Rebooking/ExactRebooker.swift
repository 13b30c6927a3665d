/// The exact solver:
/// 1. split the items into independent parts (`IndependentParts`); parts whose greedy solution
///    already meets the trivial bound (every item at its earliest candidate date) are done;
/// 2. per remaining part of `neighbourhoodPartSize` items or more, first the exact
///    neighbourhood search (`ExactRebooker+NeighbourhoodSearch`): a few linked doctors' items at
///    a time are freed and solved exactly by this same solver, alternating with ruin and
///    recreate when a round finds nothing; it gets such parts to within a fraction of a percent
///    of the optimum before the exact stages below start from that incumbent (parts whose
///    time-indexed model is small, which that MIP often proves optimal in seconds, and parts too
///    large for the masters, which need its LP bound, take it after their time-indexed MIP);
/// 3. per remaining part, its time-indexed MIP with GLPK's cuts for a share of the time
///    (`ExactRebooker+TimeIndexed`); if that does not close it, the schedule master (`DoctorScheduleMaster`, see
///    `ExactRebooker+Schedules`): a Dantzig–Wolfe split by doctor with exact pricing, whose MIP
///    over every schedule within the gap's margin is exact;
/// 4. when that cannot finish, a Benders-style loop between the date-assignment master
///    (`DateAssignmentMaster`, GLPK, warm-started from the best known solution) and an exact
///    within-day check (`DayArrangement`, GLPK's time-indexed model when the search gives up)
///    that turns every date whose items do not fit into a no-good cut; large parts first improve
///    their solution by a large-neighbourhood search (each neighbourhood solved exactly by this
///    same solver) and, without a bound from step 3, get one from column generation and a
///    Lagrangian bound on its duals, with solutions from LP rounding and LP dives.
///
/// Before and after these exact stages, ruin and recreate (`RuinAndRecreate`) improves the
/// solution as a whole: the anytime answer when the exact stages cannot finish in time. Every
/// stage leaves its solutions and bounds in one `IncumbentStore` and stops at one `Deadline`.
///
/// Parts are solved smallest first, so that a time limit spent on a large part leaves the small
/// ones solved. Bounds are proven: each master optimum (or GLPK's bound under a time limit, or
/// the column-generation and Lagrangian bounds) bounds the part from below, and the parts'
/// bounds add up.
struct ExactRebooker {
    let instance: RebookingInstance
    let options: RebookingOptions
    /// Every stage stops there; what the store holds then is the answer.
    let deadline: Deadline
    /// For the seconds in progress reports only (limits come from `deadline`).
    let clock: ContinuousClockReading
    let progress: ((RebookingProgress) -> Void)?

    var parameters: SolverParameters { options.parameters }

    /// Whether the deadline is as good as reached: GLPK, stopped by its own clock at the time
    /// limit, returns a few milliseconds before ours says so.
    var deadlineIsNear: Bool { (deadline.remainingSeconds ?? .infinity) < 0.05 }

    struct Outcome {
        var solution: RebookingSolution
        var bound: Double
        var status: RebookingStatus
        var parts: Int
        var partsSolvedByMIP: Int
    }

    init(instance: RebookingInstance, options: RebookingOptions, deadline: Deadline,
         clock: ContinuousClockReading = ContinuousClockReading(), progress: ((RebookingProgress) -> Void)?) {
        self.instance = instance
        self.options = options
        self.deadline = deadline
        self.clock = clock
        self.progress = progress
    }

    /// The stages, each leaving what it finds in one `IncumbentStore`:
    /// 1. parts (`IndependentParts`); parts at their trivial bound are done;
    /// 2. ruin and recreate on the open parts, for a share of the time (anytime: most of
    ///    greedy's gap closes here, in seconds, whatever the instance);
    /// 3. the Lagrangian bound of the open parts' time-indexed model, for a share of the time;
    /// 4. per open part, smallest first, warm-started from the store: the neighbourhood search
    ///    for large parts, then the exact search (`solvePart`);
    /// 5. whatever time is left, ruin and recreate again on the parts still open.
    /// The deadline may stop any stage at any point: the store then holds the answer, never
    /// worse than `start`, with the best bound proven so far.
    func solve(startingFrom start: RebookingSolution) throws -> Outcome {
        let parts = IndependentParts.split(instance)
        let store = IncumbentStore(instance: instance, parts: parts, start: start)
        var phase = "parts"
        store.onChange = { [clock, progress] in
            progress?(RebookingProgress(incumbent: store.objective, bound: store.bound,
                                        seconds: clock.elapsedSeconds, phase: phase))
        }
        let order = parts.indices.sorted { (parts[$0].count, $0) < (parts[$1].count, $1) }
        func openParts() -> [Int] { order.filter { !store.isClosed($0) } }
        func openItems() -> [Int] { openParts().flatMap { parts[$0] } }

        phase = "ruin and recreate"
        improveByRuinAndRecreate(openItems(), store: store, until: share(parameters.ruinAndRecreateShare),
                                 restarts: false)
        phase = "Lagrangian bound"
        boundByLagrangian(openParts(), store: store, until: share(parameters.lagrangianShare))

        var mipParts = 0
        var stoppedByTime = false
        for p in order where !store.isClosed(p) {
            if deadline.hasPassed {
                stoppedByTime = true
                break
            }
            mipParts += 1
            phase = "part \(p + 1) of \(parts.count)"
            do {
                if try solvePart(p, store: store) { stoppedByTime = true }
            } catch is DeadlineReached {
                stoppedByTime = true
            }
        }
        if parameters.ruinAndRecreateShare > 0 && deadline.instant != nil && !deadline.hasPassed {
            phase = "ruin and recreate"
            improveByRuinAndRecreate(openItems(), store: store, until: deadline, restarts: true)
        }

        let bound = store.bound
        let objective = Double(store.objective)
        let withinGap = objective - bound <= options.relativeGap * abs(objective) + 1e-9
        let status: RebookingStatus = parts.indices.allSatisfy(store.isClosed) ? .optimal
            : withinGap ? .gapReached : stoppedByTime || deadline.hasPassed ? .timeLimitReached : .feasible
        return Outcome(solution: store.solution, bound: bound, status: status, parts: parts.count,
                       partsSolvedByMIP: mipParts)
    }

    /// The deadline of a stage that gets `fraction` of the time left (without a limit, none:
    /// such a stage runs until it stops improving).
    func share(_ fraction: Double) -> Deadline {
        guard let left = deadline.remainingSeconds else { return deadline }
        return deadline.capped(atMost: left * fraction)
    }

    /// Raises the bound of each of `openParts` by the Lagrangian of their time-indexed model.
    func boundByLagrangian(_ openParts: [Int], store: IncumbentStore, until stop: Deadline) {
        guard !openParts.isEmpty, !stop.hasPassed, parameters.lagrangianShare > 0 else { return }
        let items = openParts.flatMap { store.parts[$0] }
        guard let rows = try? TimeIndexedRows(instance: instance, items: items, deadline: stop) else { return }
        let partOfItem = openParts.indices.flatMap { n in repeatElement(n, count: store.parts[openParts[n]].count) }
        let lagrangian = TimeIndexedLagrangian(instance: instance, rows: rows, partOfItem: partOfItem,
                                               partCount: openParts.count)
        _ = lagrangian.maximize(upperBound: { Double(openParts.reduce(0) { $0 + store.objectives[$1] }) },
                                deadline: stop, maxSteps: parameters.lagrangianMaxSteps,
                                patience: parameters.lagrangianPatience,
                                minimumStepFactor: parameters.lagrangianMinimumStepFactor) { bounds in
            for (n, p) in openParts.enumerated() { store.raiseBound(bounds[n], part: p) }
        }
    }

    func improveByRuinAndRecreate(_ items: [Int], store: IncumbentStore, until stop: Deadline, restarts: Bool) {
        guard !items.isEmpty, !stop.hasPassed else { return }
        let search = RuinAndRecreate(instance: instance, parameters: parameters)
        _ = search.improve(store.solution, movable: items, deadline: stop, restarts: restarts) { store.offer($0) }
    }

    // MARK: - One part

    /// Part `p`: parts of `neighbourhoodPartSize` items and more whose time-indexed model is
    /// large first go through the exact neighbourhood search, so that every stage after it
    /// starts from a near-optimal incumbent (which also lets reduced-cost fixing remove more
    /// columns); parts with a small model and parts too large for the masters take it after
    /// their time-indexed MIP. That MIP, with GLPK's cuts, gets a share of the time (it closes
    /// most parts the masters can take within a second or two); when that does not close it,
    /// and the neighbourhoods do not either, the Benders-style loop: solve the
    /// master, arrange its dates, add a cut for every date whose items do not fit, repeat until
    /// the master's dates all fit (optimal) or the gap or the time is reached. Large parts first
    /// get their bound by column generation and solutions by LP dives. Parts too large for the
    /// masters get the time-indexed MIP and the neighbourhood search alone. Everything found goes
    /// to `store`.
    /// - Returns: whether time stopped the search.
    /// - Throws: `DeadlineReached` when the deadline stops it in the middle of a stage.
    func solvePart(_ p: Int, store: IncumbentStore) throws -> Bool {
        let part = store.parts[p]
        /// Whether the part is proven optimal or within the requested gap.
        func finished() -> Bool {
            let objective = Double(store.objectives[p])
            return store.isClosed(p) || objective - store.bounds[p] <= options.relativeGap * abs(objective)
        }
        let fitsMasters = part.count <= parameters.masterPartLimit || !parameters.usesScheduleMaster
        let searches = parameters.searchesNeighbourhoods && part.count >= parameters.neighbourhoodPartSize
        // A part whose time-indexed LP is cheap is often proven optimal by its MIP within
        // seconds: the neighbourhoods come after that MIP there, before it elsewhere.
        let searchesBeforeMIP = searches && fitsMasters
            && TimeIndexedRows.columnCount(instance: instance, items: part) > parameters.neighbourhoodFirstColumnLimit
        /// The neighbourhood search with its share of the time left. - Returns: whether the part is done.
        func searchNeighbourhoods() throws -> Bool {
            try neighbourhoodSearch(p, store: store, until: share(parameters.neighbourhoodShare), done: finished)
            return finished()
        }
        if searchesBeforeMIP {
            if try searchNeighbourhoods() { return false }
            if deadline.hasPassed { return true }
        }
        guard fitsMasters else {
            // Too large for the masters: the time-indexed MIP first, whose LP gives such parts a
            // bound the Lagrangian does not reach in time (measured at 1,000 doctors: 0.6 % below
            // the optimum, the Lagrangian 1.1 %), then the neighbourhood search, leaving the rest
            // of the time to ruin and recreate.
            do {
                if try solveByTimeIndexedMIP(p, store: store, until: share(parameters.timeIndexedMIPShare)) { return false }
            } catch is DeadlineReached {
                if deadline.hasPassed { throw DeadlineReached() }
            }
            if searches { _ = try searchNeighbourhoods() }
            return deadlineIsNear
        }
        if parameters.timeIndexedFirstShare > 0 {
            do {
                if try solveByTimeIndexedMIP(p, store: store, until: share(parameters.timeIndexedFirstShare)) { return false }
            } catch is DeadlineReached {
                if deadline.hasPassed { throw DeadlineReached() }
            }
            if deadline.hasPassed { return true }
        }
        if searches && !searchesBeforeMIP {
            if try searchNeighbourhoods() { return false }
            if deadline.hasPassed { return true }
        }
        let master = try DateAssignmentMaster(instance: instance, items: part,
                                              fullPatternLimit: parameters.patternColumnLimit,
                                              patternLimit: parameters.doctorDatePatternLimit, deadline: deadline)
        func raiseLower(_ value: Double) { store.raiseBound((value - 1e-6).rounded(.up), part: p) }

        /// Turns master dates into a solution (cutting off the dates that do not fit and
        /// repairing them), improves it locally and offers it to the store.
        /// - Returns: the cuts the dates produced (added to the master).
        func consider(_ days: [Int32]) throws -> [[(item: Int, day: Int32)]] {
            var candidate = RebookingSolution(unplacedCount: instance.items.count)
            let cuts = try arrangeDays(part, days: days, into: &candidate)
            for cut in cuts { try master.forbid(cut) }
            if !cuts.isEmpty { repair(part, days: days, into: &candidate) }
            improve(part, &candidate)
            store.offer(candidate, part: p)
            return cuts
        }
        // The schedule master first; the date-assignment master's own search when it cannot finish.
        var boundBySchedules = false
        if let timedOut = try solveBySchedules(p, master: master, store: store,
                                               boundRaised: { boundBySchedules = true },
                                               consider: consider, finished: finished) { return timedOut }
        if master.generatesColumns && !boundBySchedules {
            // A large part the schedule master could not bound: the column-generation bound, a
            // solution rounded from its LP, then LP dives, each with the cuts of the ones before,
            // while they hit dates that do not fit.
            guard let lp = try master.generateColumns(deadline: deadline) else { return true }   // out of time
            raiseLower(max(lp, try master.lagrangianBound(doctorMIPSeconds: parameters.doctorMIPSeconds)))
            var rounded = roundLP(part, choices: master.lpChoices())
            improve(part, &rounded)
            store.offer(rounded, part: p)
            if finished() { return false }
            for _ in 0..<parameters.maxDives {
                var lpBound: Double?
                let dive = deadline.capped(atMost: (deadline.remainingSeconds ?? .infinity) * 0.4)
                let days = try master.dive(deadline: dive, bound: &lpBound)
                if let lpBound { raiseLower(lpBound) }
                guard let days else { break }
                let cuts = try consider(days).count
                if finished() { return false }
                if cuts == 0 { break }
            }
        }
        // A part that went through the neighbourhood search above is not searched again.
        if master.generatesColumns && parameters.searchesNeighbourhoods && !searches {
            try neighbourhoodSearch(p, store: store, until: deadline, done: finished)
            if finished() { return false }
        }
        // Early rounds only look for dates that do not fit, so a master within a small gap does;
        // once a round finds none, the master is solved to the requested gap.
        var scouting = options.relativeGap < parameters.scoutingGap
        while true {
            if deadline.hasPassed { return true }
            let gap = scouting ? parameters.scoutingGap : options.relativeGap
            guard let outcome = try master.solve(warmStart: store.solution, deadline: deadline, relativeGap: gap,
                                                 verbose: options.verboseSolver) else {
                if deadlineIsNear { return true }
                throw RebookingError(.solverFailed, "the date-assignment MIP found no solution, though leaving every item unplaced is one")
            }
            raiseLower(outcome.bound)
            let cuts = try consider(outcome.days).count
            // A proven master optimum whose dates all fit is optimal for the part.
            if cuts == 0 && outcome.proven { raiseLower(outcome.objective) }
            if finished() { return false }
            if scouting {
                if cuts == 0 { scouting = false }
                continue
            }
            if cuts == 0 && !outcome.proven {
                // The master stopped short of optimal (time, or only generated patterns): no
                // further round can do better than it did.
                return deadlineIsNear
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
        let outcome = DayArrangement(instance: instance, nodeLimit: parameters.dayArrangementNodeLimit, deadline: deadline)
            .arrange(entries)
        guard outcome == .unknown else { return outcome }
        try deadline.check()
        let byItem = Dictionary(uniqueKeysWithValues: entries.map { ($0.item, $0.day) })
        let model = try TimeIndexedModel(instance: instance, items: entries.map(\.item), allowUnplaced: false,
                                         name: "day_check", days: { [byItem[$0]!] })
        let result = try model.problem.solveMIP(options: GLPKMIPOptions(verbose: options.verboseSolver,
                                                                        deadline: deadline))
        try deadline.check()
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
