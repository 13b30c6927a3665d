/// Decides whether a set of items, each given a date, can all get starts on that date without
/// any two overlapping on a shared doctor, rep or patient — and finds the starts.
///
/// The sets are small (a doctor-date holds a few visits in a window of an hour or two), so an
/// exact depth-first search does it: most-constrained item first, forward checking (a placed
/// item removes the overlapping starts of its neighbours), and symmetry breaking (items that are
/// interchangeable take their starts in increasing order). A node limit makes the search give up
/// (`.unknown`) rather than run away; the caller then asks GLPK.
struct DayArrangement {
    /// One item on its date.
    struct Entry {
        var item: Int
        var day: CandidateDay
    }

    enum Outcome: Equatable {
        case feasible([Int32])   // a start per entry
        case infeasible
        case unknown
    }

    let instance: RebookingInstance
    var nodeLimit = SolverParameters().dayArrangementNodeLimit
    /// The search gives up (`.unknown`) when it passes; the caller's next `check()` then stops it.
    var deadline = Deadline.never

    /// - Complexity: exponential in the worst case, bounded by `nodeLimit` nodes of O(k · s) each.
    func arrange(_ entries: [Entry]) -> Outcome {
        let n = entries.count
        if n == 0 { return .feasible([]) }
        // Capacity first: no arrangement helps when a doctor-date holds too many of a kind.
        var counts: [ResourceDay: Int32] = [:]
        for e in entries {
            let item = instance.items[e.item]
            let key = ResourceDay.count(item.kind, doctor: item.doctor, day: e.day.day)
            counts[key, default: 0] += 1
            if counts[key]! > instance.remainingCapacity(of: item, day: e.day.day) { return .infeasible }
        }
        var search = Search(entries: entries, instance: instance, nodeLimit: nodeLimit, deadline: deadline)
        return search.run()
    }

    /// The mutable state of one search.
    private struct Search {
        let lengths: [Int32]
        let starts: [[Int32]]
        let neighbours: [[Int]]
        /// The previous member of an entry's symmetry class (it must be placed first, earlier), or -1.
        let previousInClass: [Int]
        /// removedAt[e][c]: the depth that removed candidate c of entry e, 0 while alive.
        var removedAt: [[Int32]]
        var alive: [Int]
        var chosen: [Int32]
        var assigned: [Bool]
        var nodes = 0
        let nodeLimit: Int
        let deadline: Deadline

        init(entries: [Entry], instance: RebookingInstance, nodeLimit: Int, deadline: Deadline) {
            self.nodeLimit = nodeLimit
            self.deadline = deadline
            let n = entries.count
            lengths = entries.map { $0.day.length }
            starts = entries.map { Array(instance.startMinutes($0.day)) }
            var byResource: [ResourceDay: [Int]] = [:]
            for (k, e) in entries.enumerated() {
                let item = instance.items[e.item]
                byResource[ResourceDay(.doctor, item.doctor, day: e.day.day), default: []].append(k)
                byResource[ResourceDay.person(item.kind, item.person, day: e.day.day), default: []].append(k)
            }
            var neighbours = [Set<Int>](repeating: [], count: n)
            for members in byResource.values where members.count > 1 {
                for a in members { for b in members where a != b { neighbours[a].insert(b) } }
            }
            self.neighbours = neighbours.map { $0.sorted() }
            // Interchangeable entries: same doctor, kind, length and starts, and a person that is
            // either private to the entry or the same one (then nothing tells the two apart).
            var personUse: [ResourceDay: Int] = [:]
            for e in entries {
                let item = instance.items[e.item]
                personUse[ResourceDay.person(item.kind, item.person, day: e.day.day), default: 0] += 1
            }
            struct ClassKey: Hashable { var doctor: Int32; var kind: ItemKind; var length: Int32; var starts: [Int32]; var person: Int32 }
            var lastOfClass: [ClassKey: Int] = [:]
            var previous = [Int](repeating: -1, count: n)
            for (k, e) in entries.enumerated() {
                let item = instance.items[e.item]
                let shared = personUse[ResourceDay.person(item.kind, item.person, day: e.day.day)]! > 1
                let key = ClassKey(doctor: item.doctor, kind: item.kind, length: e.day.length, starts: starts[k],
                                   person: shared ? item.person : -1)
                if let last = lastOfClass[key] { previous[k] = last }
                lastOfClass[key] = k
            }
            previousInClass = previous
            removedAt = starts.map { [Int32](repeating: 0, count: $0.count) }
            alive = starts.map(\.count)
            chosen = [Int32](repeating: -1, count: n)
            assigned = [Bool](repeating: false, count: n)
        }

        mutating func run() -> Outcome {
            switch descend(depth: 1) {
            case true?: return .feasible(chosen)
            case false?: return .infeasible
            case nil: return .unknown
            }
        }

        /// true: found; false: proven impossible below here; nil: node limit.
        mutating func descend(depth: Int32) -> Bool? {
            nodes += 1
            if nodes > nodeLimit || (nodes & 1023 == 0 && deadline.hasPassed) { return nil }
            // Most constrained selectable entry.
            var best = -1
            for e in 0..<starts.count where !assigned[e] {
                if alive[e] == 0 { return false }
                let prev = previousInClass[e]
                if prev >= 0 && !assigned[prev] { continue }
                if best < 0 || alive[e] < alive[best] { best = e }
            }
            if best < 0 { return true }
            let floor = previousInClass[best] >= 0 ? chosen[previousInClass[best]] : Int32.min
            assigned[best] = true
            defer { assigned[best] = false }
            let length = lengths[best]
            for c in 0..<starts[best].count where removedAt[best][c] == 0 {
                let s = starts[best][c]
                if s <= floor { continue }
                chosen[best] = s
                // Forward check: drop neighbours' starts that overlap [s, s + length).
                var wipedOut = false
                for f in neighbours[best] where !assigned[f] {
                    let lf = lengths[f]
                    for k in 0..<starts[f].count where removedAt[f][k] == 0 {
                        let t = starts[f][k]
                        if t < s + length && s < t + lf {
                            removedAt[f][k] = depth
                            alive[f] -= 1
                        }
                    }
                    if alive[f] == 0 { wipedOut = true }
                }
                var result: Bool? = false
                if !wipedOut { result = descend(depth: depth + 1) }
                if result == true { return true }
                for f in neighbours[best] where !assigned[f] {
                    for k in 0..<starts[f].count where removedAt[f][k] == depth {
                        removedAt[f][k] = 0
                        alive[f] += 1
                    }
                }
                if result == nil { return nil }
            }
            chosen[best] = -1
            return false
        }
    }
}
