import SlotSolver

/// The exact solver's progress on standard error (best objective, bound, gap, time), only when
/// standard error is a terminal.
struct SolverProgress {
    let enabled: Bool

    func report(_ progress: RebookingProgress) {
        guard enabled else { return }
        let gap = progress.incumbent == 0 ? 0 : (Double(progress.incumbent) - progress.bound) / Double(progress.incumbent)
        let line = "\(progress.phase): best \(progress.incumbent), bound \(format(progress.bound)), "
            + "gap \(format(max(0, gap) * 100))%, \(format(progress.seconds)) s"
        FileOutput.standardError.write("\r\u{1B}[K" + line)
    }

    func finish() {
        guard enabled else { return }
        FileOutput.standardError.write("\r\u{1B}[K")
    }

    private func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
