import ClinicData
import SlotSolver
import Testing

/// The counting rules and tie-breaks of the reports, each on a clinic small enough to check by eye.
@Suite struct HandMadeReportTests {
    @Test func cancelledAppointmentsAndSkippedDatesNeverCount() {
        let analytics = handMade(appointments: [
            weekly("w1", doctor: 0, patient: 0, .sunday, "09:00", skipping: ["2026-12-06"]),
            weekly("w2", doctor: 0, patient: 1, .sunday, "09:30", status: .cancelled),
            dated("a1", doctor: 0, patient: 2, "2026-12-07", "10:00", status: .cancelled),
            dated("a2", doctor: 1, patient: 2, "2026-12-08", "10:00"),
        ], days: 14)
        // w1 on 11-29 only (12-06 skipped); w2 and a1 are cancelled.
        #expect(analytics.doctorPatients().map(\.bookedAppointments) == [1, 1])
        let perDay = analytics.patientsPerDay()
        #expect(perDay.count == 14)
        #expect(perDay.filter { $0.appointments > 0 }.map(\.date) == [day("2026-11-29"), day("2026-12-08")])
    }

    @Test func onlyCompletedAndScheduledVisitsCountAsVisits() {
        let analytics = handMade(visits: [
            visit("v1", doctor: 0, rep: 0, "2026-11-30", "12:00", status: .completed),
            visit("v2", doctor: 0, rep: 0, "2026-11-30", "12:15", status: .scheduled),
            visit("v3", doctor: 0, rep: 1, "2026-11-30", "12:30", status: .cancelled),
            visit("v4", doctor: 1, rep: 1, "2026-11-30", "12:30", status: .noShow),
            visit("v5", doctor: 1, rep: 1, "2026-11-30", "12:45", status: .rescheduled),
            visit("v6", doctor: 1, rep: 1, "2026-12-06", "12:00", status: .completed),  // after the range
        ])
        let monday = analytics.repVisitsPerDay()[1]
        #expect(monday == DailyRepVisits(date: day("2026-11-30"), completed: 1, scheduled: 1, cancelled: 1, noShow: 1,
                                         rescheduled: 1))
        #expect(monday.visits == 2)
        #expect(analytics.patientsVersusRepVisits().map(\.repVisits) == [2, 0])
        #expect(analytics.repActivity().map(\.rep) == [0])
    }

    @Test func peakDayAndHourTiesGoToTheEarliest() {
        let analytics = handMade(appointments: [
            dated("a1", doctor: 0, patient: 0, "2026-12-02", "11:00"),
            dated("a2", doctor: 0, patient: 1, "2026-12-02", "11:30"),
            dated("a3", doctor: 1, patient: 2, "2026-11-30", "14:00"),
            dated("a4", doctor: 1, patient: 3, "2026-11-30", "14:45"),
        ])
        #expect(analytics.peakDay() == DailyPatients(date: day("2026-11-30"), appointments: 2, distinctPatients: 2))
        #expect(analytics.peakHour() == HourCount(hour: 11, appointments: 2))
    }

    @Test func noPeakWithoutBookings() {
        let analytics = handMade(appointments: [dated("a1", doctor: 0, patient: 0, "2026-12-02", "11:00",
                                                      status: .cancelled)])
        #expect(analytics.peakDay() == nil)
        #expect(analytics.peakHour() == nil)
        #expect(analytics.mostActiveRep() == nil)
    }

    @Test func mostActiveRepTiesGoToMoreCompletedThenFileOrder() {
        let visits = [
            visit("v1", doctor: 0, rep: 0, "2026-11-30", "12:00", status: .scheduled),
            visit("v2", doctor: 0, rep: 0, "2026-12-01", "12:00", status: .scheduled),
            visit("v3", doctor: 0, rep: 1, "2026-11-30", "12:30", status: .completed),
            visit("v4", doctor: 1, rep: 1, "2026-12-01", "12:30", status: .scheduled),
            visit("v5", doctor: 0, rep: 2, "2026-12-02", "12:00", status: .completed),
            visit("v6", doctor: 0, rep: 2, "2026-12-03", "12:00", status: .scheduled),
        ]
        let analytics = handMade(companies: ["EVA", "Pfizer", "GSK"], visits: visits)
        // All three have 2 visits; Pfizer's and GSK's reps have one completed: file order between them.
        #expect(analytics.repActivity().map(\.rep) == [1, 2, 0])
        #expect(analytics.mostActiveRep() == RepActivity(rep: 1, companyName: "Pfizer", visits: 2, completed: 1,
                                                         scheduled: 1, doctorsVisited: 2))
    }

    @Test func lowUtilizationIsStrictlyBelowAndSkipsDoctorsWithoutWorkingDays() {
        let analytics = handMade(specializations: ["A", "B", "C"],
                                 schedules: [rule("s0", doctor: 0, .monday, maxPatients: 4),
                                             rule("s1", doctor: 1, .monday, maxPatients: 4),
                                             rule("s2", doctor: 2, .tuesday, maxPatients: 4)],
                                 closures: [closure("c2", doctor: 2, "2026-12-01")],
                                 appointments: [dated("a1", doctor: 0, patient: 0, "2026-11-30", "09:00"),
                                                dated("a2", doctor: 0, patient: 1, "2026-11-30", "09:15"),
                                                dated("a3", doctor: 1, patient: 2, "2026-11-30", "09:00")])
        // Doctor 0: 2 / 4 = 0.5, not below 0.5. Doctor 1: 1 / 4. Doctor 2's only day is closed.
        let rows = analytics.lowUtilization()
        #expect(rows == [DoctorUtilization(doctor: 1, workingDays: 1, booked: 1, capacity: 4, utilization: 0.25)])
        #expect(analytics.lowUtilization(threshold: 0.51).map(\.doctor) == [1, 0])
    }

    @Test func closedDatesAreNotIdleAndExplicitOpeningsChangeNothing() {
        let analytics = handMade(schedules: [rule("s0", doctor: 0, .monday), rule("s1", doctor: 0, .tuesday),
                                             rule("s2", doctor: 1, .monday, maxPatients: 0)],
                                 closures: [closure("c1", doctor: 0, "2026-12-01"),
                                            closure("o1", doctor: 1, "2026-11-30", open: true)])
        let occupancy = analytics.occupancyRate()
        #expect(occupancy.map(\.doctor) == [0, 1])
        #expect(occupancy.map(\.date) == [day("2026-11-30"), day("2026-11-30")])
        #expect(occupancy[1].percent == nil)  // max_patients 0
        #expect(analytics.idleDays().map(\.doctor) == [0, 1])
        #expect(analytics.closedDays() == [ClosedDay(doctor: 0, date: day("2026-12-01"), reason: "Closed",
                                                     hasSchedule: true)])
    }

    @Test func aSecondScheduleForTheSameWeekdayIsMarkedUnused() {
        let analytics = handMade(schedules: [rule("s0", doctor: 1, .wednesday), rule("s1", doctor: 0, .monday),
                                             rule("s2", doctor: 0, .sunday), rule("s3", doctor: 0, .monday)])
        let entries = analytics.weeklySchedule()
        #expect(entries.map(\.schedule.id) == ["s2", "s1", "s3", "s0"])
        #expect(entries.map(\.inUse) == [true, true, false, true])
    }

    @Test func specializationsWithEqualCountsGoByName() {
        let analytics = handMade(specializations: ["ENT", "Cardiology", "ENT", "Dermatology", "Cardiology"])
        let groups = analytics.doctorsBySpecialization()
        #expect(groups == [SpecializationCount(specialization: "Cardiology", doctors: [1, 4]),
                           SpecializationCount(specialization: "ENT", doctors: [0, 2]),
                           SpecializationCount(specialization: "Dermatology", doctors: [3])])
    }

    @Test func theDoctorFilterLimitsEveryCount() {
        let analytics = handMade(appointments: [dated("a1", doctor: 0, patient: 0, "2026-11-30", "09:00"),
                                                dated("a2", doctor: 1, patient: 1, "2026-11-30", "09:00")],
                                 visits: [visit("v1", doctor: 1, rep: 0, "2026-11-30", "12:00")], doctor: 1)
        #expect(analytics.patientsPerDay()[1].appointments == 1)
        #expect(analytics.doctorPatients().map(\.doctor) == [1])
        #expect(analytics.repVisitsPerDay()[1].visits == 1)
        #expect(analytics.mostActiveRep()?.rep == 0)
    }
}
