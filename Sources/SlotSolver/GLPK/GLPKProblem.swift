import CGLPK

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One GLPK problem object (`glp_prob`), owned: created in `init`, freed in `deinit`.
///
/// GLPK keeps one environment per thread (thread-local storage), and a problem belongs to the
/// environment of the thread that created it, so every call on a problem — including its
/// `deinit` — must happen on that thread. The class is deliberately not `Sendable`, which keeps
/// Swift from handing it to another isolation domain; debug builds also check the thread.
///
/// GLPK aborts the process on invalid arguments rather than returning an error, so every method
/// validates its arguments first and throws `GLPKError` with `.invalidArgument` instead.
/// Indices are 0-based here (GLPK's are 1-based).
public final class GLPKProblem {
    @usableFromInline let handle: OpaquePointer
    private let ownerThread: pthread_t
    public let sense: GLPKObjectiveSense
    public private(set) var rowCount = 0
    public private(set) var columnCount = 0
    /// Whether the simplex ran before (then its basis is the warm start of the next run).
    var hasSolvedOnce = false
    private var columnKinds: [GLPKVariableKind] = []
    private var columnBounds: [GLPKBounds] = []
    private var rowBounds: [GLPKBounds] = []
    /// Kept for checking warm starts: the objective and the rows, in Swift memory.
    private var objectiveCoefficients: [Double] = []
    /// The matrix as triplets (row, column, value), in the order entries were added.
    private var entryRows: [Int32] = []
    private var entryColumns: [Int32] = []
    private var entryValues: [Double] = []

    /// - Parameters: name: the problem name written to LP/MPS files.
    public init(name: String = "problem", sense: GLPKObjectiveSense = .minimize) {
        GLPKProblem.silenceTerminalByDefault()
        handle = glp_create_prob()
        ownerThread = pthread_self()
        self.sense = sense
        glp_set_prob_name(handle, name)
        glp_set_obj_dir(handle, sense == .minimize ? GLP_MIN : GLP_MAX)
    }

    deinit {
        assert(pthread_equal(pthread_self(), ownerThread) != 0, "a GLPK problem must be freed on its thread")
        glp_delete_prob(handle)
    }

    func checkThread() {
        assert(pthread_equal(pthread_self(), ownerThread) != 0, "a GLPK problem must be used on its thread")
    }

    // MARK: - Terminal output

    /// GLPK prints to the terminal unless told not to; the switch is per thread environment.
    static func silenceTerminalByDefault() { glp_term_out(GLP_OFF) }

    /// Turns GLPK's own terminal output on or off for the calling thread.
    public static func setTerminalOutput(_ on: Bool) { glp_term_out(on ? GLP_ON : GLP_OFF) }

    // MARK: - Columns

    /// Appends `count` columns of one kind and bounds, with objective coefficients (0 when nil).
    /// - Returns: the indices of the new columns.
    /// - Complexity: O(count).
    @discardableResult
    public func addColumns(_ count: Int, kind: GLPKVariableKind, bounds: GLPKBounds = .atLeast(0),
                           objective: [Double]? = nil, names: [String]? = nil) throws -> Range<Int> {
        checkThread()
        guard count >= 0 else { throw GLPKError(.invalidArgument, "negative column count \(count)") }
        if let objective, objective.count != count {
            throw GLPKError(.invalidArgument, "\(objective.count) objective coefficients for \(count) columns")
        }
        if let names, names.count != count {
            throw GLPKError(.invalidArgument, "\(names.count) names for \(count) columns")
        }
        try GLPKProblem.validate(bounds, what: "column bounds")
        if kind == .binary, bounds != .between(0, 1), bounds != .atLeast(0) {
            throw GLPKError(.invalidArgument, "a binary column has bounds [0, 1]")
        }
        if let objective, let bad = objective.first(where: { !$0.isFinite }) {
            throw GLPKError(.invalidArgument, "objective coefficient \(bad) is not finite")
        }
        guard count > 0 else { return columnCount..<columnCount }
        let first = Int(glp_add_cols(handle, Int32(count)))
        for k in 0..<count {
            let j = Int32(first + k)
            switch kind {
            case .binary:
                glp_set_col_kind(handle, j, GLP_BV)
            case .integer:
                glp_set_col_kind(handle, j, GLP_IV)
                GLPKProblem.apply(bounds) { glp_set_col_bnds(handle, j, $0, $1, $2) }
            case .continuous:
                GLPKProblem.apply(bounds) { glp_set_col_bnds(handle, j, $0, $1, $2) }
            }
            let c = objective?[k] ?? 0
            if c != 0 { glp_set_obj_coef(handle, j, c) }
            if let names { glp_set_col_name(handle, j, names[k]) }
        }
        let range = columnCount..<(columnCount + count)
        columnCount += count
        columnKinds.append(contentsOf: repeatElement(kind, count: count))
        columnBounds.append(contentsOf: repeatElement(kind == .binary ? .between(0, 1) : bounds, count: count))
        objectiveCoefficients.append(contentsOf: objective ?? [Double](repeating: 0, count: count))
        return range
    }

