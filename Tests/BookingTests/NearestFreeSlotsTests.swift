import Testing
import SlotSolver

/// The nearest free slots offered when a request is refused for its time or the day's capacity.
@Suite struct NearestFreeSlotsTests {
    func suggestions(_ request: BookingRequest, in model: ClinicModel, count: Int = 3, days: Int = 14) -> [String] {
        NearestFreeSlots.search(for: request, model: model, calendar: WorkCalendar(model), count: count,
                                days: days).map(\.description)
    }

    @Test func aTakenSlotGetsTheSameDatesFreeSlotThenTheNextWorkingDateNearestInTime() {
        // 2026-12-07: of the 15-minute slots from 09:00 only 09:15 is free for p0 (a1, a2, and p0's
        // a4 with d1 hold the rest); 2026-12-08 has no schedule; 2026-12-09 is free, with 20-minute
        // slots from 09:00: distinct slots of the plan's grid, never near-copies.
        #expect(suggestions(appointment("2026-12-07", "09:05"), in: BookingCheckerTests.busyClinic)
                == ["2026-12-07 09:15–09:30", "2026-12-09 09:00–09:20", "2026-12-09 09:20–09:40"])
    }

    @Test func aTimeOutsideTheHoursGetsTheFreeSlotsNearestToIt() {
        #expect(suggestions(appointment(patient: 1, "2026-12-07", "08:00"), in: BookingCheckerTests.busyClinic)
                == ["2026-12-07 09:15–09:30", "2026-12-07 09:45–10:00", "2026-12-09 09:00–09:20"])
    }

    @Test func aFullDayIsSkipped() {
        #expect(suggestions(appointment("2026-12-07", "09:45"), in: BookingCheckerTests.fullClinic, count: 2)
                == ["2026-12-09 09:40–10:00", "2026-12-09 10:00–10:20"])
    }

    @Test func repVisitsAvoidTheDoctorAndTheRepsOtherVisits() {
        // v1 holds 13:00–13:20 of d0, r0's v2 with d1 holds 13:20–13:35: of the 15-minute rep slots
        // from 13:00 only 13:45 is left; then Wednesday's.
        #expect(suggestions(repVisit("2026-12-07", "13:00"), in: BookingCheckerTests.busyClinic)
                == ["2026-12-07 13:45–14:00", "2026-12-09 13:00–13:15", "2026-12-09 13:15–13:30"])
    }

    @Test func theHorizonLimitsTheSearch() {
        #expect(suggestions(repVisit("2026-12-07", "13:00"), in: BookingCheckerTests.busyClinic, days: 1)
                == ["2026-12-07 13:45–14:00"])
        #expect(suggestions(appointment("2026-12-07", "09:45"), in: BookingCheckerTests.fullClinic, days: 2).isEmpty)
    }

    @Test func closedDatesAreSkipped() {
        // 2026-12-14 is closed; the next working date is Wednesday 2026-12-16.
        #expect(suggestions(appointment("2026-12-14", "09:00"), in: BookingCheckerTests.busyClinic, count: 1)
                == ["2026-12-16 09:00–09:20"])
    }

    @Test func noCountOrNoDaysFindsNothing() {
        #expect(suggestions(appointment("2026-12-07", "09:05"), in: BookingCheckerTests.busyClinic, count: 0).isEmpty)
        #expect(suggestions(appointment("2026-12-07", "09:05"), in: BookingCheckerTests.busyClinic, days: 0).isEmpty)
    }
}
