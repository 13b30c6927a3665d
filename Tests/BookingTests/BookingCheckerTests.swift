import EngineTestSupport
import Testing
import SlotSolver

/// The five checks, each accepted and rejected with its exact message, on hand-made clinics.
/// Dates: 2026-12-07, -14, -21 are Mondays, 2026-12-08 a Tuesday, 2026-12-09 a Wednesday.
@Suite struct BookingCheckerTests {
    /// d0: Mondays patients 09:00–10:00 (15 min), reps 13:00–14:00; Wednesdays patients 09:00–11:00
    /// (20 min). d1: Mondays patients 09:00–12:00, reps 12:30–13:30.
    static let schedules = [
        rule("s0", doctor: 0, .monday, patients: "09:00-10:00", reps: "13:00-14:00", maxPatients: 3, maxReps: 2),
        rule("s1", doctor: 0, .wednesday, patients: "09:00-11:00", reps: "13:00-14:00", minutes: 20),
        rule("s2", doctor: 1, .monday, patients: "09:00-12:00", reps: "12:30-13:30"),
    ]
    static let closures = [
        closed("c0", doctor: 0, "2026-12-14", "National Holiday"),
        closed("c1", doctor: 0, "2026-12-13", "Staff training"),
        ClinicClosure(id: "c2", doctor: 0, date: day("2026-12-07"), isOpen: true, reason: "Extra opening"),
    ]

    static func clinic(appointments: [AppointmentRecord] = [], visits: [RepVisitRecord] = [],
                       schedules: [ScheduleRule] = schedules) -> ClinicModel {
        model(schedules: schedules, closures: closures, appointments: appointments, visits: visits)
    }

    // MARK: - 1. Is the clinic open?

