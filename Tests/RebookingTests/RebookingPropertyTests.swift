import PropertyBased
import PropertyTestSupport
import Testing
@testable import SlotSolver

@Suite("Rebooking properties")
struct RebookingPropertyTests {
    /// Occupying occurrences in the range plus rescheduled visits, counted the plain way.
    static func itemsBefore(_ model: ClinicModel, range: DateRange) -> Int {
        var count = 0
        for a in model.appointments where a.status == .booked {
            switch a.recurrence {
            case .dated(let d): if range.contains(d) { count += 1 }
            case .weekly(let w, let skipping): count += range.filter { $0.weekday == w && !skipping.contains($0) }.count
            }
        }
        for v in model.visits {
            if v.status == .rescheduled || ((v.status == .scheduled || v.status == .completed) && range.contains(v.date)) {
                count += 1
            }
        }
        return count
    }

    @Test("every solution obeys every rule, loses no item, and GLPK is never worse than greedy")
    func solutionsAreValid() async {
        await seededPropertyCheck(count: 60, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...4), Gen.int(in: 4...24)) {
            seed, doctors, items in
            let range = DateRange(first: day("2026-12-07"), count: 7)
            let clinic = RandomClinic.make(seed: UInt64(seed), doctors: doctors, reps: 3, patients: 4, items: items,
                                           range: range)
            do {
                var opts = options(.greedy, range: range, grid: [5, 10, 15].randomElement()!)
                let greedy = try Rebooker.rebook(clinic.model, options: opts)
                opts.solver = .glpk
                let exact = try Rebooker.rebook(clinic.model, options: opts)
                for result in [greedy, exact] {
                    #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts) == [])
                    let moved = result.appointments.moved + result.repVisits.moved
                    let unplaced = result.appointments.unplaced + result.repVisits.unplaced
                    #expect(moved + unplaced == result.moves.count)
                    // Untouched: occupying occurrences that did not need a slot.
                    let needingInRange = result.moves.filter { m in
                        !(m.kind == .repVisit && clinic.model.visits[Int(m.record)].status == .rescheduled)
                    }.count
                    let rescheduled = clinic.model.visits.filter { $0.status == .rescheduled }.count
                    let untouched = Self.itemsBefore(clinic.model, range: range) - rescheduled - needingInRange
                    #expect(moved + unplaced + untouched == Self.itemsBefore(clinic.model, range: range))
                    #expect(result.moves.allSatisfy { $0.isPlaced == ($0.unplacedReason == nil) })
                }
                #expect(exact.objective <= greedy.objective)
                #expect(exact.status == .optimal)
                #expect(exact.bound == Double(exact.objective))
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test("the checker catches a broken solution")
    func checkerCatchesOverlap() throws {
        var clinic = TestClinic(reps: 2)
        clinic.schedule(doctor: 0, .tuesday, reps: "13:00-14:00")
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", status: .rescheduled)
        clinic.visit(doctor: 0, rep: 1, "2026-12-07", "13:00", status: .rescheduled)
        let opts = options(.glpk)
        var result = try Rebooker.rebook(clinic.model, options: opts)
        #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts) == [])
        result.moves[1].toStart = result.moves[0].toStart
        #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts)
                == ["rep visit v0 at 2026-12-08 13:00 overlaps rep visit v1 at 2026-12-08 13:00 for the doctor on 2026-12-08"])
        result = try Rebooker.rebook(clinic.model, options: opts)
        result.moves.removeLast()
        #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts).contains {
            $0.contains("needed a slot but is missing")
        })
        result = try Rebooker.rebook(clinic.model, options: opts)
        result.moves[0].toStart = MinuteOfDay(hour: 13, minute: 52)
        #expect(RebookingChecker.violations(of: result, model: clinic.model, options: opts).contains {
            $0.contains("outside the window")
        })
    }
}
