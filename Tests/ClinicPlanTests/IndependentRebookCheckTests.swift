import Foundation
import Testing

/// Every rebooking, greedy's and GLPK's, on a clinic of every generator shape and on exports of
/// other tools' shapes, passes `benchmarks/check_rebook.py`: a checker written from the spec
/// alone, sharing no code with the tool, that reads the files itself and checks that no item is
/// lost and every rule holds.
@Suite struct IndependentRebookCheckTests {
    static let shapes = ["standard", "closures", "near-cap", "overfull", "shared-people", "long-visits", "no-closures"]
    /// Other tools' export shapes, written by `benchmarks/shapes.py` from a generated folder.
    static let exportShapes = ["pretty", "canonical", "weekly"]
    static let clinicSize = ["--doctors", "12", "--reps", "9", "--patients", "150", "--rescheduled", "40", "--from", "2026-12-06"]

    @Test(arguments: shapes.enumerated().map { ($0.offset + 1, $0.element) })
    func everyGeneratorShapePassesTheIndependentCheck(seed: Int, shape: String) throws {
        let root = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // Half of them in a zone other than UTC, written as canonical Extended JSON arrays.
        let zone = seed.isMultiple(of: 2) ? ["--timezone", "America/New_York", "--mode", "canonical", "--layout", "json-array"] : []
        let folder = try Tool.generate(into: root, name: shape, Self.clinicSize + ["--seed", String(seed), "--shape", shape] + zone)
        try checkBothSolvers(folder: folder, root: root)
    }

    @Test(arguments: exportShapes)
    func otherToolsExportShapesPassTheIndependentCheck(exportShape: String) throws {
        let root = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try Tool.generate(into: root, name: "source", Self.clinicSize + ["--seed", "11", "--shape", "closures"])
        let folder = root.appendingPathComponent(exportShape).path
        let rewritten = try Tool.runScript("benchmarks/shapes.py", [source, folder, exportShape])
        try #require(rewritten.status == 0, "\(rewritten.stderr)")
        try checkBothSolvers(folder: folder, root: root)
    }

    /// Rebooks 21 days with a holiday for every doctor, with both solvers, and checks each answer.
    private func checkBothSolvers(folder: String, root: URL) throws {
        let options = ["--data", folder, "--from", "2026-12-06", "--days", "21", "--not-before", "2026-12-06",
                       "--close", "2026-12-09:Holiday", "--format", "json"]
        var objectives: [String: Int] = [:]
        for solver in ["greedy", "glpk"] {
            let run = try Tool.run(["rebook", "--solver", solver, "--time-limit", "5"] + options)
            try #require(run.status == 0 || run.status == 1, "\(solver): \(run.stderr)")
            let result = root.appendingPathComponent("\(solver).json")
            try Data(run.stdout.utf8).write(to: result)
            let checked = try Tool.runScript("benchmarks/check_rebook.py", [folder, result.path, "--close", "2026-12-09:Holiday"])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any],
                                      "\(checked.stdout)\(checked.stderr)")
            #expect(checked.status == 0 && report["ok"] as? Bool == true, "\(solver): \(report["errors"] ?? checked.stderr)")
            // Not vacuous: the holiday and the rescheduled visits give every clinic items to place.
            #expect((report["items"] as? Int ?? 0) > 20 && (report["placed"] as? Int ?? 0) > 0, "\(solver): \(report)")
            objectives[solver] = report["objective"] as? Int
        }
        let greedy = try #require(objectives["greedy"]), exact = try #require(objectives["glpk"])
        #expect(exact <= greedy, "GLPK's \(exact) is worse than greedy's \(greedy)")
    }
}
