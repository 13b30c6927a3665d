import Foundation
import SlotSolver

/// The `conflicts` suite: conflict detection on seeded random clinics of growing size, engine only
/// (occurrences expanded beforehand, outside the timing), against the O(n²) pairwise baseline at
/// the sizes where that finishes. Prints a markdown table.
///
/// Options: `--sizes 1000,10000,100000,1000000`, `--runs 7` (engine runs per size),
/// `--baseline-runs 3`, `--baseline-max 10000` (largest requested size the baseline runs at), `--seed 42`.
func runConflictBenchmark(_ arguments: [String]) {
    var sizes = [1_000, 10_000, 100_000, 1_000_000]
    var runs = 7, baselineRuns = 3, baselineMax = 10_000
    var seed: UInt64 = 42
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
        case "--runs": runs = Int(value) ?? runs
        case "--baseline-runs": baselineRuns = Int(value) ?? baselineRuns
        case "--baseline-max": baselineMax = Int(value) ?? baselineMax
        case "--seed": seed = UInt64(value) ?? seed
        default:
            print("unknown option \(arguments[i])")
            return
        }
        i += 2
    }

    print("## Conflict detection: sort + sweep vs. O(n²) pairwise")
    print()
    print("Machine: \(machineDescription()). Seed \(seed); \(runs) engine runs and \(baselineRuns) "
          + "baseline runs per size; times are median (min–max), engine only (expansion listed apart).")
    print()
    print("| occurrences | conflicts | expansion | engine | engine ns/occ. | pairwise baseline | baseline / engine | counts agree |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")

    // The largest baseline measurement and the largest engine one, for the projection below.
    var lastBaseline: (count: Int, seconds: Double)?
    var lastEngine: (count: Int, seconds: Double)?

    for size in sizes {
        let model = ConflictBenchmarkModel.make(occurrences: size, seed: seed &+ UInt64(size))
        let calendar = WorkCalendar(model)
        let (expansionSeconds, occurrences) = measureSeconds {
            OccurrenceExpansion.occurrences(of: model, calendar: calendar, in: ConflictBenchmarkModel.range)
        }

        var engineTimes: [Double] = []
        var report = ConflictReport(conflicts: [])
        for _ in 0..<Swift.max(1, runs) {
            let (seconds, result) = measureSeconds {
                ConflictDetector.detect(occurrences: occurrences, model: model, calendar: calendar)
            }
            engineTimes.append(seconds)
            report = result
        }
        let engine = TimingSummary(engineTimes)

        var baselineCell = "—", ratioCell = "—", agreeCell = "—"
        if size <= baselineMax {
            var baselineTimes: [Double] = []
            var counts: [ConflictKind: Int] = [:]
            for _ in 0..<Swift.max(1, baselineRuns) {
                let (seconds, result) = measureSeconds {
                    ConflictBaseline.count(occurrences, model: model, calendar: calendar)
                }
                baselineTimes.append(seconds)
                counts = result
            }
            let baseline = TimingSummary(baselineTimes)
            lastBaseline = (occurrences.count, baseline.median)
            baselineCell = "\(TimingSummary.format(baseline.median)) (\(TimingSummary.format(baseline.min))–"
                + "\(TimingSummary.format(baseline.max)))"
            ratioCell = String(format: "%.0f×", baseline.median / engine.median)
            agreeCell = counts == report.summary ? "yes" : "NO"
        }

        lastEngine = (occurrences.count, engine.median)
        let nsPerOccurrence = engine.median * 1e9 / Double(Swift.max(1, occurrences.count))
        print("| \(occurrences.count) | \(report.conflicts.count) | \(TimingSummary.format(expansionSeconds)) "
              + "| \(TimingSummary.format(engine.median)) (\(TimingSummary.format(engine.min))–"
              + "\(TimingSummary.format(engine.max))) | \(String(format: "%.0f", nsPerOccurrence)) "
              + "| \(baselineCell) | \(ratioCell) | \(agreeCell) |")
    }

    print()
    print("'counts agree' compares the baseline's per-kind conflict counts with the engine's summary.")
    if let baseline = lastBaseline, let engine = lastEngine, engine.count > baseline.count {
        // The pairwise baseline compares every pair, so its time grows with the square of n.
        let projected = baseline.seconds * pow(Double(engine.count) / Double(baseline.count), 2)
        print("Projected from its \(baseline.count)-occurrence time, the pairwise baseline would need about "
              + "\(TimingSummary.format(projected)) for \(engine.count) occurrences "
              + String(format: "(%.0f× the engine).", projected / engine.seconds))
    }
}
