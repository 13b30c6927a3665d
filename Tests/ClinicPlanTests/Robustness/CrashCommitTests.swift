import EngineTestSupport
import Foundation
import SlotSolver
import Testing

/// Writers killed with SIGKILL at every step of a commit and at seeded random moments: the next
/// command sees the whole old state or the whole new one (every collection file compared byte
/// for byte with both), the audit log has the change's line exactly when the change happened,
/// and no lock or journal is left behind. `tests/crash/run.sh` runs many more random trials.
@Suite(.serialized) struct CrashCommitTests {
    static let admin = "admin@clinicplan.example"

    /// One writing command on the sample; `arguments` takes the data folder.
    struct WritingCommand: CustomStringConvertible, Sendable {
        var description: String
        var arguments: @Sendable (String) -> [String]
        var stdin: String?
    }

    static let commands = [
        WritingCommand(description: "rebook --apply", arguments: {
            ["rebook", "--data", $0, "--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14", "--close", "2026-12-01:Training",
             "--solver", "greedy", "--apply", "--as", admin]
        }),
        WritingCommand(description: "book", arguments: {
            ["book", "--data", $0, "--doctor", "65f000010000000000000001", "--patient", "65f000020000000000000003",
             "--date", "2026-12-08", "--time", "09:40", "--as", admin]
        }),
        WritingCommand(description: "cancel", arguments: {
            ["cancel", "65f000060000000000000003", "--data", $0, "--as", admin]
        }),
        WritingCommand(description: "close", arguments: {
            ["close", "--doctor", "65f000010000000000000002", "--date", "2026-12-16", "--reason", "Training",
             "--data", $0, "--as", admin]
        }),
        WritingCommand(description: "users add", arguments: {
            ["users", "add", "--data", $0, "--email", "new.desk@clinicplan.example", "--name", "New Desk",
             "--role", "admin", "--password-stdin", "--cost", "4", "--as", admin]
        }, stdin: "new-desk-pw\n"),
    ]

    /// Random kills per command (more from `CLINIC_PLAN_CRASH_TRIALS`, as the script sets it).
    static let randomTrials = ProcessInfo.processInfo.environment["CLINIC_PLAN_CRASH_TRIALS"].flatMap { Int($0) } ?? 4

    /// The folder's state with the one salted hash a `users add` makes replaced by a marker,
    /// so that two runs of it compare equal (every other byte is the same).
    static func comparable(_ files: [String: Data]) -> [String: Data] {
        var files = files
        if let users = files["users.json"] {
            let text = String(decoding: users, as: UTF8.self)
            let masked = text.replacingOccurrences(of: #"\$2b\$04\$[./A-Za-z0-9]{53}"#, with: "<new hash>",
                                                   options: .regularExpression)
            files["users.json"] = Data(masked.utf8)
        }
        return files
    }

    enum Seen: Equatable { case old, new }

    /// Runs `command` to be killed (at `crashPoint`, or after `delay`), then `validate` as the
    /// next command, and says which state that command saw; records an issue for anything else.
    static func trial(_ command: WritingCommand, crashPoint: String?, delay: Double, old: [String: Data],
                      new: [String: Data]) throws -> Seen? {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let extra = crashPoint.map { ["CLINIC_PLAN_CRASH_AFTER": $0] } ?? [:]
        let status = try Tool.runKilled(after: delay, command.arguments(clinic.path), environment: Tool.environment(extra),
                                        stdin: command.stdin)
        if crashPoint != nil { #expect(status == 137, "\(command) at \(crashPoint!): exit \(status)") }
        let next = try Tool.run(["validate", "--data", clinic.path], environment: Tool.environment())
        #expect(next.status == 0, "\(command), \(crashPoint ?? "after \(delay) s"): \(next.stderr)\(next.stdout)")
        let seen = comparable(clinic.snapshot())
        let confirmed = clinic.auditLines().filter { $0.contains(#""outcome":"confirmed""#) }.count
        #expect(!clinic.exists(".clinic-plan.journal"), "\(command): a journal was left")
        #expect(clinic.lockIsFree(), "\(command): the lock is still held")
        if seen == old {
            #expect(confirmed == 0, "\(command): unchanged folder with a confirmed audit line")
            return .old
        }
        if seen == new {
            #expect(confirmed == 1, "\(command): changed folder with \(confirmed) confirmed audit line(s)")
            return .new
        }
        let mixed = seen.keys.filter { seen[$0] != old[$0] }.sorted()
        Issue.record("\(command), \(crashPoint ?? "after \(delay) s"): a mixed folder (changed: \(mixed))")
        return nil
    }

    @Test(arguments: commands)
    func killedAtEveryStepAndAtRandomMomentsTheNextCommandSeesAWholeState(_ command: WritingCommand) throws {
        let base = try ScratchClinic()
        defer { base.remove() }
        let old = Self.comparable(base.snapshot())
        let started = Date()
        let done = try Tool.run(command.arguments(base.path), environment: Tool.environment(), stdin: command.stdin)
        let runtime = Date().timeIntervalSince(started)
        #expect(done.status == 0, "\(done.stderr)")
        let new = Self.comparable(base.snapshot())
        let renames = new.keys.filter { new[$0] != old[$0] }.count
        #expect(renames >= 1)
        #expect(base.auditLines().count == 1)

        // Before the journal is in place nothing has changed; from then on the change is decided.
        let steps = ["staged", "journal"] + (1...renames).map { "rename:\($0)" } + ["audit", "committed"]
        for step in steps {
            let seen = try Self.trial(command, crashPoint: step, delay: 30, old: old, new: new)
            #expect(seen == (step == "staged" ? .old : .new), "\(command) killed after \(step)")
        }
        var random = SplitMix64(seed: UInt64(command.description.utf8.count))
        for _ in 0..<Self.randomTrials {
            _ = try Self.trial(command, crashPoint: nil, delay: Double.random(in: 0...runtime * 1.2, using: &random),
                               old: old, new: new)
        }
    }
}
