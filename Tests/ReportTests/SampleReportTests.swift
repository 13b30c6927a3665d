import ClinicData
import SlotSolver
import Testing
@testable import clinic_plan

/// Every report on the sample's main week (2026-11-29 … 12-05), against values counted by hand
/// from instances/sample-source/make_sample.py: 26 booked appointment occurrences (8 standing
/// weekly bookings and the dated ones; one cancelled booking on 12-02 does not count) and 11 rep
/// visits that take time (all scheduled; one cancelled visit on 11-29 does not).
@Suite struct SampleReportTests {
    let analytics = SampleClinic.analytics()

    @Test func doctorsBySpecialization() {
        let groups = analytics.doctorsBySpecialization()
        #expect(groups.map(\.specialization) == ["Cardiology", "Dermatology", "ENT", "Internal Medicine", "Neurology",
                                                 "Ophthalmology", "Orthopedics", "Pediatrics"])
        #expect(groups.map(\.doctors.count) == [2, 2, 1, 1, 1, 1, 1, 1])
        #expect(groups[0].doctors == [0, 8])  // Dr. Ahmed Hassan, Dr. Youssef Ibrahim
        #expect(groups[1].doctors == [1, 9])
    }

    @Test func doctorPatients() {
        let rows = analytics.doctorPatients()
        #expect(rows.map(\.doctor) == Array(0...9))
        // Dr. Ahmed Hassan: Sunday's standing 09:00, dated 10:40 and 09:10; Tuesday's standing 09:20
        // and dated 10:00; the booking on his closed Thursday still counts as booked.
        #expect(rows.map(\.bookedAppointments) == [6, 3, 3, 2, 1, 4, 2, 2, 2, 1])
        #expect(rows.map(\.distinctPatients) == [6, 3, 3, 2, 1, 4, 2, 2, 2, 1])
        #expect(rows[0].specialization == "Cardiology")
        #expect(rows[0].clinicName == "Heart Care Clinic")
        #expect(rows[0].consultationFee == 600)
    }

    @Test func doctorPatientsCountsAPatientOncePerDoctor() {
        // Over two weeks, Mohamed Saeed's standing Sunday booking with Dr. Ahmed Hassan occurs twice.
        let rows = SampleClinic.analytics(DateRange(first: day("2026-11-29"), count: 14), doctor: 0).doctorPatients()
        #expect(rows.count == 1)
        #expect(rows[0].bookedAppointments == 8)  // 6 in the first week; the 2 standing ones in the second
        #expect(rows[0].distinctPatients == 6)
    }

    @Test func lowUtilization() {
        let rows = analytics.lowUtilization()
        // Dr. Heba Mostafa (4 booked of 2 × 3) is over 50% and left out; the others, lowest first.
        #expect(rows.map(\.doctor) == [9, 4, 8, 6, 7, 2, 3, 1, 0])
        let ahmed = rows.last!
        #expect(ahmed.workingDays == 2)  // Thursday is closed
        #expect(ahmed.booked == 5)  // the booking on the closed Thursday is not on a working day
        #expect(ahmed.capacity == 24)
        #expect(abs(ahmed.utilization - 5.0 / 24) < 1e-12)
        #expect(rows[0].booked == 1 && rows[0].capacity == 32)
        #expect(analytics.lowUtilization(threshold: 0.05).map(\.doctor) == [9, 4])
        #expect(analytics.lowUtilization(threshold: 2).count == 10)
    }

    @Test func patientsPerDay() {
        let days = analytics.patientsPerDay()
        #expect(days.map(\.date) == Array(SampleClinic.mainWeek))
        #expect(days.map(\.appointments) == [6, 7, 4, 5, 3, 0, 1])
        // Sunday: Dina Sherif is booked twice (Dr. Tarek Samir 18:00, Dr. Karim Fathy 18:05).
        #expect(days.map(\.distinctPatients) == [5, 7, 4, 5, 3, 0, 1])
    }

    @Test func peakDay() {
        #expect(analytics.peakDay() == DailyPatients(date: day("2026-11-30"), appointments: 7, distinctPatients: 7))
    }

    @Test func peakHour() {
        // 09:00, 09:10, 09:20 (Dr. Ahmed Hassan), 09:00, 09:20 (Dr. Heba Mostafa), 09:00 (Dr. Nourhan Ali).
        #expect(analytics.peakHour() == HourCount(hour: 9, appointments: 6))
        let hours = analytics.appointmentsPerHour()
        #expect(hours.count == 24)
        #expect(hours.map(\.appointments).reduce(0, +) == 26)
        #expect(hours[8].appointments == 1 && hours[10].appointments == 4 && hours[18].appointments == 3)
    }

    @Test func repVisitsPerDay() {
        let days = analytics.repVisitsPerDay()
        #expect(days.map(\.visits) == [1, 1, 1, 4, 3, 1, 0])
        #expect(days[0] == DailyRepVisits(date: day("2026-11-29"), scheduled: 1, cancelled: 1))
        let november = SampleClinic.analytics(DateRange(first: day("2026-11-24"), count: 2)).repVisitsPerDay()
        #expect(november == [DailyRepVisits(date: day("2026-11-24"), completed: 2, noShow: 1, rescheduled: 1),
                             DailyRepVisits(date: day("2026-11-25"), scheduled: 2, rescheduled: 1)])
    }

    @Test func mostActiveRep() {
        // November 1–28: Sameh Galal (Novartis Egypt) has 5 visits, 4 completed, at 3 doctors.
        let november = SampleClinic.analytics(DateRange(first: day("2026-11-01"), count: 28))
        #expect(november.mostActiveRep() == RepActivity(rep: 4, companyName: "Novartis Egypt", visits: 5, completed: 4,
                                                        scheduled: 1, doctorsVisited: 3))
        // Medhat Awad and Tamer Hosny both have 3 visits, 2 completed: file order decides.
        #expect(november.repActivity().map(\.rep) == [4, 0, 2, 8, 1, 3, 6, 9, 5, 7])
        // In the main week five reps have two scheduled visits each; Medhat Awad comes first in the file.
        #expect(analytics.mostActiveRep()?.rep == 2)
        #expect(analytics.mostActiveRep()?.companyName == "Amoun Pharmaceutical")
    }

    @Test func patientsVersusRepVisits() {
        let rows = analytics.patientsVersusRepVisits()
        #expect(rows.map(\.repVisits) == [0, 2, 2, 2, 0, 2, 1, 1, 0, 1])
        #expect(rows.map(\.bookedAppointments) == [6, 3, 3, 2, 1, 4, 2, 2, 2, 1])
        #expect(rows[0].appointmentsPerVisit == nil)
        #expect(rows[1].appointmentsPerVisit == 1.5)
    }

    @Test func weeklySchedule() {
        let entries = SampleClinic.analytics(doctor: 0).weeklySchedule()
        #expect(entries.map(\.schedule.weekday) == [.sunday, .tuesday, .thursday])
        #expect(entries.allSatisfy { $0.inUse })
        let sunday = entries[0].schedule
        #expect(sunday.patientWindow == MinuteInterval(start: MinuteOfDay(hour: 9, minute: 0), end: MinuteOfDay(hour: 13, minute: 0)))
        #expect(sunday.repWindow == MinuteInterval(start: MinuteOfDay(hour: 13, minute: 0), end: MinuteOfDay(hour: 14, minute: 0)))
        #expect(sunday.maxPatients == 12 && sunday.maxReps == 3 && sunday.appointmentMinutes == 20)
        #expect(analytics.weeklySchedule().count == 25)
    }

    @Test func closedDays() {
        let ahmed = SampleClinic.analytics(doctor: 0).closedDays()
        #expect(ahmed == [ClosedDay(doctor: 0, date: day("2026-12-03"), reason: "Cardiology conference in Alexandria",
                                    hasSchedule: true)])
        // Dr. Mona Adel has only an explicit opening.
        #expect(SampleClinic.analytics(doctor: 1).closedDays().isEmpty)
        // All doctors, at any date (not only the main week): eight closures.
        let all = analytics.closedDays()
        #expect(all.map(\.doctor) == [0, 2, 3, 4, 5, 6, 8, 9])
        #expect(all.map(\.date) == ["2026-12-03", "2026-11-30", "2026-12-17", "2026-12-13", "2026-12-07", "2026-12-01",
                                    "2026-12-24", "2026-12-16"].map(day))
    }

    @Test func occupancyRate() {
        let rows = analytics.occupancyRate()
        #expect(rows.count == 22)
        let ahmed = rows.filter { $0.doctor == 0 }
        #expect(ahmed.map(\.date) == [day("2026-11-29"), day("2026-12-01")])  // Thursday closed
        #expect(ahmed.map(\.booked) == [3, 2])
        #expect(ahmed[0].percent == 25)
        let heba = rows.filter { $0.doctor == 5 }
        #expect(heba.map(\.booked) == [4, 0])
        #expect(abs(heba[0].percent! - 400.0 / 3) < 1e-9)  // over its cap of 3
        // Dr. Karim Fathy is on leave on Monday: Sunday and Wednesday only.
        #expect(rows.filter { $0.doctor == 2 }.map(\.date) == [day("2026-11-29"), day("2026-12-02")])
    }

    @Test func idleDays() {
        let idle = analytics.idleDays()
        #expect(idle.map(\.doctor) == [4, 4, 5, 8, 9])
        #expect(idle.map(\.date) == ["2026-11-29", "2026-12-05", "2026-12-03", "2026-11-29", "2026-11-30"].map(day))
    }

    @Test func schedulingConflicts() {
        let report = analytics.schedulingConflicts()
        // The sample's eight deliberate conflicts, one of each kind.
        #expect(report.conflicts.count == 8)
        #expect(Set(report.conflicts.map(\.kind)) == Set(ConflictKind.allCases))
        let engine = ConflictDetector.detect(model: SampleClinic.clinic.model, calendar: SampleClinic.clinic.calendar,
                                             range: SampleClinic.mainWeek)
        #expect(report.conflicts == engine.conflicts)
        // For one doctor: Dr. Heba Mostafa's over-capacity Monday only.
        let heba = SampleClinic.analytics(doctor: 5).schedulingConflicts()
        #expect(heba.conflicts.map(\.kind) == [.overCapacity])
        #expect(heba.conflicts.first?.date == day("2026-11-30"))
    }
}
