import Foundation
import SlotSolver

/// The `rebook` suite: the greedy and the exact (GLPK) rebooking solvers on seeded random clinics,
/// with `glpsol` on the exported monolithic model as the baseline, in the same run. Prints a
/// markdown table.
///
/// Options: `--sizes 10x20,200x1000,1000x5000` (doctors x rescheduled visits), `--runs 3` (exact
/// runs per size; the median is reported), `--gap 0` (relative gap asked of the exact solver),
/// `--time-limit 60` (seconds, exact solver), `--glpsol-limit 120` (seconds; 0 skips glpsol),
/// `--seed 7`.
func runRebookBenchmark(_ arguments: [String]) {
    var sizes: [(doctors: Int, visits: Int)] = [(10, 20), (200, 1_000), (1_000, 5_000)]
    var runs = 3
    var gap = 0.0
    var timeLimit = 60.0
    var glpsolLimit = 120
    var seed: UInt64 = 7
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--sizes":
            sizes = value.split(separator: ",").compactMap { pair in
                let parts = pair.split(separator: "x").compactMap { Int($0) }
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
        case "--runs": runs = Int(value) ?? runs
        case "--gap": gap = Double(value) ?? gap
        case "--time-limit": timeLimit = Double(value) ?? timeLimit
        case "--glpsol-limit": glpsolLimit = Int(value) ?? glpsolLimit
        case "--seed": seed = UInt64(value) ?? seed
        default:
            print("unknown option \(arguments[i])")
            return
        }
        i += 2
    }

    print("## Rebooking: greedy and exact (GLPK, decomposed + Benders) vs. glpsol on the monolithic model")
    print()
    print("Machine: \(machineDescription()). Seed \(seed); range \(RebookBenchmarkModel.range) "
          + "(14 days), grid 5 min; exact solver: relative gap \(gap), time limit \(Int(timeLimit)) s, "
          + "\(runs) runs (median, min–max); glpsol: `--tmlim \(glpsolLimit)` on the exported .lp, 1 run.")
    print()
    print("| doctors | rescheduled | parts (MIP) | greedy | greedy objective | exact | status | objective | bound | greedy gap | glpsol | glpsol result |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | :--- | ---: | ---: | ---: | ---: | :--- |")
    for size in sizes {
        let model = RebookBenchmarkModel.make(doctors: size.doctors, rescheduled: size.visits,
                                              seed: seed &+ UInt64(size.doctors))
        var options = RebookingOptions(range: RebookBenchmarkModel.range, solver: .greedy)
        do {
            let (greedySeconds, greedyResult) = try measureThrowing { try Rebooker.rebook(model, options: options) }
            options.solver = .glpk
            options.relativeGap = gap
            options.timeLimitSeconds = timeLimit
            var times: [Double] = []
            var exact: RebookingResult?
            for _ in 0..<max(1, runs) {
                let (seconds, result) = try measureThrowing { try Rebooker.rebook(model, options: options) }
                times.append(seconds)
                exact = result
            }
            let result = exact!
            let timing = TimingSummary(times)
            let greedyGap = Double(greedyResult.objective - result.objective) / Double(max(1, result.objective))
            var glpsolCell = "—", glpsolResult = "skipped"
            if glpsolLimit > 0 {
                (glpsolCell, glpsolResult) = runGlpsol(model: model, options: options, limit: glpsolLimit)
            }
            print("| \(size.doctors) | \(size.visits) | \(result.parts) (\(result.partsSolvedByMIP)) "
                  + "| \(TimingSummary.format(greedySeconds)) | \(greedyResult.objective) "
                  + "| \(TimingSummary.format(timing.median)) (\(TimingSummary.format(timing.min))–\(TimingSummary.format(timing.max))) "
                  + "| \(result.status.rawValue) | \(result.objective) | \(String(format: "%.0f", result.bound)) "
                  + "| \(String(format: "%.2f%%", greedyGap * 100)) | \(glpsolCell) | \(glpsolResult) |")
        } catch {
            print("| \(size.doctors) | \(size.visits) | failed: \(error) |")
        }
    }
}

private func measureThrowing<T>(_ body: () throws -> T) throws -> (Double, T) {
    var outcome: Result<T, Error>!
    let (seconds, _) = measureSeconds { outcome = Result { try body() } }
    return (seconds, try outcome.get())
}

/// Exports the monolithic model and solves it with `glpsol --tmlim`; returns the wall time and
/// "status, objective" as glpsol reports them.
private func runGlpsol(model: ClinicModel, options: RebookingOptions, limit: Int) -> (String, String) {
    guard let glpsol = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
    }) else { return ("—", "glpsol not installed") }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rebook-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    do {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lp = dir.appendingPathComponent("model.lp").path
        let out = dir.appendingPathComponent("model.out").path
        try Rebooker.exportModel(model, options: options, to: lp)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = ["--lp", lp, "--tmlim", String(limit), "-o", out]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let (seconds, _) = measureSeconds { () -> Int32 in
            do { try process.run() } catch { return -1 }
            process.waitUntilExit()
            return process.terminationStatus
        }
        let report = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let lines = report.split(separator: "\n")
        let status = lines.first { $0.hasPrefix("Status:") }.map { $0.dropFirst(7).trimmingCharacters(in: .whitespaces) }
        let objective = lines.first { $0.hasPrefix("Objective:") }.flatMap { line in
            line.split(separator: " ").compactMap { Double($0) }.first
        }
        let result = status.map { "\($0), \(objective.map { String(format: "%.0f", $0) } ?? "no objective")" }
            ?? "no solution within \(limit) s"
        return (TimingSummary.format(seconds), result)
    } catch {
        return ("—", "export failed: \(error)")
    }
}
