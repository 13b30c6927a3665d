import ClinicData
import Foundation
import SlotSolver

/// The `endtoend` suite: on generated data folders, conflict detection by the engine alone
/// (occurrences expanded beforehand) and the built tool end to end (`clinic-plan conflicts` and
/// `clinic-plan plan --format json -o FILE`, process start to exit, with its peak memory), against
/// the O(n²) pairwise check (on the first 1k, 3k and 10k occurrences of the smallest instance) and
/// a pandas script and a plain-Python sort-and-sweep script on the same files. Prints a markdown
/// table; `--json FILE` appends the results.
///
/// Options: `--tool PATH` (the release clinic-plan), `--instances NAME=DIR,…` (folders with
/// 2026-12-06 as their first booking day), `--days 56`, `--runs 5`, `--format csv` (of
/// `conflicts`), `--plan-runs N` (default `--runs`; 0 skips `plan`), `--pandas SCRIPT`,
/// `--pandas-runs 1`, `--sweep SCRIPT` (`benchmarks/conflicts_sweep.py`), `--json FILE`.
func runEndToEndBenchmark(_ arguments: [String]) {
    var tool = ".build-release/release/clinic-plan"
    var instances: [(name: String, path: String)] = []
    var days = 56, runs = 5, pandasRuns = 1
    var planRuns: Int?
    var format = "csv"
    var pandasScript: String?
    var sweepScript: String?
    var jsonPath: String?
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--tool": tool = value
        case "--instances":
            instances = value.split(separator: ",").compactMap { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
        case "--days": days = Int(value) ?? days
        case "--runs": runs = Int(value) ?? runs
        case "--pandas": pandasScript = value
        case "--pandas-runs": pandasRuns = Int(value) ?? pandasRuns
        case "--plan-runs": planRuns = Int(value)
        case "--format": format = value
        case "--sweep": sweepScript = value
        case "--json": jsonPath = value
        default:
            print("unknown option \(arguments[i])")
            return
        }
        i += 2
    }
    let results = BenchmarkResults(path: jsonPath)
    let first = LocalDate(year: 2026, month: 12, day: 6)!
    let range = DateRange(first: first, count: days)

    print("## Conflicts and plans end to end, on generated clinics")
    print()
    print("Machine: \(machineDescription()). Range \(range) (\(days) days); \(runs) runs per measurement "
          + "(median, min–max). *Engine*: conflict detection on occurrences expanded beforehand. *conflicts*: "
          + "`clinic-plan conflicts --format \(format)` and *plan*: `clinic-plan plan --week \(first) --format json -o FILE`, "
          + "each timed from process start to exit (release build), peak memory as the process's max RSS "
          + "(and its ratio to the files' size). pandas: `benchmarks/conflicts_pandas.py` (JSON Lines only); "
          + "Python sweep: `benchmarks/conflicts_sweep.py` (json module, sort and sweep), "
          + "\(pandasRuns) run(s) each, on the same files.")
    print()
    print("| instance | MB | occurrences | conflicts | engine | conflicts end to end | peak memory | plan JSON end to end | peak memory | pandas | pandas / clinic-plan | Python sweep | sweep / clinic-plan | same counts |")
    print("| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")

    var smallest: (occurrences: [Occurrence], model: ClinicModel, calendar: WorkCalendar)?
    for instance in instances {
        guard let loaded = try? DataFolder.load(from: URL(fileURLWithPath: instance.path)), loaded.errors.isEmpty else {
            print("| \(instance.name) | could not be loaded | | | | | | | | | | | | |")
            continue
        }
        let bytes = loaded.files.reduce(0) { $0 + folderFileSize(instance.path + "/" + $1.fileName) }
        let mapping = ModelMapping(loaded.dataset, timeZone: .utc)
        let calendar = WorkCalendar(mapping.model)
        let occurrences = OccurrenceExpansion.occurrences(of: mapping.model, calendar: calendar, in: range)
        if smallest == nil { smallest = (occurrences, mapping.model, calendar) }

        var engineTimes: [Double] = []
        var report = ConflictReport(conflicts: [])
        for _ in 0..<max(1, runs) {
            let (seconds, result) = measureSeconds {
                ConflictDetector.detect(occurrences: occurrences, model: mapping.model, calendar: calendar)
            }
            engineTimes.append(seconds)
            report = result
        }
        let engine = TimingSummary(engineTimes)

        let conflicts = runTool(tool, ["conflicts", "--stats", "--data", instance.path, "--from", "\(first)",
                                       "--days", "\(days)", "--format", format], runs: runs)
        var plan: (timing: TimingSummary, peakMB: Int)?
        if planRuns ?? runs > 0 {
            let planFile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-plan-\(getpid()).json").path
            plan = runTool(tool, ["plan", "--stats", "--data", instance.path, "--week", "\(first)", "--format", "json",
                                  "-o", planFile], runs: planRuns ?? runs)
            try? FileManager.default.removeItem(atPath: planFile)
        }

        let ours = Dictionary(uniqueKeysWithValues: report.summary.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) })
        var agreements: [String] = []
        /// A Python baseline's median and its cells (time, ratio to clinic-plan's conflicts).
        func baseline(_ script: String?) -> (median: Double?, cells: String) {
            guard let script, pandasRuns > 0 else { return (nil, "— | —") }
            var times: [Double] = []
            var summary: [String: Int]?
            for _ in 0..<pandasRuns {
                let (seconds, output) = measureSeconds {
                    runProcess("/usr/bin/env", ["python3", script, instance.path, "\(first)", "\(days)"]).output
                }
                times.append(seconds)
                summary = (try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])?["summary"]
                    as? [String: Int]
            }
            guard let summary else { return (nil, "failed | —") }
            agreements.append(ours == summary ? "yes" : "NO")
            let timing = TimingSummary(times)
            return (timing.median, TimingSummary.format(timing.median)
                    + String(format: " | %.1f×", timing.median / conflicts.timing.median))
        }
        let pandas = baseline(pandasScript)
        let sweep = baseline(sweepScript)
        let agreeCell = agreements.isEmpty ? "—" : agreements.joined(separator: ", ")
        let peakRatio = Double(conflicts.peakMB) * 1_048_576 / Double(max(1, bytes))
        let planCells = plan.map { "\($0.timing.cell) | \($0.peakMB) MB" } ?? "— | —"
        print("| \(instance.name) | \(String(format: "%.0f", Double(bytes) / 1e6)) | \(occurrences.count) "
              + "| \(report.conflicts.count) | \(engine.cell) | \(conflicts.timing.cell) "
              + "| \(conflicts.peakMB) MB (\(String(format: "%.2f", peakRatio))× the files) "
              + "| \(planCells) | \(pandas.cells) | \(sweep.cells) | \(agreeCell) |")
        results.append([
            "suite": "endtoend", "instance": instance.name, "bytes": bytes, "occurrences": occurrences.count,
            "conflicts": report.conflicts.count,
            "engine_median": engine.median, "engine_min": engine.min, "engine_max": engine.max,
            "conflicts_median": conflicts.timing.median, "conflicts_min": conflicts.timing.min,
            "conflicts_max": conflicts.timing.max, "conflicts_peak_mb": conflicts.peakMB,
            "plan_median": plan?.timing.median ?? NSNull(), "plan_min": plan?.timing.min ?? NSNull(),
            "plan_max": plan?.timing.max ?? NSNull(), "plan_peak_mb": plan?.peakMB ?? NSNull(),
            "pandas_median": pandas.median ?? NSNull(), "sweep_median": sweep.median ?? NSNull(),
            "baselines_agree": !agreements.contains("NO"), "format": format, "days": days,
        ])
    }

    // The pairwise check compares every pair: run on prefixes of the smallest instance only.
    guard let smallest else { return }
    print()
    print("| O(n²) pairwise check, occurrences | pairwise | engine | pairwise / engine |")
    print("| ---: | ---: | ---: | ---: |")
    for size in [1_000, 3_000, 10_000] where size <= smallest.occurrences.count {
        let prefix = Array(smallest.occurrences.prefix(size))
        let pairwise = TimingSummary((0..<3).map { _ in
            measureSeconds { ConflictBaseline.count(prefix, model: smallest.model, calendar: smallest.calendar) }.seconds
        })
        let engine = TimingSummary((0..<max(1, runs)).map { _ in
            measureSeconds {
                ConflictDetector.detect(occurrences: prefix, model: smallest.model, calendar: smallest.calendar)
            }.seconds
        })
        print("| \(size) | \(pairwise.cell) | \(engine.cell) | \(String(format: "%.0f×", pairwise.median / engine.median)) |")
        results.append(["suite": "pairwise", "occurrences": size, "median": pairwise.median, "min": pairwise.min,
                        "max": pairwise.max, "engine_median": engine.median])
    }
}

