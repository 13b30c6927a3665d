import Testing
@testable import SlotSolver

/// The exact solver's building blocks, on hand-checked inputs.
@Suite("Rebooking internals")
struct EngineInternalsTests {
    /// Doctor 0 works Tuesday 13:00–14:00; three rescheduled visits of 30, 30 and 20 minutes.
    private func tuesdayClinic(lengths: [Int32], maxReps: Int32 = 6) -> TestClinic {
        var clinic = TestClinic(reps: lengths.count)
        clinic.schedule(doctor: 0, .tuesday, reps: "13:00-14:00", maxReps: maxReps)
        for (r, length) in lengths.enumerated() {
            clinic.visit(doctor: 0, rep: Int32(r), "2026-12-07", "13:00", length: length, status: .rescheduled)
        }
        return clinic
    }

    @Test("the day arrangement fits what fits and refuses what does not")
    func dayArrangement() {
        let clinic = tuesdayClinic(lengths: [30, 30, 20])
        let instance = RebookingInstance(model: clinic.model, options: options(.glpk))
        let entries = instance.items.indices.map { DayArrangement.Entry(item: $0, day: instance.candidateDays(of: $0).first!) }
        let arrangement = DayArrangement(instance: instance)
        #expect(arrangement.arrange(Array(entries.prefix(2))) == .feasible([780, 810]))   // 13:00 and 13:30
        #expect(arrangement.arrange(entries) == .infeasible)
        #expect(arrangement.arrange([entries[0], entries[2]]) == .feasible([780, 810]))   // 13:00 and 13:30
    }

    @Test("interchangeable items do not blow up the search when they cannot all fit")
    func symmetryBreaking() {
        // Six 10-minute visits fill the hour; seven cannot fit, and with max_reps 7 only the search
        // can tell. Without symmetry breaking it would try the 7! orders of identical visits.
        let clinic = tuesdayClinic(lengths: Array(repeating: 10, count: 7), maxReps: 7)
        let instance = RebookingInstance(model: clinic.model, options: options(.glpk))
        let entries = instance.items.indices.map { DayArrangement.Entry(item: $0, day: instance.candidateDays(of: $0).first!) }
        var arrangement = DayArrangement(instance: instance)
        arrangement.nodeLimit = 2_000
        #expect(arrangement.arrange(Array(entries.prefix(6))) != .infeasible)
        #expect(arrangement.arrange(Array(entries.prefix(6))) != .unknown)
        #expect(arrangement.arrange(entries) == .infeasible)
    }

    @Test("items that share no doctor-, rep- or patient-date form separate parts")
    func independentParts() {
        var clinic = TestClinic(doctors: 3, reps: 3)
        for d: Int32 in 0...2 { clinic.schedule(doctor: d, .tuesday) }
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", status: .rescheduled)   // item 0
        clinic.visit(doctor: 1, rep: 1, "2026-12-07", "13:05", status: .rescheduled)   // item 1
        clinic.visit(doctor: 2, rep: 1, "2026-12-07", "13:10", status: .rescheduled)   // item 2: rep 1 links doctors 1, 2
        clinic.visit(doctor: 0, rep: 2, "2026-12-07", "13:15", status: .rescheduled)   // item 3: doctor 0's date
        let instance = RebookingInstance(model: clinic.model, options: options(.glpk))
        #expect(IndependentParts.split(instance) == [[0, 3], [1, 2]])
    }

    @Test("a neighbourhood instance only offers slots the full instance offers, minus what stays placed")
    func neighbourhoodInstance() {
        for seed in 0..<20 {
            let range = DateRange(first: day("2026-12-07"), count: 7)
            let clinic = RandomClinic.make(seed: UInt64(seed), doctors: 3, reps: 3, patients: 4, items: 20, range: range)
            let instance = RebookingInstance(model: clinic.model, options: options(.glpk, range: range))
            let greedy = GreedyRebooker.solve(instance)
            let free = instance.items.indices.filter { $0 % 2 == 0 }
            let sub = RebookingInstance(neighbourhoodOf: free, in: instance, around: greedy)
            for (j, i) in free.enumerated() {
                let full = Set(instance.candidateDays(of: i).flatMap { d in instance.startMinutes(d).map { [d.day, $0] } })
                let part = Set(sub.candidateDays(of: j).flatMap { d in sub.startMinutes(d).map { [d.day, $0] } })
                #expect(part.isSubset(of: full), "seed \(seed)")
                let p = greedy.placements[i]
                if p.isPlaced { #expect(part.contains([p.day, p.start]), "seed \(seed): the current slot stays open") }
            }
        }
    }

    @Test("the Lagrangian bound lies between the LP bound and the optimum", arguments: 0..<30)
    func lagrangianBound(seed: Int) throws {
        let clinic = OptimalityTests.tiny(UInt64(seed))
        let opts = options(.glpk, range: OptimalityTests.tinyRange, grid: 15)
        let exact = try Rebooker.rebook(clinic.model, options: opts)
        let instance = RebookingInstance(model: clinic.model, options: opts)
        for part in IndependentParts.split(instance) where part.count > 1 {
            let master = try DateAssignmentMaster(instance: instance, items: part, fullPatternLimit: 0)
            guard master.generatesColumns, let lp = try master.generateColumns(deadline: .never)
            else { continue }
            let lagrangian = try master.lagrangianBound()
            let optimum = part.reduce(0) { sum, i in
                let move = exact.moves.first { $0.record == instance.items[i].record && $0.kind == instance.items[i].kind
                    && $0.fromDate == instance.items[i].originalDate }!
                return sum + move.delayDays
            }
            #expect(lagrangian >= lp - 1e-6)
            #expect(lagrangian <= Double(optimum) + 1e-6, "seed \(seed)")
            // Any multipliers give a bound, e.g. none at all.
            let plain = try master.lagrangianBound(multipliers: [Double](repeating: 0, count: master.sideRows.count))
            #expect(plain <= Double(optimum) + 1e-6, "seed \(seed)")
        }
    }
}