    @Test func check1RejectsAClosedDateWithItsReason() {
        #expect(verdict(appointment("2026-12-14", "09:00"), in: Self.clinic())
                == "rejected at check 1 (clinic open): doctor d0 is closed on 2026-12-14 (National Holiday)")
        #expect(verdict(repVisit("2026-12-14", "13:00"), in: Self.clinic())
                == "rejected at check 1 (clinic open): doctor d0 is closed on 2026-12-14 (National Holiday)")
    }

    @Test func check1ComesBeforeTheScheduleCheck() {
        // 2026-12-13 is a Sunday, with no schedule either: the closure is named.
        #expect(verdict(appointment("2026-12-13", "09:00"), in: Self.clinic())
                == "rejected at check 1 (clinic open): doctor d0 is closed on 2026-12-13 (Staff training)")
    }

    @Test func check1AcceptsAnOpenDateAndIgnoresExplicitOpenings() {
        // c2 says is_open: true on 2026-12-07: an explicit opening, which changes nothing.
        #expect(verdict(appointment("2026-12-07", "09:00"), in: Self.clinic()) == "accepted 09:00–09:15")
        // Another doctor's closure does not close d1.
        #expect(verdict(appointment(doctor: 1, "2026-12-14", "09:00"), in: Self.clinic()) == "accepted 09:00–09:15")
    }

    @Test func check1ClosureWithoutReasonPrintsNoParentheses() {
        let clinic = model(schedules: Self.schedules, closures: [closed("c9", doctor: 0, "2026-12-07", "")])
        #expect(verdict(appointment("2026-12-07", "09:00"), in: clinic)
                == "rejected at check 1 (clinic open): doctor d0 is closed on 2026-12-07")
    }

    // MARK: - 2. Does a schedule exist?

    @Test func check2RejectsAWeekdayWithoutSchedule() {
        #expect(verdict(appointment("2026-12-08", "09:00"), in: Self.clinic())
                == "rejected at check 2 (schedule): doctor d0 has no schedule for Tuesday (2026-12-08)")
        #expect(verdict(repVisit(doctor: 1, "2026-12-09", "12:30"), in: Self.clinic())
                == "rejected at check 2 (schedule): doctor d1 has no schedule for Wednesday (2026-12-09)")
    }

    @Test func check2AcceptsAScheduledWeekdayWithItsAppointmentLength() {
        #expect(verdict(appointment("2026-12-09", "09:00"), in: Self.clinic()) == "accepted 09:00–09:20")
    }

    // MARK: - 3. Is the time inside the hours, the whole booking fitting?

    @Test func check3RejectsABookingThatRunsPastTheWindow() {
        #expect(verdict(appointment("2026-12-07", "09:50"), in: Self.clinic())
                == "rejected at check 3 (hours): 09:50–10:05 does not fit in the patient hours 09:00–10:00 of doctor d0 on Mondays")
        #expect(verdict(appointment("2026-12-09", "10:45"), in: Self.clinic())
                == "rejected at check 3 (hours): 10:45–11:05 does not fit in the patient hours 09:00–11:00 of doctor d0 on Wednesdays")
    }

    @Test func check3RejectsAStartBeforeTheWindowAndTheOtherKindsWindow() {
        #expect(verdict(appointment("2026-12-07", "08:55"), in: Self.clinic())
                == "rejected at check 3 (hours): 08:55–09:10 does not fit in the patient hours 09:00–10:00 of doctor d0 on Mondays")
        // A patient may not take the rep hour, nor a rep the patient hours.
        #expect(verdict(appointment("2026-12-07", "13:00"), in: Self.clinic())
                == "rejected at check 3 (hours): 13:00–13:15 does not fit in the patient hours 09:00–10:00 of doctor d0 on Mondays")
        #expect(verdict(repVisit("2026-12-07", "09:00"), in: Self.clinic())
                == "rejected at check 3 (hours): 09:00–09:15 does not fit in the rep hours 13:00–14:00 of doctor d0 on Mondays")
    }

    @Test func check3RejectsAStartOffTheDaysSlotGrid() {
        // Mondays: 15-minute slots from 09:00; Wednesdays: 20-minute slots from 09:00; reps every 15 min from 13:00.
        #expect(verdict(appointment("2026-12-07", "09:07"), in: Self.clinic())
                == "rejected at check 3 (hours): 09:07 is not a slot start of doctor d0 on Mondays: patient slots start every 15 min from 09:00 (09:00, 09:15, 09:30, …)")
        #expect(verdict(appointment("2026-12-09", "09:15"), in: Self.clinic())
                == "rejected at check 3 (hours): 09:15 is not a slot start of doctor d0 on Wednesdays: patient slots start every 20 min from 09:00 (09:00, 09:20, 09:40, …)")
        #expect(verdict(repVisit("2026-12-07", "13:20"), in: Self.clinic())
                == "rejected at check 3 (hours): 13:20 is not a slot start of doctor d0 on Mondays: rep slots start every 15 min from 13:00 (13:00, 13:15, 13:30, …)")
        #expect(BookingChecker.check(appointment("2026-12-07", "09:07"), model: Self.clinic(),
                                     calendar: WorkCalendar(Self.clinic())).rejection?.suggestsOtherSlots == true)
    }

    @Test func check3AcceptsAnyStartThatFitsWithAnyTime() {
        #expect(verdict(anyTime(appointment("2026-12-07", "09:07")), in: Self.clinic()) == "accepted 09:07–09:22")
        #expect(verdict(anyTime(appointment("2026-12-07", "09:50")), in: Self.clinic())
                == "rejected at check 3 (hours): 09:50–10:05 does not fit in the patient hours 09:00–10:00 of doctor d0 on Mondays")
    }

    @Test func check3AcceptsABookingThatEndsExactlyAtTheWindowEnd() {
        #expect(verdict(appointment("2026-12-07", "09:45"), in: Self.clinic()) == "accepted 09:45–10:00")
        #expect(verdict(repVisit("2026-12-07", "13:45"), in: Self.clinic()) == "accepted 13:45–14:00")
        #expect(verdict(repVisit("2026-12-07", "13:30", minutes: 30), in: Self.clinic()) == "accepted 13:30–14:00")
        #expect(verdict(repVisit("2026-12-07", "13:40", minutes: 30), in: Self.clinic())
                == "rejected at check 3 (hours): 13:40–14:10 does not fit in the rep hours 13:00–14:00 of doctor d0 on Mondays")
    }

    // MARK: - 4. Is the slot free?

    /// a1 and the weekly a2 hold d0's time on 2026-12-07; a3 is cancelled; a4 is p0's appointment
    /// with d1; v1 holds d0's rep hour; v2 is r0's visit with d1; v3 is rescheduled (holds nothing);
    /// v4 is a completed visit of d0 in the patient hours of 2026-12-21.
    static let busyClinic = clinic(
        appointments: [
            dated("a1", doctor: 0, patient: 1, "2026-12-07", "09:00"),
            weekly("a2", doctor: 0, patient: 2, .monday, "09:30", skipping: ["2026-12-21"]),
            dated("a3", doctor: 0, patient: 1, "2026-12-07", "09:15", status: .cancelled),
            dated("a4", doctor: 1, patient: 0, "2026-12-07", "09:40"),
        ],
        visits: [
            visit("v1", doctor: 0, rep: 1, "2026-12-07", "13:00", minutes: 20),
            visit("v2", doctor: 1, rep: 0, "2026-12-07", "13:20"),
            visit("v3", doctor: 0, rep: 1, "2026-12-07", "13:45", status: .rescheduled),
            visit("v4", doctor: 0, rep: 1, "2026-12-21", "09:50", status: .completed),
        ])

    @Test func check4RejectsAnOverlapWithTheDoctorsAppointment() {
        #expect(verdict(anyTime(appointment("2026-12-07", "09:05")), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 09:05–09:20 on 2026-12-07 overlaps appointment a1 (09:00–09:15) of doctor d0")
        #expect(verdict(appointment("2026-12-07", "09:00"), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 09:00–09:15 on 2026-12-07 overlaps appointment a1 (09:00–09:15) of doctor d0")
    }

    @Test func check4NamesEveryClashInTimeOrderIncludingThePatientsOtherDoctor() {
        #expect(verdict(appointment("2026-12-07", "09:30"), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 09:30–09:45 on 2026-12-07 overlaps appointment a2 (09:30–09:45) of doctor d0; the patient's appointment a4 (09:40–09:55) with doctor d1")
        #expect(verdict(appointment("2026-12-07", "09:45"), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 09:45–10:00 on 2026-12-07 overlaps the patient's appointment a4 (09:40–09:55) with doctor d1")
    }

    @Test func check4AcceptsTouchingSlotsCancelledItemsAndOtherPatients() {
        // 09:15 touches a1's end and a2's start; a3 there is cancelled.
        #expect(verdict(appointment("2026-12-07", "09:15"), in: Self.busyClinic) == "accepted 09:15–09:30")
        // p1 has no appointment with d1, so 09:45 is free for p1.
        #expect(verdict(appointment(patient: 1, "2026-12-07", "09:45"), in: Self.busyClinic) == "accepted 09:45–10:00")
        // The weekly a2 skips 2026-12-21.
        #expect(verdict(appointment("2026-12-21", "09:30"), in: Self.busyClinic) == "accepted 09:30–09:45")
    }

    @Test func check4RejectsVisitsOverlappingTheDoctorOrTheRepsOtherVisits() {
        #expect(verdict(repVisit("2026-12-07", "13:00"), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 13:00–13:15 on 2026-12-07 overlaps rep visit v1 (13:00–13:20) of doctor d0")
        #expect(verdict(anyTime(repVisit("2026-12-07", "13:20")), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 13:20–13:35 on 2026-12-07 overlaps the rep's visit v2 (13:20–13:35) with doctor d1")
        #expect(verdict(repVisit("2026-12-07", "13:30"), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 13:30–13:45 on 2026-12-07 overlaps the rep's visit v2 (13:20–13:35) with doctor d1")
        // v3 is rescheduled: it holds no slot.
        #expect(verdict(repVisit("2026-12-07", "13:45"), in: Self.busyClinic) == "accepted 13:45–14:00")
    }

    @Test func check4CountsAVisitInThePatientHoursAgainstAnAppointment() {
        #expect(verdict(appointment(patient: 1, "2026-12-21", "09:45"), in: Self.busyClinic)
                == "rejected at check 4 (slot free): 09:45–10:00 on 2026-12-21 overlaps rep visit v4 (09:50–10:05) of doctor d0")
    }

    // MARK: - 5. Is the day's capacity reached?

    static let fullClinic = clinic(
        appointments: [
            dated("a1", doctor: 0, patient: 1, "2026-12-07", "09:00"),
            weekly("a2", doctor: 0, patient: 2, .monday, "09:15"),
            dated("a3", doctor: 0, patient: 1, "2026-12-07", "09:30"),
            dated("a4", doctor: 0, patient: 1, "2026-12-07", "09:45", status: .cancelled),
            dated("a5", doctor: 1, patient: 1, "2026-12-07", "10:00"),
        ],
        visits: [
            visit("v1", doctor: 0, rep: 1, "2026-12-07", "13:00"),
            visit("v2", doctor: 0, rep: 1, "2026-12-07", "13:15", status: .completed),
            visit("v3", doctor: 0, rep: 1, "2026-12-07", "13:30", status: .cancelled),
            visit("v4", doctor: 0, rep: 1, "2026-12-07", "13:45", status: .noShow),
        ])

    @Test func check5RejectsWhenMaxPatientsIsReached() {
        // Three booked (the cancelled a4 and d1's a5 do not count): max_patients 3.
        #expect(verdict(appointment("2026-12-07", "09:45"), in: Self.fullClinic)
                == "rejected at check 5 (capacity): doctor d0 already has 3 booked appointments on 2026-12-07 (max_patients 3)")
    }

    @Test func check5RejectsWhenMaxRepsIsReached() {
        #expect(verdict(repVisit("2026-12-07", "13:30"), in: Self.fullClinic)
                == "rejected at check 5 (capacity): doctor d0 already has 2 rep visits on 2026-12-07 (max_reps 2)")
    }

    @Test func check5AcceptsBelowTheCap() {
        // Only the weekly a2 occurs on 2026-12-21.
        #expect(verdict(appointment("2026-12-21", "09:45"), in: Self.fullClinic) == "accepted 09:45–10:00")
        #expect(verdict(repVisit("2026-12-21", "13:30"), in: Self.fullClinic) == "accepted 13:30–13:45")
    }

    @Test func check5WithZeroCapacityRefusesEveryBooking() {
        let clinic = model(schedules: [rule("s0", doctor: 0, .monday, patients: "09:00-10:00", reps: "13:00-14:00",
                                            maxPatients: 0, maxReps: 1)])
        #expect(verdict(appointment("2026-12-07", "09:00"), in: clinic)
                == "rejected at check 5 (capacity): doctor d0 already has 0 booked appointments on 2026-12-07 (max_patients 0)")
        let oneVisit = model(schedules: clinic.schedules, visits: [visit("v1", doctor: 0, rep: 1, "2026-12-07", "13:00")])
        #expect(verdict(repVisit("2026-12-07", "13:30"), in: oneVisit)
                == "rejected at check 5 (capacity): doctor d0 already has 1 rep visit on 2026-12-07 (max_reps 1)")
    }

    // MARK: - Order

    @Test func theFirstFailingCheckIsTheOneNamed() {
        // Full day and outside the hours: check 3 comes first.
        #expect(BookingChecker.check(appointment("2026-12-07", "09:50"), model: Self.fullClinic,
                                     calendar: WorkCalendar(Self.fullClinic)).rejection?.step == .withinHours)
        // Full day and a taken slot: check 4 comes first.
        #expect(BookingChecker.check(appointment("2026-12-07", "09:00"), model: Self.fullClinic,
                                     calendar: WorkCalendar(Self.fullClinic)).rejection?.step == .slotFree)
        #expect(BookingStep.allCases.map(\.description)
                == ["check 1 (clinic open)", "check 2 (schedule)", "check 3 (hours)", "check 4 (slot free)",
                    "check 5 (capacity)"])
    }

    @Test func onlyTimeAndCapacityRejectionsSuggestOtherSlots() {
        #expect(!BookingRejection.clinicClosed(reason: "x").suggestsOtherSlots)
        #expect(!BookingRejection.noSchedule(.monday).suggestsOtherSlots)
        #expect(BookingRejection.outsideHours(slot: window("08:00-08:15"), window: window("09:00-10:00")).suggestsOtherSlots)
        #expect(BookingRejection.slotTaken(slot: window("09:00-09:15"), clashes: []).suggestsOtherSlots)
        #expect(BookingRejection.capacityReached(count: 1, limit: 1).suggestsOtherSlots)
    }
}
