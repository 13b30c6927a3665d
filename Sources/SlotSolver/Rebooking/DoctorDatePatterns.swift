/// Every set of items that fits together on one doctor-date (its "patterns"), for the master's
/// tight formulation: choosing dates through patterns makes the LP relaxation the convex hull of
/// each doctor-date's feasible sets (as in Gilmore–Gomory for cutting stock), instead of the
/// loose aggregate of counts and minutes.
///
/// A doctor-date holds only a few visits in a window of an hour or two, so the feasible sets are
/// few and are enumerated outright: depth-first, extending a feasible set by one later item at a
/// time (a set that does not fit has no superset that fits, which prunes the search).
enum DoctorDatePatterns {
    /// The non-empty feasible subsets of `group` (as index lists into it, ascending), or nil when
    /// there are more than `limit` of them or a check is undecided (the caller then models the
    /// doctor-date with aggregate rows and cuts instead).
    /// - Complexity: O(patterns × k) arrangement checks of at most cap items each.
    /// - Throws: `DeadlineReached` when the deadline passes during the enumeration.
    static func enumerate(_ group: [MasterStrengthening.Choice], instance: RebookingInstance,
                          limit: Int, deadline: Deadline) throws(DeadlineReached) -> [[Int]]? {
        let arrangement = DayArrangement(instance: instance, deadline: deadline)
        var patterns: [[Int]] = []
        var current: [Int] = []
        var aborted = false
        var timedOut = false
        func extend(from start: Int) {
            for j in start..<group.count {
                if aborted { return }
                if deadline.hasPassed { aborted = true; timedOut = true; return }
                if current.contains(where: { group[$0].item == group[j].item }) { continue }
                current.append(j)
                defer { current.removeLast() }
                switch arrangement.arrange(current.map { DayArrangement.Entry(item: group[$0].item, day: group[$0].day) }) {
                case .feasible:
                    patterns.append(current)
                    if patterns.count > limit { aborted = true; return }
                    extend(from: j + 1)
                case .infeasible:
                    continue
                case .unknown:
                    aborted = true
                    return
                }
            }
        }
        extend(from: 0)
        if timedOut { throw DeadlineReached() }
        return aborted ? nil : patterns
    }
}
