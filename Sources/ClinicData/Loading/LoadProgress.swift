import Foundation

/// Where loading a folder has got to, for a progress display: the phase ("loading", "checking
/// references") and the fraction done. Called from the loading threads.
public struct LoadProgress: Sendable {
    public let report: @Sendable (_ phase: String, _ fraction: Double) -> Void

    public init(_ report: @escaping @Sendable (_ phase: String, _ fraction: Double) -> Void) {
        self.report = report
    }

    func report(_ phase: String, _ fraction: Double) { report(phase, fraction) }
}

/// A running total shared by the loading threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    /// Adds `amount` and returns the new total.
    func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        total += amount
        return total
    }
}
