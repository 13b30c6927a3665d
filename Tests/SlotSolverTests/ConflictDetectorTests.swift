import EngineTestSupport
import Testing
@testable import SlotSolver

// 2026-12-06 and 2026-12-13 are Sundays; 12-07 Monday, 12-08 Tuesday, 12-09 Wednesday.

@Suite("ConflictDetector")
struct ConflictDetectorTests {
    @Test func closedDayThenNoScheduleThenOutsideHours() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00",
                             minutes: 30)],
            closures: [closed("c0", doctor: 0, "2026-12-06", "Holiday"),
                       closed("c1", doctor: 0, "2026-12-08", "Training"),
                       ClinicClosure(id: "c2", doctor: 0, date: day("2026-12-13"), isOpen: true, reason: "")],
            appointments: [
                dated("a-closed", doctor: 0, patient: 0, "2026-12-06", "20:00"),  // also outside hours
                dated("a-wed", doctor: 0, patient: 0, "2026-12-09", "10:00"),
                dated("a-early", doctor: 0, patient: 1, "2026-12-13", "08:45"),   // ends 09:15
                dated("a-fits", doctor: 0, patient: 2, "2026-12-13", "11:30"),    // ends 12:00
            ],
            visits: [
                visit("v-closed", doctor: 0, rep: 0, "2026-12-08", "12:00"),      // no Tuesday schedule either
                visit("v-early", doctor: 0, rep: 0, "2026-12-13", "11:00"),
                visit("v-fits", doctor: 0, rep: 1, "2026-12-13", "12:45"),        // ends 13:00
            ])
        let report = ConflictDetector.detect(model: m, calendar: WorkCalendar(m),
                                             range: DateRange(first: day("2026-12-06"), count: 8))
        #expect(report.conflicts.map(Found.init) == [
            Found(.closedDay, .doctor(0), "2026-12-06", ["a-closed"]),
            Found(.closedDay, .doctor(0), "2026-12-08", ["v-closed"]),
            Found(.noSchedule, .doctor(0), "2026-12-09", ["a-wed"]),
            Found(.outsideHours, .doctor(0), "2026-12-13", ["a-early"]),
            Found(.outsideHours, .doctor(0), "2026-12-13", ["v-early"]),
        ])
        #expect(report.conflicts.map(\.detail) == [
            "appointment at 20:00 on a day the doctor is closed (Holiday)",
            "rep visit at 12:00 on a day the doctor is closed (Training)",
            "appointment at 10:00 on a Wednesday, when the doctor has no schedule",
            "appointment 08:45–09:15 is outside the patient window 09:00–12:00",
            "rep visit 11:00–11:15 is outside the rep window 12:00–13:00",
        ])
        #expect(report.summary == [.closedDay: 2, .noSchedule: 1, .outsideHours: 2, .doubleBooking: 0,
                                   .repDoubleBooked: 0, .patientDoubleBooked: 0, .overCapacity: 0,
                                   .invalidSchedule: 0])
    }

    @Test func touchingIntervalsDoNotConflict() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00",
                             minutes: 30)],
            appointments: [dated("a1", doctor: 0, patient: 0, "2026-12-06", "09:00"),
                           dated("a2", doctor: 0, patient: 0, "2026-12-06", "09:30"),
                           dated("a3", doctor: 0, patient: 1, "2026-12-06", "11:30")],
            visits: [visit("v1", doctor: 0, rep: 0, "2026-12-06", "12:00"),
                     visit("v2", doctor: 0, rep: 0, "2026-12-06", "12:15", minutes: 45)])
        #expect(detect(m, from: "2026-12-06", days: 7) == [])
    }

    @Test func chainedOverlapsFormOneClusterInTimeOrder() {
        // a1 09:00–09:30, a2 09:20–09:50, a3 09:45–10:15 chain (a1 and a3 do not meet);
        // a4 10:15–10:45 only touches a3 and starts a new cluster with a5 10:30–11:00.
        let m = model(
            patients: 5,
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00",
                             minutes: 30)],
            appointments: [dated("a3", doctor: 0, patient: 2, "2026-12-06", "09:45"),
                           dated("a5", doctor: 0, patient: 4, "2026-12-06", "10:30"),
                           dated("a1", doctor: 0, patient: 0, "2026-12-06", "09:00"),
                           dated("a4", doctor: 0, patient: 3, "2026-12-06", "10:15"),
                           dated("a2", doctor: 0, patient: 1, "2026-12-06", "09:20")])
        let report = ConflictDetector.detect(model: m, calendar: WorkCalendar(m),
                                             range: DateRange(first: day("2026-12-06"), count: 1))
        #expect(report.conflicts.map(Found.init) == [
            Found(.doubleBooking, .doctor(0), "2026-12-06", ["a1", "a2", "a3"]),
            Found(.doubleBooking, .doctor(0), "2026-12-06", ["a4", "a5"]),
        ])
        #expect(report.conflicts.map(\.detail) == ["3 overlapping items between 09:00 and 10:15",
                                                   "2 overlapping items between 10:15 and 11:00"])
    }

    @Test func containedItemKeepsTheClusterOpenUntilTheLongestEnd() {
        // v1 12:00–13:00 contains v2 12:10–12:20; v3 12:40 still overlaps v1, though not v2.
        let m = model(
            reps: 3,
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-14:00")],
            visits: [visit("v1", doctor: 0, rep: 0, "2026-12-06", "12:00", minutes: 60),
                     visit("v2", doctor: 0, rep: 1, "2026-12-06", "12:10", minutes: 10),
                     visit("v3", doctor: 0, rep: 2, "2026-12-06", "12:40")])
        #expect(detect(m, from: "2026-12-06", days: 1) == [
            Found(.doubleBooking, .doctor(0), "2026-12-06", ["v1", "v2", "v3"]),
        ])
    }

    @Test func itemsOfNoLengthOccupyNoTime() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-14:00")],
            visits: [visit("v1", doctor: 0, rep: 0, "2026-12-06", "12:00", minutes: 60),
                     visit("v0", doctor: 0, rep: 0, "2026-12-06", "12:30", minutes: 0),
                     visit("v2", doctor: 0, rep: 1, "2026-12-06", "12:50", minutes: 20)])
        #expect(detect(m, from: "2026-12-06", days: 1) == [
            Found(.doubleBooking, .doctor(0), "2026-12-06", ["v1", "v2"]),
        ])
    }

    @Test func repsAndPatientsAcrossDoctorsAndTheDoctorFilter() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00",
                             minutes: 30),
                        rule("s1", doctor: 1, .sunday, patients: "09:00-12:00", reps: "12:00-13:00")],
            appointments: [
                dated("p-d0", doctor: 0, patient: 0, "2026-12-06", "09:00"),   // 09:00–09:30
                dated("p-d1", doctor: 1, patient: 0, "2026-12-06", "09:15"),   // 09:15–09:30
                dated("late", doctor: 0, patient: 1, "2026-12-06", "11:45"),   // 11:45–12:15, outside
                dated("wed", doctor: 0, patient: 2, "2026-12-09", "09:00"),    // no schedule
            ],
            visits: [
                visit("r0-d0", doctor: 0, rep: 0, "2026-12-06", "12:00", minutes: 30),
                visit("r0-d1", doctor: 1, rep: 0, "2026-12-06", "12:15"),
                visit("r1-a", doctor: 0, rep: 1, "2026-12-13", "12:00", minutes: 30),
                visit("r1-b", doctor: 0, rep: 1, "2026-12-13", "12:20"),
            ])
        let all = [
            Found(.outsideHours, .doctor(0), "2026-12-06", ["late"]),
            Found(.doubleBooking, .doctor(0), "2026-12-06", ["late", "r0-d0"]),   // appointment–visit
            Found(.repDoubleBooked, .rep(0), "2026-12-06", ["r0-d0", "r0-d1"]),
            Found(.patientDoubleBooked, .patient(0), "2026-12-06", ["p-d0", "p-d1"]),
            Found(.noSchedule, .doctor(0), "2026-12-09", ["wed"]),
            Found(.doubleBooking, .doctor(0), "2026-12-13", ["r1-a", "r1-b"]),
            Found(.repDoubleBooked, .rep(1), "2026-12-13", ["r1-a", "r1-b"]),
        ]
        #expect(detect(m, from: "2026-12-06", days: 8) == all)
        #expect(detect(m, from: "2026-12-06", days: 8, doctor: 0) == all)
        #expect(detect(m, from: "2026-12-06", days: 8, doctor: 1) == [
            Found(.repDoubleBooked, .rep(0), "2026-12-06", ["r0-d0", "r0-d1"]),
            Found(.patientDoubleBooked, .patient(0), "2026-12-06", ["p-d0", "p-d1"]),
        ])
    }

    @Test func overCapacityCountsOnlyOccupyingItemsOnWorkedDates() {
        let m = model(
            patients: 6,
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00",
                             maxPatients: 2, maxReps: 1)],
            closures: [closed("c0", doctor: 0, "2026-12-13", "")],
            appointments: [
                dated("a3", doctor: 0, patient: 2, "2026-12-06", "11:00"),
                dated("a1", doctor: 0, patient: 0, "2026-12-06", "09:00"),
                dated("a2", doctor: 0, patient: 1, "2026-12-06", "10:00"),
                dated("a-x", doctor: 0, patient: 3, "2026-12-06", "10:30", status: .cancelled),
                weekly("w1", doctor: 0, patient: 4, .sunday, "09:30", skipping: ["2026-12-06"]),
                dated("b1", doctor: 0, patient: 0, "2026-12-13", "09:00"),
                dated("b2", doctor: 0, patient: 1, "2026-12-13", "09:15"),
            ],
            visits: [
                visit("v1", doctor: 0, rep: 0, "2026-12-06", "12:00"),
                visit("v2", doctor: 0, rep: 1, "2026-12-06", "12:30", status: .completed),
                visit("v-r", doctor: 0, rep: 1, "2026-12-06", "12:45", status: .rescheduled),
                visit("v-c", doctor: 0, rep: 1, "2026-12-06", "12:45", status: .cancelled),
                visit("v-n", doctor: 0, rep: 1, "2026-12-06", "12:45", status: .noShow),
            ])
        let report = ConflictDetector.detect(model: m, calendar: WorkCalendar(m),
                                             range: DateRange(first: day("2026-12-06"), count: 8))
        // The closed Sunday has 3 booked (b1, b2, w1) but no capacity conflict: it is not worked.
        #expect(report.conflicts.map(Found.init) == [
            Found(.overCapacity, .doctor(0), "2026-12-06", ["a1", "a2", "a3"]),
            Found(.overCapacity, .doctor(0), "2026-12-06", ["v1", "v2"]),
            Found(.closedDay, .doctor(0), "2026-12-13", ["b1"]),
            Found(.closedDay, .doctor(0), "2026-12-13", ["b2"]),
            Found(.closedDay, .doctor(0), "2026-12-13", ["w1"]),
        ])
        #expect(report.conflicts[0].detail == "3 booked appointments, max_patients 2")
        #expect(report.conflicts[1].detail == "2 occupying rep visits, max_reps 1")
        #expect(report.conflicts[2].detail == "appointment at 09:00 on a day the doctor is closed")
    }

    @Test func overlapsAreCheckedOnDatesNotWorked() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00")],
            closures: [closed("c0", doctor: 0, "2026-12-06", "Holiday")],
            appointments: [dated("a1", doctor: 0, patient: 0, "2026-12-06", "09:00"),
                           dated("a2", doctor: 0, patient: 1, "2026-12-06", "09:10"),
                           dated("m1", doctor: 0, patient: 0, "2026-12-07", "09:00"),
                           dated("m2", doctor: 0, patient: 0, "2026-12-07", "09:05")])
        #expect(detect(m, from: "2026-12-06", days: 2) == [
            Found(.closedDay, .doctor(0), "2026-12-06", ["a1"]),
            Found(.closedDay, .doctor(0), "2026-12-06", ["a2"]),
            Found(.doubleBooking, .doctor(0), "2026-12-06", ["a1", "a2"]),
            Found(.noSchedule, .doctor(0), "2026-12-07", ["m1"]),
            Found(.noSchedule, .doctor(0), "2026-12-07", ["m2"]),
            Found(.doubleBooking, .doctor(0), "2026-12-07", ["m1", "m2"]),
            Found(.patientDoubleBooked, .patient(0), "2026-12-07", ["m1", "m2"]),
        ])
    }

    @Test func invalidSchedulesAreUndatedAndComeFirst() {
        let m = model(
            schedules: [
                rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "11:59-13:00"),
                rule("s1", doctor: 1, .monday, patients: "09:00-12:00", reps: "12:00-13:00"),
                rule("s2", doctor: 1, .monday, patients: "09:00-12:00", reps: "10:00-11:00"),
                rule("s3", doctor: 0, .tuesday, patients: "09:00-12:00", reps: "12:00-13:00"),
                rule("s4", doctor: 1, .monday, patients: "14:00-15:00", reps: "15:00-16:00"),
            ],
            appointments: [dated("a1", doctor: 1, patient: 0, "2026-12-07", "14:00")])
        let report = ConflictDetector.detect(model: m, calendar: WorkCalendar(m),
                                             range: DateRange(first: day("2026-12-06"), count: 7))
        // a1 is checked against s1, the first Monday schedule of d1, so it is outside hours.
        #expect(report.conflicts.map(Found.init) == [
            Found(.invalidSchedule, .doctor(0), nil, ["s0"]),
            Found(.invalidSchedule, .doctor(1), nil, ["s1", "s2", "s4"]),
            Found(.invalidSchedule, .doctor(1), nil, ["s2"]),
            Found(.outsideHours, .doctor(1), "2026-12-07", ["a1"]),
        ])
        #expect(report.conflicts.map(\.detail).prefix(3) == [
            "Sunday patient window 09:00–12:00 overlaps rep window 11:59–13:00",
            "3 schedules for Monday; the first in file order is used",
            "Monday patient window 09:00–12:00 overlaps rep window 10:00–11:00",
        ])
        #expect(detect(m, from: "2026-12-06", days: 7, doctor: 0) == [
            Found(.invalidSchedule, .doctor(0), nil, ["s0"]),
        ])
    }

    @Test func weeklyAppointmentConflictsOnEveryOccurrenceButSkippedOnes() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00")],
            appointments: [weekly("w1", doctor: 0, patient: 0, .sunday, "08:50",
                                  skipping: ["2026-12-13"])])
        #expect(detect(m, from: "2026-12-01", days: 28) == [
            Found(.outsideHours, .doctor(0), "2026-12-06", ["w1"]),
            Found(.outsideHours, .doctor(0), "2026-12-20", ["w1"]),
            Found(.outsideHours, .doctor(0), "2026-12-27", ["w1"]),
        ])
    }

    @Test func emptyInputsGiveAnEmptyReport() {
        let m = model()
        let report = ConflictDetector.detect(model: m, calendar: WorkCalendar(m),
                                             range: DateRange(first: day("2026-12-06"), count: 7))
        #expect(report.conflicts.isEmpty)
        #expect(report.summary.values.allSatisfy { $0 == 0 })
        #expect(report.summary.count == ConflictKind.allCases.count)
    }
}
