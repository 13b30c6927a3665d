/// Progress of long work on standard error ("phase 42%"), only when standard error is a terminal,
/// so that logs and pipes stay clean.
struct Progress {
    let enabled: Bool

    func report(_ phase: String, _ fraction: Double) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded())
        FileOutput.standardError.write("\r\u{1B}[K\(phase) \(percent)%")
    }

    func finish() {
        guard enabled else { return }
        FileOutput.standardError.write("\r\u{1B}[K")
    }
}
