// LP diving on the date-assignment master: a primal heuristic for large parts.
extension DateAssignmentMaster {
    /// An LP dive for a solution: fix the items whose LP date is (nearly) decided, re-solve with
    /// the dual simplex (pricing in patterns as needed), repeat until every item is decided.
    /// A heuristic for large parts; its fixings are undone before returning.
    /// - Returns: a range day per item of the part (-1: unplaced), or nil when the dive failed
    ///   or time ran out.
    /// - Parameter bound: set to the LP bound before the first fixing (valid for the part: the
    ///   LP with all cuts so far and every pattern priced in).
    func dive(deadline: Deadline, bound: inout Double?) throws -> [Int32]? {
        var changed: [(Int, GLPKBounds)] = []
        defer { for (c, b) in changed.reversed() { try? problem.setColumnBounds(c, b) } }
        var fixedAt: [ResourceDay: [Int]] = [:]
        var decided = [Int32?](repeating: nil, count: items.count)
        func fix(_ k: Int, _ day: Int32) throws {
            decided[k] = day
            let keep = day < 0 ? unplacedColumn[k] : column(of: items[k], day: day)
            for c in Array(firstColumn[k]..<firstColumn[k + 1]) + [unplacedColumn[k]] where c != keep {
                changed.append((c, problem.columnBounds(c)))
                try problem.setColumnBounds(c, .fixed(0))
            }
            guard day >= 0, let key = patternDoctorDate[keep], let p = poolIndex[key] else { return }
            fixedAt[key, default: []].append(keep)
            let needed = Set(fixedAt[key]!)
            let containing = patternPools[p].patterns.indices.filter { needed.isSubset(of: patternPools[p].patterns[$0]) }
            try addPatterns(pool: p, containing)
        }
        while true {
            guard let lp = try generateColumns(deadline: deadline, dual: true) else { return nil }
            if changed.isEmpty { bound = lp }
            let choices = lpChoices()
            var undecided: [(k: Int, day: Int32, value: Double)] = []
            for k in items.indices where decided[k] == nil {
                guard let top = choices[k].first else { try fix(k, -1); continue }
                if top.value >= 0.999 { try fix(k, top.day) } else { undecided.append((k, top.day, top.value)) }
            }
            if undecided.isEmpty { return decided.map { $0! } }
            let sure = undecided.filter { $0.value >= 0.9 }
            if sure.isEmpty {
                let best = undecided.max { $0.value < $1.value }!
                try fix(best.k, best.day)
            } else {
                for choice in sure { try fix(choice.k, choice.day) }
            }
        }
    }
}
