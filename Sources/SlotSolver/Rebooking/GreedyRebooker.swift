/// The greedy solver: items in original time order, each to its earliest feasible slot (earliest
/// date, then earliest start) given everything that stays and everything placed before it.
enum GreedyRebooker {
    /// - Complexity: O(n log n) for n items (each tries at most range-days × window/grid starts,
    ///   each test a binary search).
    static func solve(_ instance: RebookingInstance, items: [Int]? = nil) -> RebookingSolution {
        var solution = RebookingSolution(unplacedCount: instance.items.count)
        var state = PlacementState()
        for i in items ?? Array(instance.items.indices) {
            if let (day, start) = state.earliestFit(for: i, in: instance) {
                state.place(instance.items[i], day: day, start: start)
                solution.placements[i] = .init(day: day.day, start: start)
            }
        }
        return solution
    }

    /// Places every unplaced item that still fits somewhere (earliest slot, time order). An
    /// optimal solution never has such an item; a time-limited one may, and this makes sure every
    /// item reported unplaced truly has no room.
    static func fillGaps(_ solution: inout RebookingSolution, in instance: RebookingInstance) {
        var state = PlacementState()
        for (i, p) in solution.placements.enumerated() where p.isPlaced {
            let day = instance.candidateDays(of: i).first { $0.day == p.day }!
            state.place(instance.items[i], day: day, start: p.start)
        }
        for i in instance.items.indices where !solution.placements[i].isPlaced {
            if let (day, start) = state.earliestFit(for: i, in: instance) {
                state.place(instance.items[i], day: day, start: start)
                solution.placements[i] = .init(day: day.day, start: start)
            }
        }
    }
}
