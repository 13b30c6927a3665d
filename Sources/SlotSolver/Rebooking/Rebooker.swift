/// Rebooking (scheduling.md, "Rebooking"): finds new slots for the items displaced by closures
/// and for rescheduled visits, minimizing the total delay in days.
public enum Rebooker {
    /// Rebooks with the chosen solver. Every result passes `RebookingChecker` before it is
    /// returned; a result that does not is a bug and throws `RebookingError` (`.checkFailed`).
    ///
    /// All GLPK work happens synchronously on the calling thread (GLPK keeps per-thread state).
    /// - Parameters:
    ///   - deadline: when the answer is due; nil: `options.timeLimitSeconds` from now. A command
    ///     makes it when it starts, so that loading counts against the limit too. The search stops
    ///     `finishingReserve` before it, leaving time for the check and the result; the building
    ///     of the instance and greedy's solution, the least answer there is, always run to the end.
    ///   - progress: called on the calling thread as the exact solver improves.
    /// - Complexity: greedy O(n log n) in the items; glpk exponential in the worst case (it is a
    ///   MIP), bounded by the deadline.
    public static func rebook(_ model: ClinicModel, options: RebookingOptions, deadline: Deadline? = nil,
                              progress: ((RebookingProgress) -> Void)? = nil) throws -> RebookingResult {
        try validate(options, model: model)
        let clock = ContinuousClockReading()
        let due = deadline ?? .after(seconds: options.timeLimitSeconds)
        let instance = RebookingInstance(model: model, options: options)
        let greedy = GreedyRebooker.solve(instance)
        let trivialBound = trivialLowerBound(instance)
        var solution = greedy
        var bound = Double(trivialBound)
        var status = RebookingStatus.feasible
        var parts = 0, mipParts = 0
        switch options.solver {
        case .greedy:
            if greedy.objective(in: instance) == trivialBound { status = .optimal }
        case .glpk:
            progress?(RebookingProgress(incumbent: greedy.objective(in: instance), bound: bound,
                                        seconds: clock.elapsedSeconds, phase: "greedy"))
            let exact = try ExactRebooker(instance: instance, options: options,
                                          deadline: due.reserving(options.parameters.finishingReserve),
                                          clock: clock, progress: progress)
                .solve(startingFrom: greedy)
            // Never worse than greedy: every stage only keeps improvements, and this says so.
            precondition(exact.solution.objective(in: instance) <= greedy.objective(in: instance),
                         "the exact solver returned a solution worse than its greedy start")
            solution = exact.solution
            bound = exact.bound
            status = exact.status
            parts = exact.parts
            mipParts = exact.partsSolvedByMIP
        }
        GreedyRebooker.fillGaps(&solution, in: instance)
        if Double(solution.objective(in: instance)) <= bound { status = .optimal }
        var result = assemble(solution, instance: instance, model: model, solver: options.solver, status: status,
                              bound: bound, seconds: 0)
        result.parts = parts
        result.partsSolvedByMIP = mipParts
        let problems = RebookingChecker.violations(of: result, model: model, options: options)
        guard problems.isEmpty else {
            throw RebookingError(.checkFailed, "the \(options.solver.rawValue) solution failed the independent check "
                                 + "(a bug): " + problems.prefix(5).joined(separator: "; "))
        }
        result.seconds = clock.elapsedSeconds
        result.leftBeforeNotBefore = instance.pastItemCount
        return result
    }

    // MARK: - Helpers

    static func validate(_ options: RebookingOptions, model: ClinicModel) throws {
        guard options.range.count > 0 else { throw RebookingError(.invalidOptions, "the date range is empty") }
        guard options.grid > 0, options.grid <= 1440 else {
            throw RebookingError(.invalidOptions, "the grid must be 1 to 1440 minutes, not \(options.grid)")
        }
        if let limit = options.timeLimitSeconds, !(limit > 0) {
            throw RebookingError(.invalidOptions, "the time limit must be positive, not \(limit)")
        }
        guard options.relativeGap >= 0, options.relativeGap.isFinite else {
            throw RebookingError(.invalidOptions, "the relative gap must be 0 or more, not \(options.relativeGap)")
        }
        let doctors = Int32(model.doctorIDs.count)
        for doctor in [options.doctor].compactMap({ $0 }) + options.extraClosures.compactMap(\.doctor)
        where doctor < 0 || doctor >= doctors {
            throw RebookingError(.invalidOptions, "no doctor with index \(doctor)")
        }
    }

    /// Σ over items of the cost of its earliest candidate date (or its unplaced cost): no
    /// solution does better, since each item's cost only grows with its date.
    static func trivialLowerBound(_ instance: RebookingInstance) -> Int {
        instance.items.indices.reduce(0) { sum, i in
            sum + instance.earliestCost(of: i)
        }
    }

    /// The public result of a solution, with reasons for the unplaced items.
    static func assemble(_ solution: RebookingSolution, instance: RebookingInstance, model: ClinicModel,
                         solver: RebookingSolverKind, status: RebookingStatus, bound: Double,
                         seconds: Double) -> RebookingResult {
        var state = PlacementState()
        for (i, p) in solution.placements.enumerated() where p.isPlaced {
            let day = instance.candidateDays(of: i).first { $0.day == p.day }!
            state.place(instance.items[i], day: day, start: p.start)
        }
        var moves: [RebookingMove] = []
        moves.reserveCapacity(instance.items.count)
        var summaries: [ItemKind: RebookingKindSummary] = [.appointment: .init(), .repVisit: .init()]
        for (i, item) in instance.items.enumerated() {
            let p = solution.placements[i]
            var move = RebookingMove(kind: item.kind, record: item.record, doctor: item.doctor, person: item.person,
                                     fromDate: item.originalDate, fromStart: item.originalStart, toDate: nil,
                                     toStart: nil, length: item.originalLength, delayDays: item.unplacedCost,
                                     unplacedReason: nil)
            if p.isPlaced {
                let day = instance.candidateDays(of: i).first { $0.day == p.day }!
                move.toDate = instance.date(ofDay: p.day)
                move.toStart = MinuteOfDay(p.start)
                move.length = day.length
                move.delayDays = day.cost
                summaries[item.kind]!.moved += 1
            } else {
                move.unplacedReason = UnplacedReason.explain(i, instance: instance, state: state)
                summaries[item.kind]!.unplaced += 1
            }
            summaries[item.kind]!.objective += move.delayDays
            moves.append(move)
        }
        let objective = summaries[.appointment]!.objective + summaries[.repVisit]!.objective
        return RebookingResult(solver: solver, status: status, objective: objective, bound: min(bound, Double(objective)),
                               moves: moves, appointments: summaries[.appointment]!,
                               repVisits: summaries[.repVisit]!, seconds: seconds)
    }
}
