import Foundation
import PropertyBased
import PropertyTestSupport
import Testing
@testable import SlotSolver

/// `--not-before`: nothing is placed before it, and a closed slot that began before it stays
/// unless asked (issue 12).
@Suite("Not before")
struct NotBeforeTests {
    static let range = DateRange(first: day("2026-12-07"), count: 7)

    @Test("no placement before the floor, closed slots before it stay, nothing is lost, on random clinics and floors")
    func nothingIsPlacedBeforeTheFloor() async {
        let placedAfterFloor = Counter(), leftBehind = Counter()
        await seededPropertyCheck(count: 80, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...6), Gen.int(in: 0...(23 * 4)),
                            Gen.bool) { seed, dayOffset, quarter, includePast in
            let clinic = RandomClinic.make(seed: UInt64(seed), doctors: 3, reps: 3, patients: 4, items: 18, range: Self.range)
            let floor = LocalMoment(date: Self.range.first.adding(days: dayOffset), minute: MinuteOfDay(Int32(quarter * 15)))
            for solver in RebookingSolverKind.allCases {
                var opts = options(solver, range: Self.range, grid: 15)
                opts.notBefore = floor
                opts.movesEarlierItems = includePast
                do {
                    let result = try Rebooker.rebook(clinic.model, options: opts)
                    #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts) == [])
                    for move in result.moves {
                        if let date = move.toDate, let start = move.toStart {
                            #expect(LocalMoment(date: date, minute: start) >= floor, "seed \(seed): \(move)")
                            placedAfterFloor.add()
                        }
                        // A closed slot that began before the floor is an item only when asked.
                        let isRescheduled = move.kind == .repVisit && clinic.model.visits[Int(move.record)].status == .rescheduled
                        if !isRescheduled && !includePast {
                            #expect(LocalMoment(date: move.fromDate, minute: move.fromStart) >= floor, "seed \(seed): \(move)")
                        }
                    }
                    leftBehind.add(result.leftBeforeNotBefore)
                    // Without a floor the same clinic has exactly the items left behind besides these.
                    var unfloored = opts
                    unfloored.notBefore = nil
                    let all = try Rebooker.rebook(clinic.model, options: unfloored)
                    #expect(all.moves.count == result.moves.count + result.leftBeforeNotBefore, "seed \(seed)")
                    if includePast { #expect(result.leftBeforeNotBefore == 0) }
                } catch {
                    Issue.record("seed \(seed): \(error)")
                }
            }
        }
        // Not vacuous: items were placed, and floors left closed slots behind.
        #expect(placedAfterFloor.value > 100)
        #expect(leftBehind.value > 20)
    }

    @Test("a hand-made floor: placements start at it; a closed slot before it stays unless asked")
    func handMadeFloor() throws {
        // d0 works Monday to Friday 09:00–12:00, 30-minute appointments; Tuesday 2026-12-08 is closed.
        var clinic = TestClinic(doctors: 1, reps: 1, patients: 2)
        for weekday in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] {
            clinic.schedule(doctor: 0, weekday, patients: "09:00-12:00", appointmentMinutes: 30)
        }
        clinic.close(doctor: 0, "2026-12-08")
        clinic.appointment(doctor: 0, patient: 0, "2026-12-08", "09:00")
        clinic.appointment(doctor: 0, patient: 1, "2026-12-08", "11:00")
        var opts = options(.glpk, range: Self.range, grid: 30)

        // Wednesday 10:30, the past included: both move to Wednesday, at 10:30 or later.
        opts.notBefore = LocalMoment(date: day("2026-12-09"), minute: minute("10:30"))
        opts.movesEarlierItems = true
        let both = try Rebooker.rebook(clinic.model, options: opts)
        #expect(both.leftBeforeNotBefore == 0 && both.objective == 2)
        #expect(Set(both.moves.compactMap { $0.toStart }).isSubset(of: [minute("10:30"), minute("11:00"), minute("11:30")]))
        #expect(both.moves.allSatisfy { $0.toDate == day("2026-12-09") })

        // Tuesday 10:00: the 09:00 slot has begun and stays; the 11:00 one moves to Wednesday 09:00.
        opts.notBefore = LocalMoment(date: day("2026-12-08"), minute: minute("10:00"))
        opts.movesEarlierItems = false
        let later = try Rebooker.rebook(clinic.model, options: opts)
        #expect(later.leftBeforeNotBefore == 1)
        #expect(later.lines(clinic.model) == ["a1 2026-12-08 11:00 -> 2026-12-09 09:00 (+1)"])
    }
}

/// A counter the property closure can add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ n: Int = 1) { lock.withLock { total += n } }
    var value: Int { lock.withLock { total } }
}
