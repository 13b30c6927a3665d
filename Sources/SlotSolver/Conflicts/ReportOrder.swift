/// Puts conflicts in report order (date with undated first, kind, subject, ids) by sorting small
/// integer keys, so the sort moves 16-byte pairs rather than whole conflicts with their arrays and
/// strings; ids are compared only between conflicts equal in everything else, and the result is
/// permuted in place (moves, no copies).
enum ReportOrder {
    /// - Complexity: O(c log c) for c conflicts.
    static func sort(_ conflicts: inout [Conflict]) {
        guard conflicts.count > 1 else { return }
        var firstDay = Int64.max
        for conflict in conflicts {
            if let date = conflict.date { firstDay = Swift.min(firstDay, Int64(date.daysSinceEpoch)) }
        }
        var keys: [(key: UInt64, index: Int32)] = []
        keys.reserveCapacity(conflicts.count)
        for (i, conflict) in conflicts.enumerated() {
            // Undated sorts first as 0; dates as 1 + days after the first date (well under 2²⁷).
            let day = conflict.date.map { UInt64(Int64($0.daysSinceEpoch) - firstDay + 1) } ?? 0
            let (which, index) = conflict.subject.sortKey
            let key = day << 37 | UInt64(conflict.kind.rank) << 34 | UInt64(which) << 32
                | UInt64(UInt32(bitPattern: index))
            keys.append((key, Int32(i)))
        }
        conflicts.withUnsafeBufferPointer { conflicts in
            keys.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                let l = conflicts[Int(a.index)].ids, r = conflicts[Int(b.index)].ids
                if l != r { return l.lexicographicallyPrecedes(r) }
                return a.index < b.index
            }
        }
        // Position p must receive the element now at keys[p].index: follow each cycle of the
        // permutation with swaps.
        var source = keys.map { Int($0.index) }
        for start in source.indices where source[start] != start {
            var p = start
            while source[p] != start {
                let from = source[p]
                conflicts.swapAt(p, from)
                source[p] = p
                p = from
            }
            source[p] = p
        }
    }
}
