// Large-neighbourhood search for the exact solver's large parts.
extension ExactRebooker {
    /// Improves a part's solution by solving neighbourhoods exactly: the items of a few doctors
    /// linked through shared reps and patients are freed, everything else stays where it is, and
    /// the neighbourhood — a small instance of its own — goes through this same exact solver with
    /// a short time limit. Doctors whose items lie furthest beyond their earliest dates are the
    /// seeds, each once per round.
    ///
    /// After a round over every seed without gain, the same neighbourhoods would find nothing:
    /// ruin and recreate then moves the solution to another basin (measured on 200-doctor
    /// clinics, where the rounds stall within 0.1 % of the optimum, this closes most of what is
    /// left), and when that finds nothing either the neighbourhoods grow by half, up to
    /// `neighbourhoodGrowthLimit` times their first size. Stops when `done()`, at `stop`, or when
    /// neither helps any more at the largest size.
    func neighbourhoodSearch(_ p: Int, store: IncumbentStore, until stop: Deadline, done: () -> Bool) throws {
        let part = store.parts[p]
        var itemsOfDoctor: [Int32: [Int]] = [:]
        var doctorsOfPerson: [ResourceDay: Set<Int32>] = [:]   // person keyed with day 0
        for i in part {
            let item = instance.items[i]
            itemsOfDoctor[item.doctor, default: []].append(i)
            doctorsOfPerson[ResourceDay.person(item.kind, item.person, day: 0), default: []].insert(item.doctor)
        }
        func excess(_ doctor: Int32) -> Int {
            itemsOfDoctor[doctor]!.reduce(0) { sum, i in
                let p = store.solution.placements[i]
                let earliest = instance.earliestCost(of: i)
                let cost = p.isPlaced ? instance.items[i].originalDate.days(to: instance.date(ofDay: p.day))
                                      : instance.items[i].unplacedCost
                return sum + cost - earliest
            }
        }
        let largest = parameters.neighbourhoodSize * parameters.neighbourhoodGrowthLimit
        var target = parameters.neighbourhoodSize
        var quietSeeds = 0
        var tried = Set<Int32>()
        while !done() {
            if (stop.remainingSeconds ?? .infinity) < 0.5 { return }
            let seeds = itemsOfDoctor.keys.filter { !tried.contains($0) && excess($0) > 0 }
            guard let seed = seeds.max(by: { (excess($0), -$0) < (excess($1), -$1) }) else {
                if quietSeeds == tried.count || tried.isEmpty {
                    // A full round without gain.
                    let before = store.objectives[p]
                    improveByRuinAndRecreate(part, store: store, until: stop.capped(atMost: parameters.ruinAndRecreateBetweenRoundsSeconds),
                                             restarts: true)
                    if store.objectives[p] == before {
                        guard target < largest else { return }
                        target = min(largest, target * 3 / 2)
                    }
                }
                tried.removeAll()
                quietSeeds = 0
                continue
            }
            tried.insert(seed)
            // Breadth-first over doctors linked by the persons of their items.
            var doctors: [Int32] = [seed]
            var seen: Set<Int32> = [seed]
            var free: [Int] = []
            var k = 0
            while k < doctors.count && free.count < target {
                let doctor = doctors[k]
                k += 1
                free += itemsOfDoctor[doctor]!
                for i in itemsOfDoctor[doctor]! {
                    let item = instance.items[i]
                    for next in doctorsOfPerson[ResourceDay.person(item.kind, item.person, day: 0)]!.sorted()
                    where seen.insert(next).inserted {
                        doctors.append(next)
                    }
                }
            }
            free.sort()
            let sub = RebookingInstance(neighbourhoodOf: free, in: instance, around: store.solution)
            var warm = RebookingSolution(unplacedCount: free.count)
            for (j, i) in free.enumerated() { warm.placements[j] = store.solution.placements[i] }
            var subOptions = options
            subOptions.relativeGap = 0
            subOptions.parameters.searchesNeighbourhoods = false
            subOptions.parameters.ruinAndRecreateShare = 0
            subOptions.parameters.lagrangianShare = 0
            let solver = ExactRebooker(instance: sub, options: subOptions,
                                       deadline: stop.capped(atMost: parameters.neighbourhoodSeconds), progress: nil)
            let result = try solver.solve(startingFrom: warm)
            var candidate = store.solution
            for (j, i) in free.enumerated() { candidate.placements[i] = result.solution.placements[j] }
            if store.offer(candidate, part: p) { quietSeeds = 0 } else { quietSeeds += 1 }
        }
    }
}
