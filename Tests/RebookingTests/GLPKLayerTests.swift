import Foundation
import Testing
@testable import SlotSolver

@Suite("GLPK layer")
struct GLPKLayerTests {
    @Test("CGLPK links and reports its version")
    func linksLibrary() {
        #expect(GLPKProblem.libraryVersion.hasPrefix("5."))
    }

    /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 6,  x ≤ 3,  x, y ≥ 0  →  x = 3, y = 1, objective 11.
    @Test("CGLPK builds, links and solves a small LP")
    func solvesSmallLP() throws {
        let problem = GLPKProblem(name: "tiny", sense: .maximize)
        try problem.addColumns(2, kind: .continuous, bounds: .atLeast(0), objective: [3, 2])
        var rows = GLPKRowBatch()
        rows.append(columns: [0, 1], values: [1, 1], bounds: .atMost(4))
        rows.append(columns: [0, 1], values: [1, 3], bounds: .atMost(6))
        rows.append(columns: [0], values: [1], bounds: .atMost(3))
        try problem.addRows(rows)
        let (status, objective) = try problem.solveLP()
        #expect(status == .optimal)
        #expect(abs(objective - 11) < 1e-9)
        #expect(abs(problem.lpValue(0) - 3) < 1e-9)
        #expect(abs(problem.lpValue(1) - 1) < 1e-9)
    }

    /// max 5a + 4b + 3c  s.t.  2a + 3b + c ≤ 5,  4a + b + 2c ≤ 11,  3a + 4b + 2c ≤ 8, binary:
    /// the LP optimum is fractional (13.0 at a = 1, b = 0, c = 1 is integral here, so use a knapsack
    /// that is not): max 8a + 11b + 6c + 4d s.t. 5a + 7b + 4c + 3d ≤ 14 → optimum 21 (b, c, d).
    @Test("a small knapsack MIP is solved to proven optimality")
    func solvesKnapsack() throws {
        let problem = GLPKProblem(name: "knapsack", sense: .maximize)
        try problem.addColumns(4, kind: .binary, objective: [8, 11, 6, 4])
        var rows = GLPKRowBatch()
        rows.append(columns: 0..<4, values: [5, 7, 4, 3], bounds: .atMost(14))
        try problem.addRows(rows)
        let outcome = try problem.solveMIP()
        #expect(outcome.isProvenOptimal)
        #expect(outcome.objective == 21)
        #expect(outcome.bound == 21)
        #expect(problem.mipValues() == [0, 1, 1, 1])
    }

    @Test("a warm start is accepted when feasible and rejected when not")
    func warmStart() throws {
        let problem = GLPKProblem(name: "warm", sense: .maximize)
        try problem.addColumns(4, kind: .binary, objective: [8, 11, 6, 4])
        var rows = GLPKRowBatch()
        rows.append(columns: 0..<4, values: [5, 7, 4, 3], bounds: .atMost(14))
        try problem.addRows(rows)
        #expect(throws: GLPKError.self) { try problem.solveMIP(warmStart: [1, 1, 1, 0]) }
        let outcome = try problem.solveMIP(warmStart: [1, 1, 0, 0])
        #expect(outcome.objective == 21)
    }

    @Test("invalid arguments throw instead of aborting")
    func invalidArguments() throws {
        let problem = GLPKProblem()
        try problem.addColumns(2, kind: .continuous)
        var rows = GLPKRowBatch()
        rows.append(columns: [0, 5], values: [1, 1], bounds: .atMost(1))
        #expect(throws: GLPKError.self) { try problem.addRows(rows) }
        var twice = GLPKRowBatch()
        twice.append(columns: [1, 1], values: [1, 1], bounds: .atMost(1))
        #expect(throws: GLPKError.self) { try problem.addRows(twice) }
        var empty = GLPKRowBatch()
        empty.append(columns: [0], values: [1], bounds: .between(2, 1))
        #expect(throws: GLPKError.self) { try problem.addRows(empty) }
        #expect(problem.rowCount == 0)
    }

    @Test("models are written by GLPK's LP and MPS writers")
    func writesModels() throws {
        let problem = GLPKProblem(name: "written")
        try problem.addColumns(2, kind: .binary, objective: [1, 2], names: ["x", "y"])
        var rows = GLPKRowBatch()
        rows.append(columns: [0, 1], values: [1, 1], bounds: .atLeast(1), name: "cover")
        try problem.addRows(rows)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lp = dir.appendingPathComponent("m.lp").path
        let mps = dir.appendingPathComponent("m.mps").path
        try problem.write(to: lp, format: .cplexLP)
        try problem.write(to: mps, format: .freeMPS)
        let lpText = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(lpText.contains("Minimize"))
        #expect(lpText.contains("cover"))
        #expect(lpText.contains("Generals") || lpText.contains("Binary"))
        let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
        #expect(mpsText.contains("ROWS"))
        #expect(mpsText.contains("cover"))
    }
}
