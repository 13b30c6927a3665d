import Foundation
import SlotSolver

/// `export-rebook`: writes the monolithic rebooking models of the `rebook` suite (same sizes, same
/// seeds, same range and grid) as `.mps` and `.lp` files, so that other solvers run on exactly the
/// models glpsol and clinic-plan's GLPK solver see (`benchmarks/highs_rebook.py` runs HiGHS on them).
///
/// Options: `--sizes 10x20,200x1000,1000x5000` (doctors x rescheduled visits), `--seed 7`, `--dir DIR`.
func runRebookExport(_ arguments: [String]) {
    var sizes: [(doctors: Int, visits: Int)] = [(10, 20), (200, 1_000), (1_000, 5_000)]
    var seed: UInt64 = 7
    var directory = "."
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--sizes":
            sizes = value.split(separator: ",").compactMap { pair in
                let parts = pair.split(separator: "x").compactMap { Int($0) }
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
        case "--seed": seed = UInt64(value) ?? seed
        case "--dir": directory = value
        default:
            print("unknown option \(arguments[i])")
            return
        }
        i += 2
    }
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for size in sizes {
        // As the `rebook` suite makes them.
        let model = RebookBenchmarkModel.make(doctors: size.doctors, rescheduled: size.visits,
                                              seed: seed &+ UInt64(size.doctors))
        let options = RebookingOptions(range: RebookBenchmarkModel.range, solver: .glpk)
        for ext in ["mps", "lp"] {
            let path = "\(directory)/rebook-\(size.doctors)x\(size.visits).\(ext)"
            do {
                try Rebooker.exportModel(model, options: options, to: path)
                print("wrote \(path)")
            } catch {
                print("could not write \(path): \(error)")
            }
        }
    }
}
