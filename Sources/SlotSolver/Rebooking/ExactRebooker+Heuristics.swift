// Primal heuristics of the exact solver: repair, local improvement and LP rounding.
extension ExactRebooker {
    /// Local improvement: moves single items to an earlier slot that is free, until none moves.
    /// - Complexity: O(passes × items × candidate starts × log k).
    func improve(_ part: [Int], _ solution: inout RebookingSolution) {
        var state = PlacementState()
        for i in part where solution.placements[i].isPlaced {
            let p = solution.placements[i]
            state.place(instance.items[i], day: instance.candidateDays(of: i).first { $0.day == p.day }!, start: p.start)
        }
        for _ in 0..<4 {
            var moved = false
            for i in part {
                let p = solution.placements[i]
                let limit = p.isPlaced ? p.day : Int32.max
                guard let first = instance.candidateDays(of: i).first, first.day < limit else { continue }
                let current = p.isPlaced ? instance.candidateDays(of: i).first { $0.day == p.day } : nil
                if let current { state.remove(instance.items[i], day: current, start: p.start) }
                if let (day, start) = state.earliestFit(for: i, in: instance, before: limit) {
                    state.place(instance.items[i], day: day, start: start)
                    solution.placements[i] = .init(day: day.day, start: start)
                    moved = true
                } else if let current {
                    state.place(instance.items[i], day: current, start: p.start)
                }
            }
            if !moved { break }
        }
    }

    /// A solution rounded from the master's LP: items whose LP is most decided go first, each to
    /// the earliest free start on its LP dates (largest value first), else the earliest slot left.
    func roundLP(_ part: [Int], choices: [[(day: Int32, value: Double)]]) -> RebookingSolution {
        var solution = RebookingSolution(unplacedCount: instance.items.count)
        var state = PlacementState()
        let order = part.indices.sorted {
            let a = choices[$0].first?.value ?? 0, b = choices[$1].first?.value ?? 0
            return a != b ? a > b : $0 < $1
        }
        for k in order {
            let i = part[k]
            let placed = choices[k].contains { choice in
                (choice.value >= 0.5 || choice.day == choices[k].first?.day)
                    && placeAtEarliestStart(i, day: choice.day, state: &state, solution: &solution)
            }
            if !placed && choices[k].isEmpty { continue }   // the LP leaves it unplaced
            if !placed { placeAtEarliestSlot(i, state: &state, solution: &solution) }
        }
        // Items the LP left unplaced may still fit.
        for i in part where !solution.placements[i].isPlaced { placeAtEarliestSlot(i, state: &state, solution: &solution) }
        return solution
    }

    /// Completes a master assignment whose days do not all fit into a feasible solution: the
    /// arranged items keep their starts; the others take the earliest slot still free on their
    /// chosen date, else the earliest anywhere, else stay unplaced.
    func repair(_ part: [Int], days: [Int32], into solution: inout RebookingSolution) {
        var state = PlacementState()
        for i in part where solution.placements[i].isPlaced {
            let p = solution.placements[i]
            let day = instance.candidateDays(of: i).first { $0.day == p.day }!
            state.place(instance.items[i], day: day, start: p.start)
        }
        for (k, i) in part.enumerated() where !solution.placements[i].isPlaced && days[k] >= 0 {
            placeAtEarliestStart(i, day: days[k], state: &state, solution: &solution)
        }
        for i in part where !solution.placements[i].isPlaced { placeAtEarliestSlot(i, state: &state, solution: &solution) }
    }

    /// Places item `i` at the earliest start still free on range day `day` (one of its
    /// candidate days). - Returns: whether one was free.
    @discardableResult
    private func placeAtEarliestStart(_ i: Int, day: Int32, state: inout PlacementState,
                                      solution: inout RebookingSolution) -> Bool {
        let item = instance.items[i]
        let candidate = instance.candidateDays(of: i).first { $0.day == day }!
        let capacity = instance.remainingCapacity(of: item, day: day)
        guard let start = instance.startMinutes(candidate).first(where: {
            state.fits(item, day: candidate, start: $0, remainingCapacity: capacity)
        }) else { return false }
        state.place(item, day: candidate, start: start)
        solution.placements[i] = .init(day: day, start: start)
        return true
    }

    /// Places item `i` in the earliest slot still free on any of its candidate days, if any.
    private func placeAtEarliestSlot(_ i: Int, state: inout PlacementState, solution: inout RebookingSolution) {
        guard let (day, start) = state.earliestFit(for: i, in: instance) else { return }
        state.place(instance.items[i], day: day, start: start)
        solution.placements[i] = .init(day: day.day, start: start)
    }
}
