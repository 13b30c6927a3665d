import Foundation
import Testing
@testable import SlotSolver

/// The exact solver as its users meet it: any clinic shape, any time limit. Its answer is the
/// brute-force optimum on tiny instances of every shape, never worse than greedy's on larger
/// ones, always feasible, with a bound that holds, and on time.
@Suite("Anytime rebooking")
struct AnytimeSolverTests {
    static let tinyRange = DateRange(first: day("2026-12-07"), count: 5)
    static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    static func tiny(_ seed: Int, _ shape: RandomClinic.Shape) -> TestClinic {
        RandomClinic.make(seed: UInt64(seed), doctors: 2, reps: 2, patients: 2, items: 10, range: tinyRange,
                          windowMinutes: 30...45, workdays: weekdays, earlyDates: true, shape: shape)
    }

    @Test("tiny instances of every shape: the brute-force optimum, proven",
          arguments: RandomClinic.Shape.allCases, 0..<25)
    func bruteForceByShape(shape: RandomClinic.Shape, seed: Int) throws {
        let clinic = Self.tiny(seed, shape)
        let opts = options(.glpk, range: Self.tinyRange, grid: 15)
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        let optimum = BruteForceRebooker.optimum(clinic.model, options: opts, items: exact.moves)
        #expect(RebookingChecker.violations(of: exact, model: clinic.model, options: opts) == [])
        #expect(exact.objective == optimum, "\(shape) seed \(seed)")
        #expect(exact.status == .optimal, "\(shape) seed \(seed)")
        #expect(exact.bound == Double(optimum))
    }

    /// The exact neighbourhood search that large parts start with, forced onto every part with
    /// neighbourhoods of three items: the exact stages after it still reach the optimum, proven.
    @Test("neighbourhood search first, tiny neighbourhoods: the brute-force optimum, proven",
          arguments: RandomClinic.Shape.allCases, 0..<8)
    func neighbourhoodsFirst(shape: RandomClinic.Shape, seed: Int) throws {
        let clinic = Self.tiny(seed, shape)
        var opts = options(.glpk, range: Self.tinyRange, grid: 15)
        opts.parameters.neighbourhoodPartSize = 1
        opts.parameters.neighbourhoodFirstColumnLimit = 0
        opts.parameters.neighbourhoodSize = 3
        opts.parameters.ruinAndRecreateBetweenRoundsSeconds = 0.01
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        let optimum = BruteForceRebooker.optimum(clinic.model, options: opts, items: exact.moves)
        #expect(RebookingChecker.violations(of: exact, model: clinic.model, options: opts) == [])
        #expect(exact.objective == optimum, "\(shape) seed \(seed)")
        #expect(exact.status == .optimal, "\(shape) seed \(seed)")
    }

    /// The neighbourhood search alone, from greedy's solution, on every part (no other stage,
    /// no ruin and recreate between its rounds): each answer is feasible, loses no item and is
    /// never worse than greedy's, and across seeds the search finds better ones (the guard that
    /// it is not vacuous).
    @Test("the neighbourhood search alone: feasible, never worse than greedy, and it improves")
    func neighbourhoodSearchAloneImproves() throws {
        let range = DateRange(first: day("2026-12-07"), count: 14)
        var improvedOn = 0
        for seed in 0..<6 {
            let shape = RandomClinic.Shape.allCases[seed % RandomClinic.Shape.allCases.count]
            let clinic = RandomClinic.make(seed: UInt64(2_000 + seed), doctors: 8, reps: 4, patients: 10, items: 120,
                                           range: range, shape: shape)
            var opts = options(.glpk, range: range)
            opts.parameters.ruinAndRecreateBetweenRoundsSeconds = 0
            opts.parameters.neighbourhoodSize = 20
            let instance = RebookingInstance(model: clinic.model, options: opts)
            let greedy = GreedyRebooker.solve(instance)
            let parts = IndependentParts.split(instance)
            let store = IncumbentStore(instance: instance, parts: parts, start: greedy)
            let solver = ExactRebooker(instance: instance, options: opts, deadline: .after(seconds: 3), progress: nil)
            for p in parts.indices where !store.isClosed(p) {
                try solver.neighbourhoodSearch(p, store: store, until: solver.deadline) { store.isClosed(p) }
            }
            let result = Rebooker.assemble(store.solution, instance: instance, model: clinic.model, solver: .glpk,
                                           status: .feasible, bound: 0, seconds: 0)
            #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts) == [])
            #expect(store.objective <= greedy.objective(in: instance), "\(shape) seed \(seed)")
            let greedyResult = Rebooker.assemble(greedy, instance: instance, model: clinic.model, solver: .greedy,
                                                 status: .feasible, bound: 0, seconds: 0)
            #expect(result.moves.map(\.record) == greedyResult.moves.map(\.record), "the same items, none lost")
            if store.objective < greedy.objective(in: instance) { improvedOn += 1 }
        }
        #expect(improvedOn >= 3, "the search improved on greedy in \(improvedOn) of 6 instances")
    }

