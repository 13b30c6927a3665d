import ClinicData
import Foundation

/// The `load` suite: the loader's throughput per collection file (read, parse, type, validate;
/// one file on one core, as `DataFolder.load` reads each file), the whole folder with both cores,
/// and Foundation's `JSONDecoder` on the same files as the baseline. Prints a markdown table and,
/// with `--json FILE`, appends one JSON object per measurement for `report`.
///
/// Options: `--data DIR[,DIR…]` (data folders), `--runs 5`, `--baseline-runs 1` (0 skips
/// JSONDecoder), `--baseline-max-mb 64` (larger files skip the baseline), `--json FILE`.
func runLoadBenchmark(_ arguments: [String]) {
    var folders: [String] = []
    var runs = 5, baselineRuns = 1
    var baselineMaxMB = 64.0
    var jsonPath: String?
    var i = 0
    while i < arguments.count {
        let value = i + 1 < arguments.count ? arguments[i + 1] : ""
        switch arguments[i] {
        case "--data": folders = value.split(separator: ",").map(String.init)
        case "--runs": runs = Int(value) ?? runs
        case "--baseline-runs": baselineRuns = Int(value) ?? baselineRuns
        case "--baseline-max-mb": baselineMaxMB = Double(value) ?? baselineMaxMB
        case "--json": jsonPath = value
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
          + "\(Int(baselineMaxMB)) MB, decoding each document into a generic JSON value.")
    print()
    print("| folder | file | MB | documents | loader | loader MB/s | JSONDecoder | JSONDecoder MB/s | speed-up |")
    print("| :--- | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for folder in folders {
        let label = folder.split(separator: "/").last.map(String.init) ?? folder
        var folderBytes = 0
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
                print("| \(label) | \(name) | could not be read | | | | | | |")
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
            print("| \(label) | \(name) | \(String(format: "%.1f", megabytes)) | \(stats.documents) "
                  + "| \(timing.cell) | \(String(format: "%.0f", rate)) | \(baselineCell) | \(baselineRateCell) | \(ratioCell) |")
            results.append([
                "suite": "load", "folder": label, "file": name, "bytes": stats.bytes, "documents": stats.documents,
                "median": timing.median, "min": timing.min, "max": timing.max,
                "baseline_median": baselineMedian ?? NSNull(),
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
        _ = loaded
        let timing = TimingSummary(times)
        let megabytes = Double(folderBytes) / 1e6
        print("| \(label) | **whole folder, both cores** | \(String(format: "%.1f", megabytes)) | | \(timing.cell) "
              + "| \(String(format: "%.0f", megabytes / timing.median)) | | | |")
        results.append([
            "suite": "load-folder", "folder": label, "bytes": folderBytes,
            "median": timing.median, "min": timing.min, "max": timing.max,
        ])
    }
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
