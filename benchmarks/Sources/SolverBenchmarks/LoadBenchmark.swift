import ClinicData
import Foundation

/// The `load` suite: the loader's throughput per collection file (read, parse, type, validate;
/// one file on one core, as `DataFolder.load` reads each file), the whole folder with both cores,
/// and two baselines on the same files: Foundation's `JSONDecoder` and Python's `json` module
/// (`benchmarks/json_baseline.py`). Prints a markdown table and, with `--json FILE`, appends one
/// JSON object per measurement for `report`.
///
/// Options: `--data DIR[,DIR…]` (data folders), `--runs 5`, `--baseline-runs 1` (0 skips
/// JSONDecoder), `--baseline-max-mb 64` (larger files skip JSONDecoder), `--python SCRIPT`
/// (the Python baseline, one run per file), `--json FILE`.
func runLoadBenchmark(_ arguments: [String]) {
    var folders: [String] = []
    var runs = 5, baselineRuns = 1
    var baselineMaxMB = 64.0
    var jsonPath: String?
    var pythonScript: String?
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--data": folders = value.split(separator: ",").map(String.init)
        case "--runs": runs = Int(value) ?? runs
        case "--baseline-runs": baselineRuns = Int(value) ?? baselineRuns
        case "--baseline-max-mb": baselineMaxMB = Double(value) ?? baselineMaxMB
        case "--json": jsonPath = value
        case "--python": pythonScript = value
        default:
            print("unknown option \(arguments[i])")
            return
        }
        i += 2
    }
    let results = BenchmarkResults(path: jsonPath)

    print("## Loading: throughput per collection file")
    print()
    print("Machine: \(machineDescription()). \(runs) runs per file (median, min–max); one file on one core, "
          + "files already in the page cache. MB = 10⁶ bytes. JSONDecoder: \(baselineRuns) run(s) per file up to "
          + "\(Int(baselineMaxMB)) MB, decoding each document into a generic JSON value. Python: "
          + "`json.loads` on the same file (one run, `benchmarks/json_baseline.py`), into dicts and lists.")
    print()
    print("| folder | file | MB | documents | loader | loader MB/s | JSONDecoder | JSONDecoder MB/s | speed-up | Python json MB/s | speed-up |")
    print("| :--- | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for folder in folders {
        let label = folder.split(separator: "/").last.map(String.init) ?? folder
        var folderBytes = 0
        let python = pythonScript.map { pythonBaseline($0, folder: folder) } ?? [:]
        for collection in CollectionName.allCases {
            guard let name = collection.acceptedFileNames.first(where: {
                FileManager.default.fileExists(atPath: folder + "/" + $0)
            }) else { continue }
            let path = folder + "/" + name
            var times: [Double] = []
            // One run first, not counted: page cache, lazily bound symbols, first allocations.
            var stats: CollectionFileStats? = try? DataFolder.loadFile(path, as: collection)
            for _ in 0..<max(1, runs) {
                // The records are freed after the measurement, as a command keeps them until it exits.
                stats = nil
                let (seconds, result) = measureSeconds { try? DataFolder.loadFile(path, as: collection) }
                times.append(seconds)
                stats = result
            }
            guard let stats else {
                print("| \(label) | \(name) | could not be read | | | | | | | | |")
                continue
            }
            folderBytes += stats.bytes
            let timing = TimingSummary(times)
            let megabytes = Double(stats.bytes) / 1e6
            let rate = megabytes / timing.median
            var baselineCell = "—", baselineRateCell = "—", ratioCell = "—"
            var baselineMedian: Double?
            if baselineRuns > 0, megabytes <= baselineMaxMB {
                var baselineTimes: [Double] = []
                for _ in 0..<baselineRuns {
                    baselineTimes.append(measureSeconds { JSONDecoderBaseline.decode(path) }.seconds)
                }
                let baseline = TimingSummary(baselineTimes)
                baselineMedian = baseline.median
                baselineCell = TimingSummary.format(baseline.median)
                baselineRateCell = String(format: "%.0f", megabytes / baseline.median)
                ratioCell = String(format: "%.0f×", baseline.median / timing.median)
            }
            let pythonMedian = python[name]
            let pythonCells = pythonMedian.map {
                String(format: "%.0f | %.0f×", megabytes / $0, $0 / timing.median)
            } ?? "— | —"
            print("| \(label) | \(name) | \(String(format: "%.1f", megabytes)) | \(stats.documents) "
                  + "| \(timing.cell) | \(String(format: "%.0f", rate)) | \(baselineCell) | \(baselineRateCell) | \(ratioCell) "
                  + "| \(pythonCells) |")
            results.append([
                "suite": "load", "folder": label, "file": name, "bytes": stats.bytes, "documents": stats.documents,
                "median": timing.median, "min": timing.min, "max": timing.max,
                "baseline_median": baselineMedian ?? NSNull(), "python_median": pythonMedian ?? NSNull(),
                "careful_documents": stats.carefulDocuments,
            ])
        }
        // The whole folder, files in parallel, with the checks between files.
        var times: [Double] = []
        var loaded: LoadedFolder?
        for _ in 0..<max(1, runs) {
            loaded = nil
            let (seconds, result) = measureSeconds { try? DataFolder.load(from: URL(fileURLWithPath: folder)) }
            times.append(seconds)
            loaded = result
        }
        let timing = TimingSummary(times)
        let megabytes = Double(folderBytes) / 1e6
        let careful = loaded?.reading.filter { $0.carefulDocuments > 0 }.map(\.summary) ?? []
        print("| \(label) | **whole folder, both cores** | \(String(format: "%.1f", megabytes)) | | \(timing.cell) "
              + "| \(String(format: "%.0f", megabytes / timing.median)) | | | | | |")
        if !careful.isEmpty { print("| \(label) | careful path: \(careful.joined(separator: "; ")) | | | | | | | | | |") }
        results.append([
            "suite": "load-folder", "folder": label, "bytes": folderBytes,
            "median": timing.median, "min": timing.min, "max": timing.max,
        ])
    }
}

/// Python's `json` module on every file of `folder`: the median seconds by file name.
private func pythonBaseline(_ script: String, folder: String) -> [String: Double] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    let output = runProcess("/usr/bin/env", ["python3", script, "1"] + names.map { folder + "/" + $0 }).output
    var medians: [String: Double] = [:]
    for line in output.split(separator: "\n") {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let file = object["file"] as? String, let median = (object["median"] as? NSNumber)?.doubleValue else { continue }
        medians[file.split(separator: "/").last.map(String.init) ?? file] = median
    }
    return medians
}

extension TimingSummary {
    /// "12.3 ms (11.9–13.0 ms)" style.
    var cell: String {
        "\(TimingSummary.format(median)) (\(TimingSummary.format(min))–\(TimingSummary.format(max)))"
    }
}

/// Results for `report`, one JSON object per line, appended to a file.
final class BenchmarkResults {
    let path: String?

    init(path: String?) { self.path = path }

    func append(_ object: [String: Any]) {
        guard let path, let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: data + Data("\n".utf8))
    }
}
