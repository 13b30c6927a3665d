// The exact solver's main route for a part: the schedule master (`DoctorScheduleMaster`).
extension ExactRebooker {
    /// Solves a part by the schedule master:
    /// 1. column generation on its LP, pricing each doctor's cheapest schedule under the side
    ///    rows' duals; every round gives a Lagrangian bound L(π);
    /// 2. the MIP over the generated schedules, with the within-day check's cuts, for a good
    ///    solution U;
    /// 3. every schedule within U − L(π) of its doctor's cheapest (under the best π), and the MIP
    ///    over them: its optimum is the part's (see `DoctorScheduleMaster`). The margin G grows
    ///    from 2 days; a MIP at a smaller G still proves that nothing costs L(π) + G or less
    ///    unless it finds it.
    /// - Returns: nil when the schedules within a margin are too many, or when GLPK does
    ///   not close a MIP in its share of the time (the date-assignment master takes over, with
    ///   the best solution and the bound proven here); otherwise whether time stopped it.
    /// - Parameters:
    ///   - store: holds the part's best solution and proven bound, which this raises;
    ///   - boundRaised: called once this master has proven a bound of its own;
    ///   - consider: turns master dates into a solution, offered to the store, and returns the
    ///     cuts it found (already added to the date-assignment master);
    ///   - finished: whether the part is proven optimal or within the gap.
    func solveBySchedules(_ p: Int, master: DateAssignmentMaster, store: IncumbentStore, boundRaised: () -> Void,
                          consider: ([Int32]) throws -> [[(item: Int, day: Int32)]],
                          finished: () -> Bool) throws -> Bool? {
        guard parameters.usesScheduleMaster else { return nil }
        let schedules = try DoctorScheduleMaster(choices: master.dateChoices, sharedRows: master.sharedRows(),
                                                 itemLimit: parameters.scheduleItemLimit,
                                                 setLimit: parameters.doctorDaySetLimit, deadline: deadline)
        for (g, schedule) in zip(schedules.groups, schedules.schedules(of: store.solution)) {
            try schedules.addSchedules(g, [schedule])
        }
        func raiseLower(_ value: Double) {
            store.raiseBound(value, part: p)
            boundRaised()
        }
        func round(_ value: Double) -> Double { (value - 1e-6).rounded(.up) }
        func considerAndCut(_ days: [Int32]) throws -> Int {
            let cuts = try consider(days)
            for cut in cuts { try schedules.forbid(cut) }
            return cuts.count
        }

        // 1. Column generation.
        var bestBound = -Double.infinity
        var bestPi: [Double] = []
        while true {
            if deadline.hasPassed { return true }
            let lp = try schedules.problem.solveLP(deadline: deadline)
            guard lp.status == .optimal else { return true }
            let pi = schedules.sideDuals()
            let priced = try schedules.lagrangian(pi)
            if priced.bound > bestBound {
                bestBound = priced.bound
                bestPi = pi
            }
            raiseLower(round(bestBound))
            var added = 0
            for (g, cheapest) in zip(schedules.groups, priced.cheapest)
            where cheapest.cost - schedules.convexityDual(g) < -1e-7 {
                try schedules.addSchedules(g, [cheapest.schedule])
                added += 1
            }
            if finished() { return false }
            if added == 0 { break }
        }

        // 2. and 3.: the MIP over the schedules so far, then over every schedule within the margin.
        var margin: Double?
        while true {
            if deadline.hasPassed { return true }
            // A share of the time left: when GLPK cannot close this MIP, the date-assignment
            // master's own search gets the rest.
            let budget = deadline.remainingSeconds.map { max(1, $0 * parameters.scheduleTimeShare) }
            guard let outcome = try schedules.solve(warmStart: store.solution, timeLimit: budget, relativeGap: 0,
                                                    verbose: options.verboseSolver, deadline: deadline) else {
                return deadlineIsNear ? true : nil
            }
            let cuts = try considerAndCut(outcome.days)
            if let margin {
                // Every solution costing at most bestBound + margin is in the model.
                let beyond = (bestBound + margin + 1e-6).rounded(.down) + 1
                var proven = min(round(outcome.bound), beyond)
                if cuts == 0 && outcome.proven { proven = min(outcome.objective, beyond) }
                raiseLower(proven)
            }
            if finished() { return false }
            if cuts > 0 {
                // The cuts tell schedules apart that were of one kind: list the kinds anew.
                if let margin, try !addSchedules(within: margin, of: schedules, pi: bestPi) { return nil }
                continue
            }
            if !outcome.proven { return deadlineIsNear ? true : nil }
            // Widen the model step by step, so that a good solution comes early and lowers the
            // margin the exact model needs: 2 days first, then double, up to all that is wanted.
            let wanted = Double(store.objectives[p]) - bestBound
            let next = min(wanted, margin.map { $0 * 2 } ?? parameters.initialScheduleMargin)
            guard next > (margin ?? -1) else { return false }
            // Too many schedules for that margin: GLPK would not close the MIP either.
            guard try addSchedules(within: next, of: schedules, pi: bestPi) else { return nil }
            margin = next
        }
    }

    /// Adds, for every group, the cheapest schedule of each kind within `margin` of its cheapest
    /// under π. - Returns: false when they are more than `parameters.scheduleColumnLimit` in all, or a
    /// group's walk is too long (then GLPK would not close the MIP either).
    func addSchedules(within margin: Double, of schedules: DoctorScheduleMaster, pi: [Double]) throws -> Bool {
        let padded = pi + [Double](repeating: 0, count: schedules.sideRows.count - pi.count)
        let costs = schedules.reducedCosts(padded)
        var found: [[DoctorScheduleSearch.Schedule]] = []
        var total = 0
        for days in schedules.doctorDays {
            try deadline.check()
            let search = try DoctorScheduleSearch(days: days, costs: costs, deadline: deadline)
            guard let list = try search.cheapestOfEachKind(within: search.cheapest().cost + margin, rows: schedules.sideEntries,
                                                           limit: parameters.scheduleColumnLimit - total,
                                                           nodeLimit: parameters.scheduleWalkNodeLimit, deadline: deadline)
            else { return false }
            total += list.count
            found.append(list)
        }
        for (g, list) in zip(schedules.groups, found) { try schedules.addSchedules(g, list) }
        return true
    }
}
