/// The ways one doctor's items of a part can take dates together (a "schedule": a date or none
/// per item, every date's set fitting at the doctor).
///
/// A doctor has few items in a part, so its schedules are searched exactly by dynamic
/// programming over its dates and the set of items still without one: h_t(S), the cheapest
/// way to place the items S on dates t, t+1, … (or leave them unplaced), is the minimum over
/// the sets P ⊆ S that fit on t (P = ∅ included) of cost_t(P) + h_{t+1}(S \ P). The sets that
/// fit on each date (`DoctorDays`) do not depend on the costs and are found once; each search
/// only re-runs the recursion under its own costs. The cheapest schedule is h_0(all), and the
/// schedules within a threshold are enumerated date by date with h as an exact cost-to-go, so
/// no branch is explored in vain.
struct DoctorScheduleSearch {
    /// A schedule: the choice of each item (in the doctor's order), or nil for unplaced.
    typealias Schedule = [ChoiceIndex?]

    let days: DoctorDays
    /// cost[t][p]: the cost of the p-th set of date t; unplaced[i]: of leaving item i unplaced.
    private let setCost: [[Double]]
    private let unplaced: [Double]
    /// h[t][S] as above, t = 0 … dates (the last: everything in S unplaced).
    private let cheapestFrom: [[Double]]

    /// - Parameter costs: the cost of each choice (e.g. reduced by multipliers); unplaced items
    ///   cost their objective (from the instance).
    /// - Throws: `DeadlineReached` (the recursion costs up to 2^items per set and date).
    init(days: DoctorDays, costs: ChoiceCosts, deadline: Deadline = .never) throws(DeadlineReached) {
        self.days = days
        setCost = days.sets.map { sets in sets.map { $0.choices.reduce(0) { $0 + costs[$1] } } }
        unplaced = days.positions.map { days.choices.unplacedCost(at: $0) }
        let n = days.positions.count, full = (1 << n) - 1
        var h = [[Double]](repeating: [], count: days.dates.count + 1)
        var last = [Double](repeating: 0, count: full + 1)
        for mask in 1...max(1, full) where mask <= full {
            let low = mask.trailingZeroBitCount
            last[mask] = last[mask & (mask - 1)] + unplaced[low]
        }
        h[days.dates.count] = last
        for t in stride(from: days.dates.count - 1, through: 0, by: -1) {
            let next = h[t + 1]
            var current = next   // the empty set on t
            for (p, set) in days.sets[t].enumerated() {
                if p & 63 == 0 { try deadline.check() }
                let cost = setCost[t][p]
                let rest = full & ~set.mask
                var sub = rest
                while true {
                    let value = cost + next[sub]
                    if value < current[sub | set.mask] { current[sub | set.mask] = value }
                    if sub == 0 { break }
                    sub = (sub - 1) & rest
                }
            }
            h[t] = current
        }
        cheapestFrom = h
    }

    /// The cheapest schedule and its cost.
    func cheapest() -> (cost: Double, schedule: Schedule) {
        let full = (1 << days.positions.count) - 1
        var schedule = Schedule(repeating: nil, count: days.positions.count)
        var mask = full
        for t in days.dates.indices {
            let target = cheapestFrom[t][mask]
            if abs(cheapestFrom[t + 1][mask] - target) <= 1e-9 { continue }
            for (p, set) in days.sets[t].enumerated() where set.mask & mask == set.mask
                && abs(setCost[t][p] + cheapestFrom[t + 1][mask & ~set.mask] - target) <= 1e-9 {
                assign(set, into: &schedule)
                mask &= ~set.mask
                break
            }
        }
        return (cheapestFrom[0][full], schedule)
    }

    /// The cheapest of each kind of schedule costing at most `threshold`, where two schedules
    /// are of one kind when they have the same coefficient in every shared row (`rows`: each
    /// choice's (row, coefficient) entries; choices without entries are in no shared row); nil
    /// when there are more than `limit` kinds or the walk visits more than `nodeLimit` states.
    ///
    /// The objective Σ (t − o) only sees which dates a doctor uses, not which item takes which,
    /// so a doctor's schedules tie in great numbers; schedules of one kind are the same column
    /// in every row but the objective, and the cheapest of them serves for all. The walk prunes
    /// a state (date, items left, coefficients so far) reached before at no higher cost.
    /// - Throws: `DeadlineReached`, checked every few thousand states.
    func cheapestOfEachKind(within threshold: Double, rows: [ChoiceIndex: [(side: Int, coefficient: Double)]],
                            limit: Int, nodeLimit: Int = SolverParameters().scheduleWalkNodeLimit,
                            deadline: Deadline = .never) throws(DeadlineReached) -> [Schedule]? {
        struct State: Hashable {
            var t: Int
            var mask: Int
            var kind: Int
        }
        struct Step: Hashable {
            var kind: Int
            var t: Int
            var set: Int
        }
        // Kinds are interned: a coefficient vector gets a number the first time it is seen, and
        // each (kind, date, set) step is worked out once.
        var vectors: [[Int: Double]] = [[:]]
        var numberOf: [[Int: Double]: Int] = [[:]: 0]
        var steps: [Step: Int] = [:]
        let shares = days.sets.map { sets in sets.map { set in set.choices.contains { rows[$0] != nil } } }
        func after(_ kind: Int, _ t: Int, _ p: Int) -> Int {
            guard shares[t][p] else { return kind }
            let step = Step(kind: kind, t: t, set: p)
            if let known = steps[step] { return known }
            var vector = vectors[kind]
            for c in days.sets[t][p].choices {
                for (side, a) in rows[c] ?? [] { vector[side, default: 0] += a }
            }
            let number = numberOf[vector] ?? vectors.count
            if number == vectors.count {
                vectors.append(vector)
                numberOf[vector] = number
            }
            steps[step] = number
            return number
        }
        var seen: [State: Double] = [:]
        var best: [Int: (cost: Double, schedule: Schedule)] = [:]
        var schedule = Schedule(repeating: nil, count: days.positions.count)
        var nodes = 0
        var timedOut = false
        func visit(_ t: Int, _ mask: Int, _ kind: Int, _ cost: Double) {
            nodes += 1
            if best.count > limit || nodes > nodeLimit || timedOut { return }
            if nodes & 4095 == 0 && deadline.hasPassed { timedOut = true; return }
            if t == days.dates.count {
                // What is left in `mask` stays unplaced, at its cost.
                let total = cost + cheapestFrom[t][mask]
                if total < best[kind]?.cost ?? .infinity { best[kind] = (total, schedule) }
                return
            }
            let state = State(t: t, mask: mask, kind: kind)
            if let known = seen[state], known <= cost + 1e-9 { return }
            seen[state] = cost
            if cost + cheapestFrom[t + 1][mask] <= threshold + 1e-9 { visit(t + 1, mask, kind, cost) }
            for (p, set) in days.sets[t].enumerated() where set.mask & mask == set.mask
                && cost + setCost[t][p] + cheapestFrom[t + 1][mask & ~set.mask] <= threshold + 1e-9 {
                assign(set, into: &schedule)
                visit(t + 1, mask & ~set.mask, after(kind, t, p), cost + setCost[t][p])
                for k in set.members { schedule[k] = nil }
            }
        }
        visit(0, (1 << days.positions.count) - 1, 0, 0)
        if timedOut { throw DeadlineReached() }
        return best.count > limit || nodes > nodeLimit ? nil : best.values.map(\.schedule)
    }