    /// Guards the brute-force cases against vacuity: every shape has items, and across shapes
    /// greedy misses the optimum and items stay unplaced.
    @Test("the tiny instances of every shape are not trivial")
    func shapesAreInteresting() throws {
        var greedyWorse = 0, unplaced = 0
        for shape in RandomClinic.Shape.allCases {
            var items = 0
            for seed in 0..<25 {
                let clinic = Self.tiny(seed, shape)
                var opts = options(.glpk, range: Self.tinyRange, grid: 15)
                let exact = try Rebooker.rebook(clinic.model, options: opts)
                opts.solver = .greedy
                let greedy = try Rebooker.rebook(clinic.model, options: opts)
                items += exact.moves.count
                unplaced += exact.appointments.unplaced + exact.repVisits.unplaced
                if greedy.objective > exact.objective { greedyWorse += 1 }
            }
            #expect(items >= 40, "\(shape): \(items) items in 25 instances")
            print("\(shape): \(items) items")
        }
        print("greedy worse on \(greedyWorse), \(unplaced) unplaced")
        #expect(greedyWorse >= 4)
        #expect(unplaced >= 50)
    }

    @Test("every shape, larger instances: feasible, never worse than greedy, bounds that hold",
          arguments: RandomClinic.Shape.allCases, 0..<6)
    func neverWorseThanGreedy(shape: RandomClinic.Shape, seed: Int) throws {
        let range = DateRange(first: day("2026-12-07"), count: 14)
        let clinic = RandomClinic.make(seed: UInt64(1_000 + seed), doctors: 6, reps: 4, patients: 6, items: 60,
                                       range: range, shape: shape)
        var opts = options(.greedy, range: range, grid: [5, 15][seed % 2])
        let greedy = try Rebooker.rebook(clinic.model, options: opts)
        opts.solver = .glpk
        opts.timeLimitSeconds = 2
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        #expect(RebookingChecker.violations(of: exact, model: clinic.model, options: opts) == [])
        #expect(exact.objective <= greedy.objective, "\(shape) seed \(seed)")
        #expect(exact.bound <= Double(exact.objective))
        #expect(exact.bound >= greedy.bound, "the trivial bound is the least the exact solver proves")
        #expect(exact.moves.map(\.record) == greedy.moves.map(\.record), "the same items, none lost")
    }

    /// A clinic whose one rep and one patient link every doctor into one large part: the stages
    /// that build models over such a part (the masters' pattern and schedule enumeration, the
    /// time-indexed rows) must all stop at the deadline. A generous bound: it is a correctness
    /// property, not a benchmark.
    @Test("a large linked clinic with a 1-second limit answers within a few seconds",
          arguments: [false, true])
    func deadlineHolds(forcingMasters: Bool) throws {
        let range = DateRange(first: day("2026-12-07"), count: 14)
        let clinic = RandomClinic.make(seed: 77, doctors: 40, reps: 30, patients: 200, items: 6_000, range: range,
                                       windowMinutes: 120...240, shape: .sharedPeople)
        var opts = options(.glpk, range: range)
        opts.timeLimitSeconds = 1
        if forcingMasters {
            opts.parameters.masterPartLimit = .max
            opts.parameters.timeIndexedFirstShare = 0
        }
        let started = ContinuousClock.now
        let result = try Rebooker.rebook(clinic.model, options: opts)
        let elapsed = started.duration(to: .now)
        #expect(elapsed < .seconds(4), "took \(elapsed)")
        print("\(result.moves.count) items, \(result.parts) parts, \(elapsed), objective \(result.objective), bound \(result.bound)")
        #expect(result.moves.count >= 1_000, "the instance is large: \(result.moves.count) items")
        #expect(result.status != .optimal || result.objective == Int(result.bound))
        #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts) == [])
    }

    @Test("ruin and recreate keeps every rule, loses no item and never gets worse", arguments: 0..<20)
    func ruinAndRecreateIsSafe(seed: Int) throws {
        let range = DateRange(first: day("2026-12-07"), count: 14)
        let shape = RandomClinic.Shape.allCases[seed % RandomClinic.Shape.allCases.count]
        let clinic = RandomClinic.make(seed: UInt64(seed), doctors: 5, reps: 3, patients: 5, items: 50,
                                       range: range, shape: shape)
        let opts = options(.greedy, range: range)
        let instance = RebookingInstance(model: clinic.model, options: opts)
        let greedy = GreedyRebooker.solve(instance)
        var reported: [Int] = []
        let improved = RuinAndRecreate(instance: instance, parameters: SolverParameters())
            .improve(greedy, movable: Array(instance.items.indices), deadline: .never) {
                reported.append($0.objective(in: instance))
            }
        #expect(improved.objective(in: instance) <= greedy.objective(in: instance))
        #expect(reported == reported.sorted(by: >), "each reported solution is better than the one before")
        #expect(reported.last.map { $0 == improved.objective(in: instance) } ?? true)
        let result = Rebooker.assemble(improved, instance: instance, model: clinic.model, solver: .greedy,
                                       status: .feasible, bound: 0, seconds: 0)
        #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts) == [])
        let again = RuinAndRecreate(instance: instance, parameters: SolverParameters())
            .improve(greedy, movable: Array(instance.items.indices), deadline: .never)
        #expect(again == improved, "seeded: the same run twice gives the same solution")
    }

