/// Every conflict found over a range of dates, in report order.
public struct ConflictReport: Sendable {
    /// Sorted: date (undated first), kind order, subject, ids (see `Conflict.reportOrder`).
    public var conflicts: [Conflict]

    public init(conflicts: [Conflict]) {
        self.conflicts = conflicts
    }

    /// How many conflicts of each kind; every kind is present, with 0 when none was found.
    ///
    /// - Complexity: O(conflicts)
    public var summary: [ConflictKind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ConflictKind.allCases.map { ($0, 0) })
        for conflict in conflicts { counts[conflict.kind, default: 0] += 1 }
        return counts
    }
}
