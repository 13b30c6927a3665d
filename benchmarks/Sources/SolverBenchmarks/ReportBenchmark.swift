import Foundation

/// `report`: assembles `benchmarks/results.md` from one `benchmarks/run`: the machine, whether the
/// targets of the large-instance issue are met (with the figures that say so), the log–log plot of
/// time against size, then each suite's own table, in the order the run wrote them.
///
/// Options: `--results FILE` (JSON lines from `load` and `endtoend`), `--sections DIR` (each
/// suite's markdown, `*.md`, in name order), `--highs FILE` (JSON lines from `highs_rebook.py`),
/// `--target-instance NAME` (the 5,000-doctor instance), `--seconds S` (the run's duration),
/// `--out FILE`, `--svg FILE`.
func runReport(_ arguments: [String]) {
    var resultsPath = "", sectionsPath = "", out = "benchmarks/results.md", svgPath = "benchmarks/scaling.svg"
    var highsPath: String?
    var target = "d5000"
    var runSeconds: Double?
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--results": resultsPath = value
        case "--sections": sectionsPath = value
        case "--highs": highsPath = value
        case "--target-instance": target = value
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
    if let slowest = loads.min(by: { rate($0) < rate($1) }) {
        let folder = slowest["folder"] as? String ?? "?", file = slowest["file"] as? String ?? "?"
        let fastestBaseline = loads.compactMap { row -> Double? in
            guard let baseline = number(row, "baseline_median"), baseline > 0 else { return nil }
            return Double(row["bytes"] as? Int ?? 0) / 1e6 / baseline
        }.max()
        text += "| loading ≥ 300 MB/s for every collection file, both layouts, both Extended JSON modes "
            + "| slowest of \(loads.count) files: \(String(format: "%.0f", rate(slowest))) MB/s (\(file) in \(folder))"
            + (fastestBaseline.map { String(format: "; JSONDecoder at best %.0f MB/s", $0) } ?? "")
            + " | \(rate(slowest) >= 300 ? "yes" : "**no**") |\n"
    }
    if let big = rows.first(where: { $0["suite"] as? String == "endtoend" && $0["instance"] as? String == target }) {
        let occurrences = big["occurrences"] as? Int ?? 0
        for (label, key) in [("`clinic-plan conflicts`", "conflicts"), ("`clinic-plan plan --format json -o FILE`", "plan")] {
            guard let median = number(big, key + "_median"), let low = number(big, key + "_min"),
                  let high = number(big, key + "_max") else { continue }
            let peak = big[key + "_peak_mb"] as? Int ?? 0
            text += "| \(label) under 2 s on 5,000 doctors, \(occurrences) occurrences (release build, wall clock) "
                + "| \(TimingSummary.format(median)) (\(TimingSummary.format(low))–\(TimingSummary.format(high))), "
                + "peak memory \(peak) MB | \(median < 2 ? "yes" : "**no**") |\n"
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