    @Test("the Lagrangian bound of the time-indexed model never passes the optimum", arguments: 0..<40)
    func lagrangianBoundHolds(seed: Int) throws {
        let shape = RandomClinic.Shape.allCases[seed % RandomClinic.Shape.allCases.count]
        let clinic = Self.tiny(seed, shape)
        let opts = options(.glpk, range: Self.tinyRange, grid: 15)
        let instance = RebookingInstance(model: clinic.model, options: opts)
        let items = Array(instance.items.indices)
        let rows = try TimeIndexedRows(instance: instance, items: items)
        let lagrangian = TimeIndexedLagrangian(instance: instance, rows: rows,
                                               partOfItem: [Int](repeating: 0, count: items.count), partCount: 1)
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        let optimum = BruteForceRebooker.optimum(clinic.model, options: opts, items: exact.moves)
        let parameters = SolverParameters()
        let bound = lagrangian.maximize(upperBound: { Double(optimum) }, deadline: .never,
                                        maxSteps: parameters.lagrangianMaxSteps, patience: parameters.lagrangianPatience,
                                        minimumStepFactor: parameters.lagrangianMinimumStepFactor) { _ in }
        #expect(bound[0] <= Double(optimum), "\(shape) seed \(seed)")
        #expect(bound[0] >= Double(Rebooker.trivialLowerBound(instance)))
    }

    @Test("the incumbent store takes each part's better placements and keeps the best bound")
    func storeKeepsTheBestPerPart() throws {
        var clinic = TestClinic(doctors: 2, reps: 2)
        clinic.schedule(doctor: 0, .tuesday, reps: "13:00-13:30")
        clinic.schedule(doctor: 0, .wednesday, reps: "13:00-13:30")
        clinic.schedule(doctor: 1, .tuesday, reps: "13:00-13:30")
        clinic.schedule(doctor: 1, .wednesday, reps: "13:00-13:30")
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", status: .rescheduled)
        clinic.visit(doctor: 1, rep: 1, "2026-12-07", "13:00", status: .rescheduled)
        let instance = RebookingInstance(model: clinic.model, options: options(.glpk))
        let parts = IndependentParts.split(instance)
        #expect(parts.count == 2)
        let unplaced = RebookingSolution(unplacedCount: 2)
        let store = IncumbentStore(instance: instance, parts: parts, start: unplaced)
        let objectiveUnplaced = store.objective
        var late = unplaced
        late.placements[parts[0][0]] = .init(day: 2, start: 13 * 60)   // Wednesday
        #expect(store.offer(late))
        var early = unplaced
        early.placements[parts[0][0]] = .init(day: 1, start: 13 * 60)  // Tuesday
        early.placements[parts[1][0]] = .init(day: 2, start: 13 * 60)
        #expect(store.offer(early))
        #expect(store.solution.placements[parts[0][0]].day == 1)
        #expect(store.solution.placements[parts[1][0]].day == 2)
        #expect(!store.offer(late), "worse for every part: nothing taken")
        #expect(store.objective == objectiveUnplaced - (7 - 1) - (7 - 2))
        store.raiseBound(1, part: 0)
        store.raiseBound(0, part: 0)
        #expect(store.bounds[0] == 1)
        #expect(store.isClosed(0))
        #expect(!store.isClosed(1))
    }
}

@Suite("Deadline")
struct DeadlineTests {
    @Test("never has no time left and never passes")
    func never() throws {
        #expect(Deadline.never.remainingSeconds == nil)
        #expect(!Deadline.never.hasPassed)
        try Deadline.never.check()
        #expect(Deadline.never.secondsLeft(atMost: 3) == 3)
        #expect(Deadline.never.capped(atMost: 0).hasPassed)
    }

    @Test("a passed deadline throws; caps and reserves only move it earlier")
    func passing() throws {
        let past = Deadline.after(seconds: -1)
        #expect(past.hasPassed)
        #expect(past.remainingSeconds == 0)
        #expect(throws: DeadlineReached.self) { try past.check() }
        let soon = Deadline.after(seconds: 30)
        #expect(!soon.hasPassed)
        #expect(soon.remainingSeconds! > 29 && soon.remainingSeconds! <= 30)
        #expect(soon.capped(atMost: 1).remainingSeconds! <= 1)
        #expect(soon.capped(atMost: 100).remainingSeconds! <= 30)
        #expect(soon.reserving(10).remainingSeconds! <= 20)
        #expect(soon.secondsLeft(atMost: 5) == 5)
        #expect(Deadline.after(seconds: 1e300).remainingSeconds! > 1e9, "a huge limit is as good as never, and does not trap")
    }
}
