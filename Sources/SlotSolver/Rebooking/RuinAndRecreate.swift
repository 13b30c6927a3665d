import Foundation

/// The anytime primal heuristic: ruin and recreate (Schrimpf et al., 2000), a large-neighbourhood
/// search whose repair is the greedy rule itself, so thousands of steps fit in a second.
///
/// A step picks an item that sits later than its earliest candidate date (or is unplaced), frees
/// it with the items that stand in its way — those placed at its doctor or its person (rep or
/// patient) on the dates between its earliest candidate and where it is now — and puts them all
/// back, each at its earliest feasible slot, in a random order with the seed first or last.
///
/// A step that does not raise the total delay is kept (ties move the search across plateaus).
/// When the search may restart (and has a deadline), a worse one is kept with the simulated-annealing probability
/// exp(−increase / temperature), the temperature falling to 0 as the deadline nears, and a
/// search that stalls starts again from the best solution; otherwise the search only descends
/// and stops when it stalls. The best solution is what it returns and reports, so the
/// answer never gets worse.
///
/// Every placement goes through `PlacementState`, the rules greedy obeys, so every solution the
/// search holds is feasible.
struct RuinAndRecreate {
    let instance: RebookingInstance
    let parameters: SolverParameters

    /// Improves `start` by moving only the items in `movable`, until `deadline` or, when it may
    /// not restart (or has no deadline), until `parameters.ruinAndRecreatePatience` steps in a
    /// row bring no improvement.
    /// - Parameter restarts: anneal and start again from the best when stalled (else descend).
    /// - Parameter onImprovement: called with every solution better than all before it.
    /// - Complexity: O(steps × ruin size × candidate starts × log k).
    func improve(_ start: RebookingSolution, movable: [Int], deadline: Deadline, restarts: Bool = true,
                 onImprovement: (RebookingSolution) -> Void = { _ in }) -> RebookingSolution {
        guard !movable.isEmpty else { return start }
        let clock = ContinuousClockReading()
        let budget = restarts ? deadline.remainingSeconds : nil
        var solution = start
        var best = start
        var state = PlacementState()
        func rebuildState() {
            state = PlacementState()
            for (i, p) in solution.placements.enumerated() where p.isPlaced {
                state.place(instance.items[i], day: candidate(i, p.day), start: p.start)
            }
        }
        rebuildState()
        let earliest = instance.items.indices.map { instance.earliestCost(of: $0) }
        var cost = instance.items.indices.map { delay(of: $0, solution.placements[$0]) }
        let rivals = rivalsOf(movable)
        var random = SplitMix64(seed: parameters.ruinAndRecreateSeed)
        var quiet = 0
        var steps = 0
        var excess = 0           // Σ over movable items of the current delay above the best's
        var temperature = budget == nil ? 0 : parameters.ruinAndRecreateTemperature
        var seeds = movable.filter { cost[$0] > earliest[$0] }

        while !seeds.isEmpty {
            steps += 1
            if steps & 15 == 0 {
                if deadline.hasPassed { break }
                if let budget, budget > 0 {
                    temperature = parameters.ruinAndRecreateTemperature * max(0, 1 - clock.elapsedSeconds / budget)
                }
                // Items that reached their earliest date no longer seed a step.
                seeds.removeAll { cost[$0] <= earliest[$0] }
                if seeds.isEmpty { break }
            }
            if quiet >= parameters.ruinAndRecreatePatience {
                guard budget != nil else { break }
                // Stalled: start again from the best solution, with the random stream going on.
                solution = best
                rebuildState()
                for i in movable { cost[i] = delay(of: i, solution.placements[i]) }
                seeds = movable.filter { cost[$0] > earliest[$0] }
                excess = 0
                quiet = 0
                continue
            }
            let seed = seeds[random.below(seeds.count)]
            let freed = ruin(around: seed, rivals: rivals[seed] ?? [], solution: solution, random: &random)
            let before = freed.reduce(0) { $0 + cost[$1] }
            let old = freed.map { solution.placements[$0] }
            for i in freed where solution.placements[i].isPlaced {
                let p = solution.placements[i]
                state.remove(instance.items[i], day: candidate(i, p.day), start: p.start)
                solution.placements[i] = .unplaced
            }
            var order = freed.dropFirst().shuffled(using: &random)
            if random.below(4) == 0 { order.append(seed) } else { order.insert(seed, at: 0) }
            var after = 0
            for i in order {
                if let (day, start) = state.earliestFit(for: i, in: instance) {
                    state.place(instance.items[i], day: day, start: start)
                    solution.placements[i] = .init(day: day.day, start: start)
                }
                after += delay(of: i, solution.placements[i])
            }
            let increase = after - before
            if increase <= 0 || (temperature > 0 && random.unit() < exp(-Double(increase) / temperature)) {
                for i in freed { cost[i] = delay(of: i, solution.placements[i]) }
                excess += increase
                if excess < 0 {
                    best = solution
                    excess = 0
                    quiet = 0
                    onImprovement(best)
                } else {
                    quiet += 1
                }
                continue
            }
            // Rejected: put everything back where it was.
            quiet += 1
            for i in freed where solution.placements[i].isPlaced {
                let p = solution.placements[i]
                state.remove(instance.items[i], day: candidate(i, p.day), start: p.start)
            }
            for (i, p) in zip(freed, old) {
                solution.placements[i] = p
                if p.isPlaced { state.place(instance.items[i], day: candidate(i, p.day), start: p.start) }
            }
        }
        return best
    }

    // MARK: - Ruin

    /// The seed and a random share of its rivals that sit on a date it would rather take.
    private func ruin(around seed: Int, rivals: [Int], solution: RebookingSolution,
                      random: inout SplitMix64) -> [Int] {
        let placement = solution.placements[seed]
        let limit = placement.isPlaced ? placement.day : Int32.max
        let first = instance.candidateDays(of: seed).first?.day ?? limit
        var blocking = rivals.filter { r in
            let p = solution.placements[r]
            return p.isPlaced && p.day >= first && p.day <= limit
        }
        let size = 1 + random.below(max(1, parameters.ruinSize))
        if blocking.count > size {
            blocking.shuffle(using: &random)
            blocking.removeLast(blocking.count - size)
        }
        return [seed] + blocking
    }

    /// For every movable item, the other movable items that can share a doctor-date or a
    /// person-date with it (only those can stand in its way).
    private func rivalsOf(_ movable: [Int]) -> [Int: [Int]] {
        var byResource: [ResourceDay: [Int]] = [:]
        for i in movable {
            let item = instance.items[i]
            byResource[ResourceDay(.doctor, item.doctor, day: 0), default: []].append(i)
            byResource[ResourceDay.person(item.kind, item.person, day: 0), default: []].append(i)
        }
        var rivals: [Int: [Int]] = [:]
        for i in movable {
            let item = instance.items[i]
            let doctor = byResource[ResourceDay(.doctor, item.doctor, day: 0)] ?? []
            let person = byResource[ResourceDay.person(item.kind, item.person, day: 0)] ?? []
            rivals[i] = Array(Set(doctor + person).subtracting([i])).sorted()
        }
        return rivals
    }

    // MARK: - Helpers

    private func candidate(_ i: Int, _ day: Int32) -> CandidateDay {
        instance.candidateDays(of: i).first { $0.day == day }!
    }


    private func delay(of i: Int, _ p: RebookingSolution.Placement) -> Int {
        p.isPlaced ? instance.items[i].originalDate.days(to: instance.date(ofDay: p.day)) : instance.items[i].unplacedCost
    }
}
