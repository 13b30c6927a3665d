import ClinicData
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--stats`: how long the command took (in all, and loading the data folder) and its peak
/// memory, printed on standard error when the process exits, so that large runs can be sized.
enum RunStats {
    nonisolated(unsafe) private static var started = 0.0
    nonisolated(unsafe) private static var loadSeconds: Double?
    nonisolated(unsafe) private static var reading: [FileReading] = []

    static func enable() {
        started = now()
        atexit { RunStats.print() }
    }

    /// `reading`: how each file was read, so that a slow export explains itself.
    static func recordLoad(seconds: Double, reading: [FileReading]) {
        loadSeconds = seconds
        self.reading = reading
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func print() {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // Linux reports the peak resident set size in kilobytes.
        let peakMB = Double(usage.ru_maxrss) / 1024
        var line = "stats: wall " + format(now() - started) + " s"
        if let loadSeconds { line += ", loading " + format(loadSeconds) + " s" }
        line += ", peak memory " + String(Int(peakMB.rounded())) + " MB (max RSS)\n"
        let careful = reading.filter { $0.carefulDocuments > 0 }
        if !reading.isEmpty && careful.isEmpty {
            line += "stats: every document took the fast path\n"
        }
        for file in careful { line += "stats: " + file.summary + "\n" }
        FileOutput.standardError.write(line)
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }
}

/// Keeps a value alive until the process exits. A command's last use of a large loaded folder
/// would otherwise free millions of small objects one by one (a quarter of a second on a
/// million appointments) just before the process exits, which frees them all at once.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
