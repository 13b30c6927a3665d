import Foundation
import Testing
@testable import SlotSolver

@Suite("Rebooking optimality")
struct OptimalityTests {
    static let tinyRange = DateRange(first: day("2026-12-07"), count: 5)

    static func tiny(_ seed: UInt64) -> TestClinic {
        RandomClinic.make(seed: seed, doctors: 2, reps: 2, patients: 2, items: 10, range: tinyRange,
                          windowMinutes: 30...45, workdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
                          earlyDates: true)
    }

    @Test("on tiny random instances the GLPK objective equals the brute-force optimum",
          arguments: 0..<200)
    func matchesBruteForce(seed: Int) throws {
        let clinic = Self.tiny(UInt64(seed))
        var opts = options(.glpk, range: Self.tinyRange, grid: 15)
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        opts.solver = .greedy
        let greedy = try Rebooker.rebook(clinic.model, options: opts)
        let optimum = BruteForceRebooker.optimum(clinic.model, options: opts, items: exact.moves)
        #expect(exact.objective == optimum, "seed \(seed)")
        #expect(exact.status == .optimal)
        #expect(exact.bound == Double(optimum))
        #expect(greedy.objective >= optimum)
        #expect(greedy.moves.map(\.record) == exact.moves.map(\.record))
    }

