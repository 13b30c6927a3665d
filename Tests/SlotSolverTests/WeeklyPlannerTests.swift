import EngineTestSupport
import Testing
@testable import SlotSolver

@Suite("WeeklyPlanner")
struct WeeklyPlannerTests {
    // Doctor d0's week from Sunday 2026-12-06: works Sundays and Tuesdays, closed Tuesday 12-08.
    let sunday = rule("s-sun", doctor: 0, .sunday, patients: "09:00-11:10", reps: "12:00-13:00",
                      maxPatients: 4, maxReps: 2, minutes: 30)
    let tuesday = rule("s-tue", doctor: 0, .tuesday, patients: "09:00-12:00", reps: "12:00-13:00")
    var clinic: ClinicModel {
        model(
            schedules: [sunday, tuesday,
                        rule("s-d1", doctor: 1, .sunday, patients: "09:00-10:00", reps: "10:00-10:30",
                             maxPatients: 0, maxReps: 1)],
            closures: [closed("c0", doctor: 0, "2026-12-08", "Holiday")],
            appointments: [
                dated("a2", doctor: 0, patient: 1, "2026-12-06", "10:00"),    // 10:00–10:30
                dated("a1", doctor: 0, patient: 0, "2026-12-06", "09:00"),    // 09:00–09:30
                dated("a4", doctor: 0, patient: 2, "2026-12-06", "10:15"),    // 10:15–10:45, overlaps a2
                weekly("mon", doctor: 0, patient: 0, .monday, "09:00"),       // no Monday schedule
                dated("tue", doctor: 0, patient: 1, "2026-12-08", "09:00"),   // closed day
                dated("x", doctor: 0, patient: 2, "2026-12-06", "09:30", status: .cancelled),
            ],
            visits: [
                visit("v1", doctor: 0, rep: 0, "2026-12-06", "12:15", minutes: 20),   // 12:15–12:35
                visit("v-d1", doctor: 1, rep: 1, "2026-12-06", "10:00"),
            ])
    }
    let week = DateRange(first: day("2026-12-06"), count: 7)

