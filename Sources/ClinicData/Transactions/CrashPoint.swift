#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A test hook, not a feature: `CLINIC_PLAN_CRASH_AFTER=STEP` makes the process kill itself
/// with SIGKILL right after that step of a commit, so that the crash tests can stop a writer
/// at exactly the moments that matter (a random `kill -9` rarely lands there). The steps, in
/// order: `staged` (every new file written and synced), `journal` (the journal is in place),
/// `rename:N` (the N-th file renamed over its target), `audit` (the audit line appended),
/// `committed` (the journal removed, the lock still held). Unset, it costs one `getenv`.
enum CrashPoint {
    private static let wanted: String? = getenv("CLINIC_PLAN_CRASH_AFTER").map { String(cString: $0) }

    static func reached(_ step: String) {
        guard let wanted, wanted == step else { return }
        kill(getpid(), SIGKILL)
    }
}
