import Testing
@testable import SlotSolver

/// Small instances checked by hand. The week is Monday 2026-12-07 … Sunday 2026-12-13, so the
/// range ends on 2026-12-14 and an unplaced item from Monday costs 7 days.
@Suite("Rebooking by hand")
struct HandMadeRebookingTests {
    @Test("a closed Monday's appointment moves to the next working day, first free start",
          arguments: RebookingSolverKind.allCases)
    func closedDayMovesToNextWorkingDay(solver: RebookingSolverKind) throws {
        var clinic = TestClinic(patients: 2)
        clinic.schedule(doctor: 0, .monday)
        clinic.schedule(doctor: 0, .wednesday)
        clinic.close(doctor: 0, "2026-12-07")
        clinic.weekly(doctor: 0, patient: 0, .monday, "09:00")
        clinic.appointment(doctor: 0, patient: 1, "2026-12-09", "09:00")   // stays, blocks 09:00 Wednesday
        let result = try Rebooker.rebook(clinic.model, options: options(solver))
        #expect(result.lines(clinic.model) == ["a0 2026-12-07 09:00 -> 2026-12-09 09:15 (+2)"])
        #expect(result.objective == 2)
        #expect(result.appointments == RebookingKindSummary(moved: 1, unplaced: 0, objective: 2))
        #expect(result.repVisits == RebookingKindSummary())
        #expect(result.status == .optimal)
        #expect(result.bound == 2)
    }

