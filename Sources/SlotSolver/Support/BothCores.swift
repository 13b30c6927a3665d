import Dispatch

/// Two pieces of work run at the same time, one per core of the 2-core machines the project
/// targets: the conflict sweeps (doctors beside reps and patients) and the two halves of a large
/// report. Each piece writes only its own result, so nothing is shared while they run.
public enum BothCores {
    /// Runs `first` and `second` concurrently (one of them on the calling thread) and returns both
    /// results once both have finished.
    public static func run<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let pair = Pair(first, second)
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { pair.firstResult = pair.first() } else { pair.secondResult = pair.second() }
                }
                return (pair.firstResult!, pair.secondResult!)
            }
        }
    }

    /// The work and its results; each thread touches only its own half, and
    /// `concurrentPerform` returns after both threads have finished.
    private final class Pair<First, Second>: @unchecked Sendable {
        let first: () -> First
        let second: () -> Second
        var firstResult: First?
        var secondResult: Second?

        init(_ first: @escaping () -> First, _ second: @escaping () -> Second) {
            self.first = first
            self.second = second
        }
    }
}