    /// Changes the bounds of column `j` (e.g. to fix a variable for a sub-MIP, and back).
    public func setColumnBounds(_ j: Int, _ bounds: GLPKBounds) throws {
        checkThread()
        guard j >= 0, j < columnCount else { throw GLPKError(.invalidArgument, "no column \(j)") }
        try GLPKProblem.validate(bounds, what: "column bounds")
        GLPKProblem.apply(bounds) { glp_set_col_bnds(handle, Int32(j + 1), $0, $1, $2) }
        columnBounds[j] = bounds
    }

    /// The bounds of column `j`.
    public func columnBounds(_ j: Int) -> GLPKBounds { columnBounds[j] }

    /// The constant term of the objective.
    public func setObjectiveConstant(_ value: Double) throws {
        checkThread()
        guard value.isFinite else { throw GLPKError(.invalidArgument, "objective constant \(value)") }
        glp_set_obj_coef(handle, 0, value)
    }

    // MARK: - Rows

    /// Appends the rows of `batch`.
    /// - Returns: the indices of the new rows.
    /// - Complexity: O(rows + nonzeros) (plus GLPK's own amortized O(1) per entry).
    @discardableResult
    public func addRows(_ batch: GLPKRowBatch) throws -> Range<Int> {
        checkThread()
        guard !batch.isEmpty else { return rowCount..<rowCount }
        // Validate everything before touching GLPK, so a bad batch leaves the problem unchanged.
        var seen = [Int32](repeating: -1, count: columnCount)
        for r in 0..<batch.count {
            try GLPKProblem.validate(batch.bounds[r], what: "row bounds")
            let (cols, vals) = batch.row(r)
            for (c, v) in zip(cols, vals) {
                guard c >= 0, Int(c) < columnCount else {
                    throw GLPKError(.invalidArgument, "row uses column \(c) of \(columnCount)")
                }
                guard v.isFinite else { throw GLPKError(.invalidArgument, "coefficient \(v) is not finite") }
                guard seen[Int(c)] != Int32(r) else {
                    throw GLPKError(.invalidArgument, "column \(c) appears twice in one row")
                }
                seen[Int(c)] = Int32(r)
            }
        }
        let first = Int(glp_add_rows(handle, Int32(batch.count)))
        var indices = [Int32](repeating: 0, count: 1)
        var values = [Double](repeating: 0, count: 1)
        for r in 0..<batch.count {
            let i = Int32(first + r)
            let (cols, vals) = batch.row(r)
            // GLPK arrays are 1-based: element 0 is ignored.
            indices.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            indices.append(0)
            values.append(0)
            for c in cols { indices.append(c + 1) }
            values.append(contentsOf: vals)
            glp_set_mat_row(handle, i, Int32(cols.count), indices, values)
            GLPKProblem.apply(batch.bounds[r]) { glp_set_row_bnds(handle, i, $0, $1, $2) }
            if let name = batch.names[r] { glp_set_row_name(handle, i, name) }
            entryRows.append(contentsOf: repeatElement(Int32(rowCount + r), count: cols.count))
            entryColumns.append(contentsOf: cols)
            entryValues.append(contentsOf: vals)
        }
        rowBounds.append(contentsOf: batch.bounds)
        let range = rowCount..<(rowCount + batch.count)
        rowCount += batch.count
        return range
    }

    /// The activity of every row for the column values `x`.
    /// - Complexity: O(nonzeros).
    public func rowActivities(_ x: [Double]) -> [Double] {
        var activity = [Double](repeating: 0, count: rowCount)
        for k in entryRows.indices { activity[Int(entryRows[k])] += entryValues[k] * x[Int(entryColumns[k])] }
        return activity
    }