    /// Tuesday holds one visit; Thursday's rep window is too short for B (45 min). Greedy gives
    /// Tuesday to A (earlier) and leaves B out: 1 + 7 = 8. The optimum sends A to Thursday: 3 + 1 = 4.
    private func greedyTrap() -> TestClinic {
        var clinic = TestClinic(reps: 2)
        clinic.schedule(doctor: 0, .tuesday, reps: "13:00-14:00", maxReps: 1)
        clinic.schedule(doctor: 0, .thursday, reps: "13:00-13:30", maxReps: 1)
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "12:00", length: 15, status: .rescheduled)
        clinic.visit(doctor: 0, rep: 1, "2026-12-07", "13:00", length: 45, status: .rescheduled)
        return clinic
    }

    @Test("greedy takes the earliest slot in original time order")
    func greedyIsMyopic() throws {
        let clinic = greedyTrap()
        let result = try Rebooker.rebook(clinic.model, options: options(.greedy))
        #expect(result.lines(clinic.model) == [
            "v0 2026-12-07 12:00 -> 2026-12-08 13:00 (+1)",
            "v1 2026-12-07 13:00 -> unplaced (+7)",
        ])
        #expect(result.objective == 8)
        #expect(result.status == .feasible)
        #expect(result.moves[1].unplacedReason
                == "no free slot in range (2026-12-08: at max_reps 1; 2026-12-10: rep window too short)")
    }

    @Test("GLPK finds the optimum greedy misses, and proves it")
    func exactBeatsGreedy() throws {
        let clinic = greedyTrap()
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        #expect(result.lines(clinic.model) == [
            "v0 2026-12-07 12:00 -> 2026-12-10 13:00 (+3)",
            "v1 2026-12-07 13:00 -> 2026-12-08 13:00 (+1)",
        ])
        #expect(result.objective == 4)
        #expect(result.bound == 4)
        #expect(result.gap == 0)
        #expect(result.status == .optimal)
        #expect(result.repVisits == RebookingKindSummary(moved: 2, unplaced: 0, objective: 4))
    }

    @Test("the rep's visit at another doctor blocks the only free time")
    func repBusyElsewhere() throws {
        var clinic = TestClinic(doctors: 2, reps: 1)
        clinic.schedule(doctor: 0, .tuesday, reps: "13:00-13:30")
        clinic.schedule(doctor: 1, .tuesday, reps: "13:00-14:00")
        clinic.visit(doctor: 1, rep: 0, "2026-12-08", "13:10", length: 15, status: .scheduled)
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", length: 15, status: .rescheduled)
        for solver in RebookingSolverKind.allCases {
            let result = try Rebooker.rebook(clinic.model, options: options(solver))
            #expect(result.lines(clinic.model) == ["v1 2026-12-07 13:00 -> unplaced (+7)"])
            #expect(result.moves[0].unplacedReason
                    == "the rep is busy at every time the doctor is free, on every working day after 2026-12-07")
        }
    }

    @Test("a visit that touches the rep's other visit fits (half-open intervals)")
    func touchingIsNotOverlapping() throws {
        var clinic = TestClinic(doctors: 2, reps: 1)
        clinic.schedule(doctor: 0, .tuesday, reps: "13:00-13:30")
        clinic.schedule(doctor: 1, .tuesday, reps: "13:00-14:00")
        clinic.visit(doctor: 1, rep: 0, "2026-12-08", "13:15", length: 15, status: .completed)
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", length: 15, status: .rescheduled)
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        #expect(result.lines(clinic.model) == ["v1 2026-12-07 13:00 -> 2026-12-08 13:00 (+1)"])
    }

    @Test("no working day after the original date")
    func noWorkingDay() throws {
        var clinic = TestClinic()
        clinic.schedule(doctor: 0, .monday)
        clinic.close(doctor: 0, "2026-12-07")
        clinic.appointment(doctor: 0, patient: 0, "2026-12-07", "09:30")
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        #expect(result.lines(clinic.model) == ["a0 2026-12-07 09:30 -> unplaced (+7)"])
        #expect(result.moves[0].unplacedReason == "the doctor has no working day in the range after 2026-12-07")
        #expect(result.status == .optimal)
        #expect(result.appointments == RebookingKindSummary(moved: 0, unplaced: 1, objective: 7))
    }

    @Test("the window is shorter than the visit")
    func windowTooShort() throws {
        var clinic = TestClinic()
        clinic.schedule(doctor: 0, .tuesday, reps: "13:00-14:00")
        clinic.schedule(doctor: 0, .friday, reps: "15:00-15:30")
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", length: 90, status: .rescheduled)
        let result = try Rebooker.rebook(clinic.model, options: options(.greedy))
        #expect(result.moves[0].unplacedReason
                == "the rep window is shorter than the visit on every working day after 2026-12-07")
    }

    @Test("every candidate day is at its cap")
    func atCap() throws {
        var clinic = TestClinic(reps: 2)
        clinic.schedule(doctor: 0, .tuesday, maxReps: 1)
        clinic.visit(doctor: 0, rep: 1, "2026-12-08", "13:30", status: .scheduled)
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", status: .rescheduled)
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        #expect(result.moves.map(\.unplacedReason) == ["every working day after 2026-12-07 is at its cap (max_reps)"])
    }

    @Test("an existing overload leaves no room even below the window's length")
    func existingOverCapacity() throws {
        var clinic = TestClinic(patients: 3)
        clinic.schedule(doctor: 0, .monday, maxPatients: 1)
        clinic.schedule(doctor: 0, .wednesday, maxPatients: 1)
        clinic.close(doctor: 0, "2026-12-07")
        clinic.appointment(doctor: 0, patient: 0, "2026-12-07", "09:00")
        clinic.appointment(doctor: 0, patient: 1, "2026-12-09", "09:00")
        clinic.appointment(doctor: 0, patient: 2, "2026-12-09", "09:30")   // Wednesday already over its cap
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        #expect(result.lines(clinic.model) == ["a0 2026-12-07 09:00 -> unplaced (+7)"])
        #expect(result.moves[0].unplacedReason == "every working day after 2026-12-07 is at its cap (max_patients)")
    }

    @Test("the doctor is fully booked")
    func doctorBusy() throws {
        var clinic = TestClinic(patients: 3)
        clinic.schedule(doctor: 0, .monday, patients: "09:00-09:30")
        clinic.schedule(doctor: 0, .wednesday, patients: "09:00-09:30")
        clinic.close(doctor: 0, "2026-12-07")
        clinic.appointment(doctor: 0, patient: 0, "2026-12-07", "09:00")
        clinic.appointment(doctor: 0, patient: 1, "2026-12-09", "09:00")
        clinic.appointment(doctor: 0, patient: 2, "2026-12-09", "09:15")
        let result = try Rebooker.rebook(clinic.model, options: options(.greedy))
        #expect(result.moves.map(\.unplacedReason)
                == ["the doctor is fully booked at every time that fits, on every working day after 2026-12-07"])
    }

    @Test("starts lie on the grid, counted from midnight")
    func grid() throws {
        var clinic = TestClinic()
        clinic.schedule(doctor: 0, .tuesday, reps: "13:03-14:00")
        clinic.visit(doctor: 0, rep: 0, "2026-12-07", "13:00", length: 20, status: .rescheduled)
        let five = try Rebooker.rebook(clinic.model, options: options(.glpk, grid: 5))
        #expect(five.lines(clinic.model) == ["v0 2026-12-07 13:00 -> 2026-12-08 13:05 (+1)"])
        let twenty = try Rebooker.rebook(clinic.model, options: options(.glpk, grid: 20))
        #expect(twenty.lines(clinic.model) == ["v0 2026-12-07 13:00 -> 2026-12-08 13:20 (+1)"])
        let thirty = try Rebooker.rebook(clinic.model, options: options(.glpk, grid: 30))
        #expect(thirty.lines(clinic.model) == ["v0 2026-12-07 13:00 -> 2026-12-08 13:30 (+1)"])
    }

    @Test("an appointment takes the target weekday's appointment length")
    func targetWeekdayLength() throws {
        var clinic = TestClinic(patients: 2)
        clinic.schedule(doctor: 0, .monday, patients: "09:00-10:00", appointmentMinutes: 15)
        clinic.schedule(doctor: 0, .wednesday, patients: "09:00-10:00", appointmentMinutes: 30)
        clinic.close(doctor: 0, "2026-12-07")
        clinic.appointment(doctor: 0, patient: 0, "2026-12-07", "09:00")
        clinic.appointment(doctor: 0, patient: 1, "2026-12-07", "09:15")
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        #expect(result.lines(clinic.model) == [
            "a0 2026-12-07 09:00 -> 2026-12-09 09:00 (+2)",
            "a1 2026-12-07 09:15 -> 2026-12-09 09:30 (+2)",
        ])
        #expect(result.moves.map(\.length) == [30, 30])
    }

    @Test("the patient's appointment with another doctor blocks that time")
    func patientBusyElsewhere() throws {
        var clinic = TestClinic(doctors: 2, patients: 1)
        clinic.schedule(doctor: 0, .monday)
        clinic.schedule(doctor: 0, .wednesday)
        clinic.schedule(doctor: 1, .wednesday)
        clinic.close(doctor: 0, "2026-12-07")
        clinic.appointment(doctor: 0, patient: 0, "2026-12-07", "09:00")
        clinic.appointment(doctor: 1, patient: 0, "2026-12-09", "09:00")
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        #expect(result.lines(clinic.model) == ["a0 2026-12-07 09:00 -> 2026-12-09 09:15 (+2)"])
    }

    @Test("extra closures for every doctor, and a doctor filter")
    func extraClosuresAndFilter() throws {
        var clinic = TestClinic(doctors: 2, reps: 2)
        for d: Int32 in 0...1 {
            clinic.schedule(doctor: d, .tuesday)
            clinic.schedule(doctor: d, .thursday)
        }
        clinic.visit(doctor: 0, rep: 0, "2026-12-08", "13:00", status: .scheduled)
        clinic.visit(doctor: 1, rep: 1, "2026-12-08", "13:00", status: .scheduled)
        clinic.visit(doctor: 1, rep: 1, "2026-12-08", "13:30", status: .completed)   // completed visits stay
        let closure = ExtraClosure(doctor: nil, date: day("2026-12-08"), reason: "strike")
        let both = try Rebooker.rebook(clinic.model, options: options(.glpk, extra: [closure]))
        #expect(both.lines(clinic.model) == [
            "v0 2026-12-08 13:00 -> 2026-12-10 13:00 (+2)",
            "v1 2026-12-08 13:00 -> 2026-12-10 13:00 (+2)",
        ])
        let one = try Rebooker.rebook(clinic.model, options: options(.glpk, doctor: 1, extra: [closure]))
        #expect(one.lines(clinic.model) == ["v1 2026-12-08 13:00 -> 2026-12-10 13:00 (+2)"])
        let onlyDoctor0 = ExtraClosure(doctor: 0, date: day("2026-12-08"), reason: "training")
        let closedFor0 = try Rebooker.rebook(clinic.model, options: options(.greedy, extra: [onlyDoctor0]))
        #expect(closedFor0.lines(clinic.model) == ["v0 2026-12-08 13:00 -> 2026-12-10 13:00 (+2)"])
    }

    @Test("a rescheduled visit from before the range may go anywhere in it; an unplaced one costs from its date")
    func rescheduledBeforeRange() throws {
        var clinic = TestClinic(reps: 2)
        clinic.schedule(doctor: 0, .monday, reps: "13:00-13:15", maxReps: 1)
        clinic.visit(doctor: 0, rep: 0, "2026-12-01", "13:00", status: .rescheduled)
        clinic.visit(doctor: 0, rep: 1, "2026-12-02", "13:00", status: .rescheduled)
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk))
        // Either visit on Monday the 7th; the other costs (14th − its date). 6 + 12 = 18 vs 5 + 13 = 18.
        #expect(result.objective == 18)
        #expect(result.repVisits.moved == 1)
        #expect(result.repVisits.unplaced == 1)
    }

    @Test("a weekly appointment moves only its closed occurrence")
    func weeklyOccurrence() throws {
        var clinic = TestClinic()
        clinic.schedule(doctor: 0, .monday, patients: "09:00-09:30", maxPatients: 2)
        let range = DateRange(first: day("2026-12-07"), count: 14)
        clinic.close(doctor: 0, "2026-12-07")
        clinic.weekly(doctor: 0, patient: 0, .monday, "09:00")
        let result = try Rebooker.rebook(clinic.model, options: options(.glpk, range: range))
        // The next Monday holds this patient's own standing appointment at 09:00; 09:15 is free.
        #expect(result.lines(clinic.model) == ["a0 2026-12-07 09:00 -> 2026-12-14 09:15 (+7)"])
    }

    @Test("bad options are rejected")
    func badOptions() {
        let clinic = TestClinic()
        #expect(throws: RebookingError.self) {
            try Rebooker.rebook(clinic.model, options: options(.glpk, range: DateRange(first: day("2026-12-07"), count: 0)))
        }
        #expect(throws: RebookingError.self) { try Rebooker.rebook(clinic.model, options: options(.glpk, grid: 0)) }
        #expect(throws: RebookingError.self) { try Rebooker.rebook(clinic.model, options: options(.glpk, doctor: 3)) }
    }
}