    /// The path large parts take (column generation, LP rounding, a neighbourhood MIP, then the
    /// restricted master) gives valid solutions with valid bounds, here forced on small instances.
    @Test("column generation path: valid solutions and bounds that hold", arguments: 0..<40)
    func columnGenerationPath(seed: Int) throws {
        let clinic = Self.tiny(UInt64(seed))
        var opts = options(.glpk, range: Self.tinyRange, grid: 15)
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        opts.parameters.patternColumnLimit = 0
        opts.parameters.usesScheduleMaster = false
        opts.parameters.timeIndexedFirstShare = 0
        let generated = try Rebooker.rebook(clinic.model, options: opts)
        #expect(RebookingChecker.violations(of: generated, model: clinic.model, options: opts) == [])
        #expect(generated.objective >= exact.objective)
        #expect(generated.bound <= Double(exact.objective))
        if generated.status == .optimal { #expect(generated.objective == exact.objective) }
    }

    /// Doctors split into small groups for the schedule master (here every doctor with more than
    /// two items) still give the optimum, with valid bounds.
    @Test("split doctors in the schedule master: still the optimum, with bounds that hold", arguments: 0..<60)
    func splitDoctors(seed: Int) throws {
        let clinic = Self.tiny(UInt64(seed))
        var opts = options(.glpk, range: Self.tinyRange, grid: 15)
        opts.parameters.scheduleItemLimit = 2
        opts.parameters.timeIndexedFirstShare = 0
        let split = try Rebooker.rebook(clinic.model, options: opts)
        let optimum = BruteForceRebooker.optimum(clinic.model, options: opts, items: split.moves)
        #expect(RebookingChecker.violations(of: split, model: clinic.model, options: opts) == [])
        #expect(split.bound <= Double(optimum), "seed \(seed)")
        #expect(split.objective == optimum, "seed \(seed)")
    }

    /// The date-assignment master alone (the schedule master off) still solves to optimality.
    @Test("date-assignment master alone: the brute-force optimum", arguments: 0..<60)
    func dateAssignmentMasterAlone(seed: Int) throws {
        try expectProvenOptimum(seed: seed) {
            $0.usesScheduleMaster = false
            $0.timeIndexedFirstShare = 0
        }
    }

    /// Solves tiny instance `seed` with `tune` applied to the solver's parameters and expects
    /// the brute-force optimum, proven.
    private func expectProvenOptimum(seed: Int, _ tune: (inout SolverParameters) -> Void) throws {
        let clinic = Self.tiny(UInt64(seed))
        var opts = options(.glpk, range: Self.tinyRange, grid: 15)
        tune(&opts.parameters)
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        let optimum = BruteForceRebooker.optimum(clinic.model, options: opts, items: exact.moves)
        #expect(exact.objective == optimum, "seed \(seed)")
        #expect(exact.status == .optimal)
        #expect(exact.bound == Double(optimum))
    }

    /// The schedule master (then the date-assignment master), without the time-indexed MIP
    /// that parts try first: the brute-force optimum.
    @Test("schedule master without the time-indexed MIP first: the brute-force optimum", arguments: 0..<100)
    func scheduleMasterAlone(seed: Int) throws {
        try expectProvenOptimum(seed: seed) { $0.timeIndexedFirstShare = 0 }
    }

    /// The time-indexed MIP with GLPK's defaults (no cuts, most-fractional branching: what
    /// parts too large for Driebeck–Tomlin get) closes tiny parts on its own: the brute-force optimum.
    @Test("time-indexed MIP without cuts, most-fractional branching: the brute-force optimum", arguments: 0..<60)
    func timeIndexedWithoutCuts(seed: Int) throws {
        try expectProvenOptimum(seed: seed) {
            $0.timeIndexedCuts = false
            $0.timeIndexedTomlinColumnLimit = 0
            $0.masterPartLimit = 0
        }
    }

    /// Guards the test above against vacuity: the instances must have items, unplaced items,
    /// and cases where greedy is not optimal.
    @Test("the tiny random instances are not trivial")
    func tinyInstancesAreInteresting() throws {
        var items = 0, unplaced = 0, greedyWorse = 0
        for seed in 0..<200 {
            let clinic = Self.tiny(UInt64(seed))
            let opts = options(.glpk, range: Self.tinyRange, grid: 15)
            let exact = try Rebooker.rebook(clinic.model, options: opts)
            var greedyOptions = opts
            greedyOptions.solver = .greedy
            let greedy = try Rebooker.rebook(clinic.model, options: greedyOptions)
            items += exact.moves.count
            unplaced += exact.appointments.unplaced + exact.repVisits.unplaced
            if greedy.objective > exact.objective { greedyWorse += 1 }
        }
        #expect(items >= 400)
        #expect(unplaced >= 30)
        #expect(greedyWorse >= 8)
        print("tiny instances: \(items) items, \(unplaced) unplaced, greedy worse on \(greedyWorse) of 200")
    }

    @Test("glpsol on the exported model finds the same optimum", arguments: [3, 7, 11, 19, 23])
    func exportedModelAgrees(seed: Int) throws {
        let glpsol = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(glpsol != nil, "glpsol is installed with GLPK")
        let clinic = RandomClinic.make(seed: UInt64(seed), doctors: 3, reps: 3, patients: 3, items: 14,
                                       range: week, windowMinutes: 30...60)
        let opts = options(.glpk)
        let result = try Rebooker.rebook(clinic.model, options: opts)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, flag) in [("model.lp", "--lp"), ("model.mps", "--freemps")] {
            let path = dir.appendingPathComponent(name).path
            try Rebooker.exportModel(clinic.model, options: opts, to: path)
            let out = dir.appendingPathComponent(name + ".out").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: glpsol!)
            process.arguments = [flag, path, "-o", out]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let report = try String(contentsOfFile: out, encoding: .utf8)
            let objectiveLine = report.split(separator: "\n").first { $0.hasPrefix("Objective:") }
            let value = objectiveLine.flatMap { line in
                line.split(separator: " ").compactMap { Double($0) }.first
            }
            #expect(value == Double(result.objective), "\(name): \(objectiveLine ?? "no objective")")
            #expect(report.contains("INTEGER OPTIMAL"))
        }
    }

    @Test("export rejects a file name without .lp or .mps")
    func exportNeedsKnownFormat() {
        let clinic = Self.tiny(1)
        #expect(throws: RebookingError.self) {
            try Rebooker.exportModel(clinic.model, options: options(.glpk), to: "/tmp/model.txt")
        }
    }
}