    @Test func aDoctorsWeek() throws {
        let plan = WeeklyPlanner.plan(model: clinic, calendar: WorkCalendar(clinic), range: week, doctor: 0)
        #expect(plan.range == week)
        #expect(plan.doctors.map(\.doctor) == [0])
        let days = try #require(plan.doctors.first).days
        #expect(days.map(\.date) == Array(week))

        let sun = days[0]
        #expect(sun.status == .open)
        #expect(sun.schedule == sunday)
        #expect(sun.entries == [
            PlanEntry(kind: .appointment, id: "a1", person: 0, interval: window("09:00-09:30"), conflicted: false),
            PlanEntry(kind: .appointment, id: "a2", person: 1, interval: window("10:00-10:30"), conflicted: true),
            PlanEntry(kind: .appointment, id: "a4", person: 2, interval: window("10:15-10:45"), conflicted: true),
            PlanEntry(kind: .repVisit, id: "v1", person: 0, interval: window("12:15-12:35"), conflicted: false),
        ])
        // The 30-minute grid from 09:00; 11:00–11:30 does not fit the window, 10:30–11:00 meets a4.
        #expect(sun.freePatientSlots == [window("09:30-10:00")])
        #expect(sun.freeRepSlots == [window("12:00-12:15"), window("12:45-13:00")])
        #expect(sun.bookedAppointments == 3)
        #expect(sun.occupyingVisits == 1)
        #expect(sun.patientPlacesLeft == 1 && sun.repPlacesLeft == 1)   // max_patients 4, max_reps 2
        #expect(sun.utilization == 0.75)

        let mon = days[1]
        #expect(mon.status == .noSchedule)
        #expect(mon.schedule == nil)
        #expect(mon.entries == [
            PlanEntry(kind: .appointment, id: "mon", person: 0, interval: window("09:00-09:15"), conflicted: true),
        ])
        #expect(mon.freePatientSlots.isEmpty && mon.freeRepSlots.isEmpty)
        #expect(mon.bookedAppointments == 1 && mon.occupyingVisits == 0)
        #expect(mon.utilization == nil)

        let tue = days[2]
        #expect(tue.status == .closed(reason: "Holiday"))
        #expect(tue.schedule == tuesday)
        #expect(tue.entries.map(\.id) == ["tue"])
        #expect(tue.entries.map(\.conflicted) == [true])
        #expect(tue.freePatientSlots.isEmpty && tue.freeRepSlots.isEmpty)
        #expect(tue.utilization == nil)

        for rest in days[3...] {
            #expect(rest.status == .noSchedule)
            #expect(rest.entries.isEmpty)
            #expect(rest.bookedAppointments == 0 && rest.utilization == nil)
        }
    }

    @Test func everyDoctorByIndexAndZeroCapacity() throws {
        let plan = WeeklyPlanner.plan(model: clinic, calendar: WorkCalendar(clinic), range: week)
        #expect(plan.doctors.map(\.doctor) == [0, 1])
        #expect(plan.doctors[0].days.count == 7 && plan.doctors[1].days.count == 7)
        let sun = plan.doctors[1].days[0]
        #expect(sun.status == .open)
        #expect(sun.entries.map(\.id) == ["v-d1"])
        #expect(sun.entries[0].conflicted == false)
        // max_patients 0: no patient slot can be booked, however free the hours are.
        #expect(sun.freePatientSlots.isEmpty && sun.patientPlacesLeft == 0)
        // max_reps 1, taken by v-d1: no rep slot either.
        #expect(sun.freeRepSlots.isEmpty && sun.repPlacesLeft == 0)
        #expect(sun.utilization == nil)   // max_patients 0
        #expect(plan.doctors[0].days == WeeklyPlanner.plan(model: clinic, calendar: WorkCalendar(clinic),
                                                           range: week, doctor: 0).doctors[0].days)
    }

    @Test func aDayAtItsCapOffersNoSlotAndADayUnderItShowsThePlacesLeft() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-10:00", reps: "12:00-13:00",
                             maxPatients: 2, maxReps: 1)],
            appointments: [dated("a1", doctor: 0, patient: 0, "2026-12-06", "09:00"),
                           dated("a2", doctor: 0, patient: 1, "2026-12-13", "09:00"),
                           dated("a3", doctor: 0, patient: 2, "2026-12-13", "09:30")])
        let plan = WeeklyPlanner.plan(model: m, calendar: WorkCalendar(m), range: DateRange(first: day("2026-12-06"), count: 8))
        let (first, second) = (plan.doctors[0].days[0], plan.doctors[0].days[7])
        // One of two places taken: the three free 15-minute slots are offered, one place left.
        #expect(first.freePatientSlots == [window("09:15-09:30"), window("09:30-09:45"), window("09:45-10:00")])
        #expect(first.patientPlacesLeft == 1)
        // Both places taken: free time, but nothing to book.
        #expect(second.freePatientSlots.isEmpty && second.patientPlacesLeft == 0)
        #expect(second.freeRepSlots.count == 4 && second.repPlacesLeft == 1)
    }

    @Test func itemsDoubleBookedWithAnotherDoctorAreMarked() {
        let m = model(
            schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00"),
                        rule("s1", doctor: 1, .sunday, patients: "09:00-12:00", reps: "12:00-13:00")],
            visits: [visit("v0", doctor: 0, rep: 0, "2026-12-06", "12:00"),
                     visit("v1", doctor: 1, rep: 0, "2026-12-06", "12:10"),
                     visit("v2", doctor: 1, rep: 1, "2026-12-06", "12:30")])
        let plan = WeeklyPlanner.plan(model: m, calendar: WorkCalendar(m), range: week, doctor: 1)
        #expect(plan.doctors[0].days[0].entries.map(\.id) == ["v1", "v2"])
        #expect(plan.doctors[0].days[0].entries.map(\.conflicted) == [true, false])
        #expect(plan.doctors[0].days[0].freeRepSlots == [window("12:45-13:00")])
    }
}