/// Wall-clock times of `runs` runs of the tool, and the largest peak memory its `--stats` line reported.
private func runTool(_ tool: String, _ arguments: [String], runs: Int) -> (timing: TimingSummary, peakMB: Int) {
    var times: [Double] = []
    var peak = 0
    for _ in 0..<max(1, runs) {
        let (seconds, result) = measureSeconds { runProcess(tool, arguments, discardOutput: true) }
        times.append(seconds)
        // "stats: wall 1.234 s, loading 0.987 s, peak memory 1170 MB (max RSS)"
        if let range = result.error.range(of: "peak memory "),
           let megabytes = Int(result.error[range.upperBound...].prefix { $0.isNumber }) {
            peak = max(peak, megabytes)
        }
    }
    return (TimingSummary(times), peak)
}

/// Runs a program to completion; its standard output (unless discarded) and standard error.
func runProcess(_ path: String, _ arguments: [String], discardOutput: Bool = false) -> (output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    // Output to a file, errors (a line or two) through a pipe: neither can fill up and block.
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bench-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    if discardOutput {
        process.standardOutput = FileHandle.nullDevice
    } else {
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
    }
    let err = Pipe()
    process.standardError = err
    do { try process.run() } catch { return ("", "\(error)") }
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = discardOutput ? Data() : (FileManager.default.contents(atPath: outputPath) ?? Data())
    return (String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
}

private func folderFileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}
