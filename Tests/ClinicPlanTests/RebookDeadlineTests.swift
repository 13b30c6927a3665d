import Foundation
import Testing

/// `rebook --time-limit` is a promise about the whole run, loading included, on any clinic.
@Suite struct RebookDeadlineTests {
    /// The 200-doctor clinic of `generate`'s own example shape (seed 12): before the deadline went
    /// into every stage, `--time-limit 2` on it took 102 s. A generous bound: it is a correctness
    /// property, not a benchmark: the tests run the debug build, beside the suite's other tests
    /// on 2 cores, where the fixed work after the deadline (loading, greedy, the independent
    /// check, the output) alone takes about 1 s of CPU. Measured: 1.8-2.4 s alone (debug), 4.02 s
    /// once inside the full parallel suite; the release build ends 1.17 s after its start at
    /// `--time-limit 1` on a 1,000-doctor clinic.
    @Test func aHardClinicAnswersWithinItsTimeLimit() throws {
        let root = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try Tool.generate(into: root, name: "clinic", ["--doctors", "200", "--reps", "150", "--patients", "3000",
                                                                   "--rescheduled", "1000", "--seed", "12", "--from", "2026-12-06"])
        let range = ["--data", folder, "--from", "2026-12-06", "--not-before", "2026-12-06", "--days", "14", "--format", "json"]
        let greedy = try summary(Tool.run(["rebook", "--solver", "greedy"] + range))
        let started = ContinuousClock.now
        let run = try Tool.run(["rebook", "--time-limit", "1"] + range)
        let elapsed = started.duration(to: .now)
        let exact = try summary(run)
        #expect(elapsed < .seconds(8), "took \(elapsed)")
        #expect(exact["status"] as? String == "time_limit")
        let objective = try #require((exact["objective"] as? NSNumber)?.doubleValue)
        let bound = try #require((exact["bound"] as? NSNumber)?.doubleValue)
        let greedyObjective = try #require((greedy["objective"] as? NSNumber)?.doubleValue)
        let greedyBound = try #require((greedy["bound"] as? NSNumber)?.doubleValue)
        #expect(objective <= greedyObjective, "never worse than greedy")
        #expect(bound <= objective)
        #expect(bound >= greedyBound)
    }

    /// A year-long range: every item has a column per grid start of every working day, tens of
    /// millions in all. Building the time-indexed rows once ran 2 s past `--time-limit 5` on this
    /// 60-doctor clinic; they check the deadline as they grow. Measured 2.3 s (debug, alone), the
    /// bound as generous as the test above's.
    @Test func aYearLongRangeAnswersWithinItsTimeLimit() throws {
        let root = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try Tool.generate(into: root, name: "clinic", ["--doctors", "60", "--reps", "40", "--patients", "800",
                                                                   "--rescheduled", "200", "--seed", "5", "--from", "2026-12-06"])
        let started = ContinuousClock.now
        let exact = try summary(Tool.run(["rebook", "--data", folder, "--from", "2026-12-06", "--not-before", "2026-12-06",
                                          "--days", "365", "--time-limit", "2", "--format", "json"]))
        let elapsed = started.duration(to: .now)
        #expect(elapsed < .seconds(8), "took \(elapsed)")
        #expect(exact["status"] as? String == "time_limit" || exact["status"] as? String == "optimal")
        let objective = try #require((exact["objective"] as? NSNumber)?.doubleValue)
        let bound = try #require((exact["bound"] as? NSNumber)?.doubleValue)
        #expect(bound <= objective && objective > 0)
    }

    private func summary(_ run: ToolRun) throws -> [String: Any] {
        try #require(run.status == 0 || run.status == 1, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return try #require(object?["summary"] as? [String: Any])
    }
}
