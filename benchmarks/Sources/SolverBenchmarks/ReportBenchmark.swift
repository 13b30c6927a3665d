import Foundation

/// `report`: assembles `benchmarks/results.md` from one `benchmarks/run`: the machine, whether the
/// targets of the large-instance issue are met (with the figures that say so), the log–log plot of
/// time against size, then each suite's own table, in the order the run wrote them.
///
/// Options: `--results FILE` (JSON lines from `load` and `endtoend`), `--sections DIR` (each
/// suite's markdown, `*.md`, in name order), `--highs FILE` (JSON lines from `highs_rebook.py`),
/// `--target-instance NAME` (the 5,000-doctor instance), `--shape-instances NAME,…` (the ~80 MB
/// exports in other tools' shapes, for the half-second target), `--seconds S` (the run's duration),
/// `--out FILE`, `--svg FILE`.
func runReport(_ arguments: [String]) {
    var resultsPath = "", sectionsPath = "", out = "benchmarks/results.md", svgPath = "benchmarks/scaling.svg"
    var highsPath: String?
    var target = "d5000"
    var shapeInstances: [String] = []
    var runSeconds: Double?
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--results": resultsPath = value
        case "--sections": sectionsPath = value
        case "--highs": highsPath = value
        case "--target-instance": target = value
        case "--shape-instances": shapeInstances = value.split(separator: ",").map(String.init)
        case "--seconds": runSeconds = Double(value)
        case "--out": out = value
        case "--svg": svgPath = value
        default:
            print("unknown option \(arguments[i])")
            return
        }
        i += 2
    }
    let rows = jsonLines(resultsPath)
    func number(_ row: [String: Any], _ key: String) -> Double? { (row[key] as? NSNumber)?.doubleValue }

    var text = "# Benchmark results\n\n"
    let date = ISO8601DateFormatter().string(from: Date())
    text += "Written by `benchmarks/run` on \(date)"
    if let runSeconds { text += String(format: " (the whole run took %.1f minutes)", runSeconds / 60) }
    text += ". Machine: \(machineDescription()). Every figure below comes from that one run; "
        + "times are medians of several runs with the minimum and maximum in parentheses.\n\n"

    // MARK: Targets
    text += "## Targets\n\n| target | measured | met |\n| :--- | :--- | :---: |\n"
    let loads = rows.filter { $0["suite"] as? String == "load" }
    func mbps(_ row: [String: Any], _ key: String = "median") -> Double {
        guard let seconds = number(row, key), seconds > 0 else { return 0 }
        return Double(row["bytes"] as? Int ?? 0) / 1e6 / seconds
    }
    if let slowest = loads.min(by: { rate($0) < rate($1) }), let fastest = loads.max(by: { rate($0) < rate($1) }) {
        func where_(_ row: [String: Any]) -> String { "\(row["file"] as? String ?? "?") in \(row["folder"] as? String ?? "?")" }
        let bestDecoder = loads.map { mbps($0, "baseline_median") }.max() ?? 0
        let bestPython = loads.map { mbps($0, "python_median") }.max() ?? 0
        let careful = loads.reduce(0) { $0 + ($1["careful_documents"] as? Int ?? 0) }
        text += "| loading: every collection file, every shape (slowest and fastest file) "
            + "| slowest of \(loads.count) files: \(String(format: "%.0f", rate(slowest))) MB/s (\(where_(slowest))); "
            + "fastest \(String(format: "%.0f", rate(fastest))) MB/s (\(where_(fastest))); "
            + String(format: "JSONDecoder at best %.0f MB/s, Python json at best %.0f MB/s", bestDecoder, bestPython)
            + " | \(rate(slowest) >= 300 ? "yes (≥ 300)" : "**no** (< 300)") |\n"
        text += "| every clean document takes the fast path | \(careful) documents took the careful path | "
            + "\(careful == 0 ? "yes" : "**no**") |\n"
    }
    let folders = rows.filter { $0["suite"] as? String == "load-folder" }
    if let slowest = folders.min(by: { mbps($0) < mbps($1) }), let fastest = folders.max(by: { mbps($0) < mbps($1) }) {
        let sorted = folders.map { mbps($0) }.sorted()
        text += "| loading ≥ 400 MB/s per folder, every shape (both cores) "
            + "| slowest of \(folders.count) folders: \(String(format: "%.0f", mbps(slowest))) MB/s "
            + "(\(slowest["folder"] as? String ?? "?")); median \(String(format: "%.0f", sorted[sorted.count / 2])) MB/s; "
            + "fastest \(String(format: "%.0f", mbps(fastest))) MB/s (\(fastest["folder"] as? String ?? "?")) "
            + "| \(mbps(slowest) >= 400 ? "yes" : "**no**") |\n"
    }
    let endToEndRows = rows.filter { $0["suite"] as? String == "endtoend" }
    let shapes = endToEndRows.filter { shapeInstances.contains($0["instance"] as? String ?? "") }
    if !shapes.isEmpty {
        let medians = shapes.compactMap { number($0, "conflicts_median") }.sorted()
        let worst = shapes.max { (number($0, "conflicts_median") ?? 0) < (number($1, "conflicts_median") ?? 0) }!
        let peakRatios = shapes.map { Double($0["conflicts_peak_mb"] as? Int ?? 0) * 1_048_576 / Double(max(1, $0["bytes"] as? Int ?? 1)) }
        let sweepRatios = shapes.compactMap { row -> Double? in
            guard let sweep = number(row, "sweep_median"), let ours = number(row, "conflicts_median") else { return nil }
            return sweep / ours
        }.sorted()
        let megabytes = shapes.map { Double($0["bytes"] as? Int ?? 0) / 1e6 }
        let occurrences = shapes.map { $0["occurrences"] as? Int ?? 0 }
        text += "| `clinic-plan conflicts --format json` ≤ 0.5 s end to end on the \(shapes.count) shapes of a "
            + String(format: "%.0f–%.0f MB", megabytes.min()!, megabytes.max()!)
            + " export (\(occurrences.min()!)–\(occurrences.max()!) occurrences) "
            + "| median over shapes \(TimingSummary.format(medians[medians.count / 2])), worst "
            + "\(TimingSummary.format(medians.last!)) (\(worst["instance"] as? String ?? "?"))"
            + (sweepRatios.isEmpty ? "" : String(format: "; %.1f×–%.1f× faster than the Python sweep", sweepRatios.first!, sweepRatios.last!))
            + " | \(medians.last! <= 0.5 ? "yes" : "**no**") |\n"
        text += "| peak memory ≤ 1.5× the files, on those shapes "
            + String(format: "| %.2f×–%.2f× the files' size", peakRatios.min()!, peakRatios.max()!)
            + " | \(peakRatios.max()! <= 1.5 ? "yes" : "**no**") |\n"
    }
    if let big = endToEndRows.first(where: { $0["instance"] as? String == target }) {
        let occurrences = big["occurrences"] as? Int ?? 0
        let ratio = Double(big["conflicts_peak_mb"] as? Int ?? 0) * 1_048_576 / Double(max(1, big["bytes"] as? Int ?? 1))
        for (label, key, goal) in [("`clinic-plan conflicts`", "conflicts", 1.0), ("`clinic-plan plan --format json -o FILE`", "plan", 2.0)] {
            guard let median = number(big, key + "_median"), let low = number(big, key + "_min"),
                  let high = number(big, key + "_max") else { continue }
            let peak = big[key + "_peak_mb"] as? Int ?? 0
            text += "| \(label) ≤ \(TimingSummary.format(goal)) on 5,000 doctors, "
                + String(format: "%.0f MB", Double(big["bytes"] as? Int ?? 0) / 1e6)
                + ", \(occurrences) occurrences (release build, wall clock) "
                + "| \(TimingSummary.format(median)) (\(TimingSummary.format(low))–\(TimingSummary.format(high))), "
                + "peak memory \(peak) MB" + (key == "conflicts" ? String(format: " (%.2f× the files)", ratio) : "")
                + " | \(median <= goal ? "yes" : "**no**") |\n"
        }
    }
    text += "\n"

    // MARK: Plot
    let endToEnd = rows.filter { $0["suite"] as? String == "endtoend" }
    func points(_ key: String) -> [(x: Double, y: Double)] {
        endToEnd.compactMap { row in
            guard let x = row["occurrences"] as? Int, let y = number(row, key) else { return nil }
            return (Double(x), y)
        }
    }
    let pairwise = rows.filter { $0["suite"] as? String == "pairwise" }.compactMap { row -> (x: Double, y: Double)? in
        guard let x = row["occurrences"] as? Int, let y = number(row, "median") else { return nil }
        return (Double(x), y)
    }
    let plot = LogLogPlot(
        title: "Conflict detection: time against size (log–log)", xLabel: "occurrences in the range",
        yLabel: "seconds (median)",
        series: [
            .init(name: "O(n²) pairwise", color: "#d62728", points: pairwise),
            .init(name: "pandas script", color: "#ff7f0e", points: points("pandas_median")),
            .init(name: "plan JSON, end to end", color: "#9467bd", points: points("plan_median")),
            .init(name: "conflicts, end to end", color: "#1f77b4", points: points("conflicts_median")),
            .init(name: "engine only", color: "#2ca02c", points: points("engine_median")),
        ])
    try? plot.svg().write(toFile: svgPath, atomically: true, encoding: .utf8)
    let svgName = svgPath.split(separator: "/").last.map(String.init) ?? svgPath
    text += "## Time against size\n\n![Conflict detection time against size, log–log](\(svgName))\n\n"
        + "End to end includes starting the process and loading every file of the folder; the engine "
        + "line is the sort-and-sweep alone. The pairwise check runs on the first 1k, 3k and 10k "
        + "occurrences of the smallest instance only.\n\n"

    // MARK: Suites
    let sections = ((try? FileManager.default.contentsOfDirectory(atPath: sectionsPath)) ?? [])
        .filter { $0.hasSuffix(".md") }.sorted()
    for name in sections {
        if let section = try? String(contentsOfFile: sectionsPath + "/" + name, encoding: .utf8) {
            text += section.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        }
    }
    if let highsPath {
        let highs = jsonLines(highsPath)
        text += "## HiGHS on the exported rebooking models\n\n"
        if let error = highs.first(where: { $0["error"] != nil })?["error"] as? String {
            text += "Not measured: \(error).\n"
        } else {
            text += "highspy (PyPI), one thread, the `rebook` suite's time limit, on the very models the "
                + "`rebook` suite solves (`SolverBenchmarks export-rebook`), 1 run each.\n\n"
                + "| model | HiGHS | status | objective | bound |\n| :--- | ---: | :--- | ---: | ---: |\n"
            for row in highs {
                let objective = number(row, "objective").map { String(format: "%.0f", $0) } ?? "—"
                let bound = number(row, "bound").map { String(format: "%.0f", $0) } ?? "—"
                text += "| \(row["model"] as? String ?? "?") | \(TimingSummary.format(number(row, "seconds") ?? 0)) "
                    + "| \(row["status"] as? String ?? "?") | \(objective) | \(bound) |\n"
            }
        }
        text += "\n"
    }
    try? text.write(toFile: out, atomically: true, encoding: .utf8)
    print("wrote \(out) and \(svgPath)")
}

private func rate(_ row: [String: Any]) -> Double {
    let bytes = Double(row["bytes"] as? Int ?? 0)
    let median = (row["median"] as? NSNumber)?.doubleValue ?? .infinity
    return bytes / 1e6 / median
}

private func jsonLines(_ path: String) -> [[String: Any]] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
}