    private func assign(_ set: DoctorDays.DaySet, into schedule: inout Schedule) {
        for (k, c) in zip(set.members, set.choices) { schedule[k] = c }
    }
}

/// One doctor's dates in a part and the sets of its items that fit on each, for
/// `DoctorScheduleSearch`. Built once per doctor; nil when the doctor has too many items or
/// sets for one search (then the schedule master splits it).
struct DoctorDays {
    struct DaySet {
        /// Bit k: the doctor's k-th item.
        var mask: Int
        var members: [Int]
        /// The choice of each member on this date.
        var choices: [ChoiceIndex]
    }

    let choices: DateChoices
    /// The doctor's items, as positions in the part.
    let positions: [PartPosition]
    /// The range days any item may take, ascending, and the non-empty sets that fit on each.
    let dates: [RangeDay]
    let sets: [[DaySet]]

    /// Whether a set fits comes from `DayArrangement`; an undecided set counts as fitting, which
    /// keeps every bound valid (the within-day check later cuts it off if it does not fit).
    /// - Parameters:
    ///   - itemLimit: doctors with more items are too large (the search holds 2^items values per date);
    ///   - setLimit: so are doctors with a date that has more fitting sets than this.
    /// - Throws: `DeadlineReached` when `arrangement`'s deadline passes.
    init?(choices: DateChoices, positions: [PartPosition], arrangement: DayArrangement,
          itemLimit: Int = SolverParameters().scheduleItemLimit,
          setLimit: Int = SolverParameters().doctorDaySetLimit) throws(DeadlineReached) {
        guard positions.count <= max(1, itemLimit) else { return nil }
        self.choices = choices
        self.positions = positions
        var byDate: [RangeDay: [(member: Int, choice: ChoiceIndex)]] = [:]
        for (m, k) in positions.enumerated() {
            for c in choices.choices(at: k) { byDate[choices.day(of: c), default: []].append((m, c)) }
        }
        dates = byDate.keys.sorted()
        var sets: [[DaySet]] = []
        for date in dates {
            let options = byDate[date]!
            var found: [DaySet] = []
            var current: [Int] = []
            var aborted = false
            var timedOut = false
            // Depth first: a set that does not fit has no superset that fits.
            func extend(from start: Int) {
                for j in start..<options.count where !aborted {
                    if arrangement.deadline.hasPassed { aborted = true; timedOut = true; return }
                    current.append(j)
                    defer { current.removeLast() }
                    let entries = current.map { index -> DayArrangement.Entry in
                        let c = options[index].choice
                        return DayArrangement.Entry(item: choices.item(at: choices.position(of: c)).int,
                                                    day: choices.candidateDay(of: c))
                    }
                    guard current.count == 1 || arrangement.arrange(entries) != .infeasible else { continue }
                    let members = current.map { options[$0].member }
                    found.append(DaySet(mask: members.reduce(0) { $0 | 1 << $1 }, members: members,
                                        choices: current.map { options[$0].choice }))
                    if found.count > setLimit { aborted = true; return }
                    extend(from: j + 1)
                }
            }
            extend(from: 0)
            if timedOut { throw DeadlineReached() }
            if aborted { return nil }
            sets.append(found)
        }
        self.sets = sets
    }
}

/// A cost per choice of a part (`DateChoices`), e.g. reduced by multipliers.
struct ChoiceCosts {
    var values: [Double]

    init(_ values: [Double]) { self.values = values }
    /// Each choice's objective (t − o), from the instance.
    init(objectiveOf choices: DateChoices) { values = (0..<choices.count).map { choices.cost(of: ChoiceIndex($0)) } }

    subscript(c: ChoiceIndex) -> Double {
        get { values[c.int] }
        set { values[c.int] = newValue }
    }
}
