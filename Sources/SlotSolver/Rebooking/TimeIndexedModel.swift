/// The monolithic, time-indexed MIP of (part of) the rebooking problem (`TimeIndexedRows`) in
/// GLPK: binary y columns, binary u(i) "not placed" columns when unplacing is allowed, the
/// assignment rows Σ y(i, ·, ·) + u(i) = 1, and the capacity and clique rows.
///
/// It is what `--export-model` writes, and what checks a single day's arrangement when the
/// combinatorial search gives up.
struct TimeIndexedModel {
    typealias Placement = TimeIndexedRows.Placement

    let problem: GLPKProblem
    /// Columns 0 ..< placements.count are the y columns, in `placements` order.
    let placements: [Placement]
    /// The u column of each item (by position in `items`), or -1 when unplacing is not allowed.
    let unplacedColumn: [Int]
    let items: [Int]

    /// - Parameters:
    ///   - items: the items modelled (indices into `instance.items`).
    ///   - days: which candidate days of an item to model (default: all).
    ///   - allowUnplaced: add the u columns (false: every item must be placed — a feasibility check).
    ///   - namesColumns: give columns and rows readable names (for a model file; solving needs none).
    /// - Complexity: O(P log P) for P columns, plus the clique rows' size.
    init(instance: RebookingInstance, items: [Int], allowUnplaced: Bool, name: String = "rebooking",
         days: ((Int) -> [CandidateDay])? = nil, namesColumns: Bool = true, deadline: Deadline = .never) throws {
        let model = try TimeIndexedRows(instance: instance, items: items, days: days, deadline: deadline)
        problem = GLPKProblem(name: name, sense: .minimize)
        self.items = items
        placements = model.placements
        let range = instance.range
        func dayName(_ d: Int32) -> String {
            let (y, m, dd) = range.first.adding(days: Int(d)).components
            return String(y * 10000 + m * 100 + dd)
        }
        try problem.addColumns(placements.count, kind: .binary, objective: placements.map { Double($0.day.cost) },
                               names: namesColumns ? placements.map { "y\($0.item)_\(dayName($0.day.day))_\($0.start)" } : nil)
        var unplaced = [Int](repeating: -1, count: items.count)
        if allowUnplaced {
            let columns = try problem.addColumns(items.count, kind: .binary,
                                                 objective: items.map { Double(instance.items[$0].unplacedCost) },
                                                 names: namesColumns ? items.map { "u\($0)" } : nil)
            unplaced = Array(columns)
        }
        unplacedColumn = unplaced

        var rows = GLPKRowBatch()
        for (k, i) in items.enumerated() {
            var columns = Array(model.firstOfItem[k]..<model.firstOfItem[k + 1])
            if allowUnplaced { columns.append(unplaced[k]) }
            rows.appendSum(of: columns, bounds: .fixed(1), name: namesColumns ? "assign\(i)" : nil)
        }
        for row in model.rows {
            rows.appendSum(of: row.columns, bounds: .atMost(Double(row.limit)),
                           name: namesColumns ? (row.isCapacity ? "cap\(rows.count)" : "clq\(rows.count)") : nil)
        }
        try problem.addRows(rows)
    }

    /// Reads the solution of the last MIP solve: each item's placement.
    func placementsFromMIP() -> [Int: RebookingSolution.Placement] {
        var result: [Int: RebookingSolution.Placement] = [:]
        for i in items { result[i] = .unplaced }
        for (column, p) in placements.enumerated() where problem.mipValue(column) > 0.5 {
            result[p.item] = .init(day: p.day.day, start: p.start)
        }
        return result
    }

    /// The column values of a solution, for a warm start.
    func columnValues(of solution: RebookingSolution) -> [Double] {
        var x = [Double](repeating: 0, count: problem.columnCount)
        for (column, p) in placements.enumerated() {
            let s = solution.placements[p.item]
            if s.day == p.day.day && s.start == p.start { x[column] = 1 }
        }
        for (k, i) in items.enumerated() where unplacedColumn[k] >= 0 && !solution.placements[i].isPlaced {
            x[unplacedColumn[k]] = 1
        }
        return x
    }
}