    /// Appends continuous or integer columns with their coefficients in existing rows: column c
    /// has `entries[c]` as (0-based row, value) pairs, each row at most once.
    /// - Returns: the indices of the new columns.
    /// - Complexity: O(columns + nonzeros).
    @discardableResult
    public func addColumns(kind: GLPKVariableKind, bounds: GLPKBounds, objective: [Double],
                           entries: [[(row: Int, value: Double)]]) throws -> Range<Int> {
        checkThread()
        guard objective.count == entries.count else {
            throw GLPKError(.invalidArgument, "\(objective.count) objective coefficients for \(entries.count) columns")
        }
        var seen = [Int](repeating: -1, count: rowCount)
        for (c, column) in entries.enumerated() {
            for (row, value) in column {
                guard row >= 0, row < rowCount else { throw GLPKError(.invalidArgument, "column uses row \(row) of \(rowCount)") }
                guard value.isFinite else { throw GLPKError(.invalidArgument, "coefficient \(value) is not finite") }
                guard seen[row] != c else { throw GLPKError(.invalidArgument, "row \(row) appears twice in one column") }
                seen[row] = c
            }
        }
        let range = try addColumns(entries.count, kind: kind, bounds: bounds, objective: objective)
        var indices: [Int32] = []
        var values: [Double] = []
        for (c, column) in entries.enumerated() where !column.isEmpty {
            indices.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            indices.append(0)
            values.append(0)
            for (row, value) in column {
                indices.append(Int32(row + 1))
                values.append(value)
                entryRows.append(Int32(row))
                entryColumns.append(Int32(range.lowerBound + c))
                entryValues.append(value)
            }
            glp_set_mat_col(handle, Int32(range.lowerBound + c + 1), Int32(column.count), indices, values)
        }
        return range
    }

    /// The dual value of row `r` in the last LP (simplex) solution.
    public func rowDual(_ r: Int) -> Double {
        checkThread()
        return glp_get_row_dual(handle, Int32(r + 1))
    }

    /// The reduced cost of column `j` in the last LP (simplex) solution.
    public func columnDual(_ j: Int) -> Double {
        checkThread()
        return glp_get_col_dual(handle, Int32(j + 1))
    }

    /// The objective coefficient of column `j`.
    public func objectiveValueOfColumn(_ j: Int) -> Double { objectiveCoefficients[j] }

    /// The objective value of the column values `x` (without the constant term).
    public func objectiveValue(_ x: [Double]) -> Double {
        zip(objectiveCoefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The first violated bound, row or integrality of `x`, as a sentence; nil when `x` is feasible.
    public func violation(of x: [Double], tolerance: Double = 1e-6) -> String? {
        guard x.count == columnCount else { return "\(x.count) values for \(columnCount) columns" }
        for j in 0..<columnCount {
            if !columnBounds[j].admits(x[j], tolerance: tolerance) { return "column \(j) = \(x[j]) is out of bounds" }
            if columnKinds[j] != .continuous, abs(x[j] - x[j].rounded()) > tolerance {
                return "column \(j) = \(x[j]) is not integral"
            }
        }
        for (r, activity) in rowActivities(x).enumerated() where !rowBounds[r].admits(activity, tolerance: tolerance) {
            return "row \(r) has activity \(activity) outside \(rowBounds[r])"
        }
        return nil
    }

    // MARK: - Helpers

    static func validate(_ bounds: GLPKBounds, what: String) throws {
        switch bounds {
        case .free: return
        case .atLeast(let v), .atMost(let v), .fixed(let v):
            guard v.isFinite else { throw GLPKError(.invalidArgument, "\(what): \(v) is not finite") }
        case .between(let low, let high):
            guard low.isFinite, high.isFinite, low <= high else {
                throw GLPKError(.invalidArgument, "\(what): [\(low), \(high)] is not an interval")
            }
        }
    }

    /// Calls `set(type, lower, upper)` with GLPK's encoding of `bounds`.
    static func apply(_ bounds: GLPKBounds, _ set: (Int32, Double, Double) -> Void) {
        switch bounds {
        case .free: set(GLP_FR, 0, 0)
        case .atLeast(let low): set(GLP_LO, low, 0)
        case .atMost(let high): set(GLP_UP, 0, high)
        case .between(let low, let high): low == high ? set(GLP_FX, low, low) : set(GLP_DB, low, high)
        case .fixed(let v): set(GLP_FX, v, v)
        }
    }

    static func status(_ code: Int32) -> GLPKSolutionStatus {
        switch code {
        case GLP_FEAS: .feasible
        case GLP_INFEAS: .infeasible
        case GLP_NOFEAS: .noFeasible
        case GLP_OPT: .optimal
        case GLP_UNBND: .unbounded
        default: .undefined
        }
    }
}

extension GLPKProblem {
    /// The linked GLPK's version, e.g. "5.0".
    public static var libraryVersion: String { String(cString: glp_version()) }
}
