import Foundation

/// The machine a benchmark ran on, for the table's heading: architecture, CPU model, cores.
/// (Any suite may use it.)
func machineDescription() -> String {
    var name = utsname()
    uname(&name)
    let architecture = withUnsafeBytes(of: &name.machine) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n")
        .first { $0.hasPrefix("model name") }
        .flatMap { $0.split(separator: ":", maxSplits: 1).last }
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
        .split(separator: " ").first.map(String.init) ?? "?"
    return "\(architecture), \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores "
        + "(1-minute load average \(load) at start)"
}

/// Wall-clock seconds of `body`, by the monotonic clock.
func measureSeconds<T>(_ body: () -> T) -> (seconds: Double, result: T) {
    let clock = ContinuousClock()
    var result: T?
    let elapsed = clock.measure { result = body() }
    let (s, atto) = elapsed.components
    return (Double(s) + Double(atto) * 1e-18, result!)
}

/// Median, minimum and maximum of some timings.
struct TimingSummary {
    var median: Double
    var min: Double
    var max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        median = sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                                       : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }

    /// "12.3 ms" style.
    static func format(_ seconds: Double) -> String {
        if seconds >= 100 { return String(format: "%.0f s", seconds) }
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 0.001 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.0f µs", seconds * 1e6)
    }
}
