import EngineTestSupport
import Testing
@testable import SlotSolver

@Suite("OccurrenceExpansion")
struct OccurrenceExpansionTests {
    /// "id date start length" of each occurrence, in the order expansion returns them.
    func expand(_ m: ClinicModel, from: String, days: Int, doctors: Set<Int32>? = nil) -> [String] {
        OccurrenceExpansion.occurrences(of: m, calendar: WorkCalendar(m),
                                        in: DateRange(first: day(from), count: days), doctors: doctors)
            .map { o in
                let id = o.kind == .appointment ? m.appointments[Int(o.record)].id : m.visits[Int(o.record)].id
                return "\(id) d\(o.doctor) \(o.date) \(o.start) \(o.length)"
            }
    }

    let clinic = model(
        schedules: [rule("s0", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00", minutes: 30),
                    rule("s1", doctor: 0, .sunday, patients: "09:00-12:00", reps: "12:00-13:00", minutes: 45),
                    rule("s2", doctor: 1, .wednesday, patients: "09:00-12:00", reps: "12:00-13:00", minutes: 20)],
        appointments: [
            weekly("w-sun", doctor: 0, patient: 0, .sunday, "09:00", skipping: ["2026-12-13", "2027-03-07"]),
            weekly("w-mon", doctor: 0, patient: 1, .monday, "10:00"),                  // no Monday schedule: 15
            weekly("w-cancelled", doctor: 0, patient: 1, .sunday, "11:00", status: .cancelled),
            dated("in", doctor: 1, patient: 2, "2026-12-09", "09:20"),
            dated("out", doctor: 1, patient: 2, "2026-12-30", "09:20"),
            dated("before", doctor: 1, patient: 2, "2026-12-05", "09:20"),
        ],
        visits: [
            visit("v-sched", doctor: 0, rep: 0, "2026-12-06", "12:00", minutes: 20),
            visit("v-done", doctor: 1, rep: 1, "2026-12-16", "12:30", status: .completed),
            visit("v-moved", doctor: 0, rep: 0, "2026-12-07", "12:00", status: .rescheduled),
            visit("v-cancel", doctor: 0, rep: 0, "2026-12-07", "12:00", status: .cancelled),
            visit("v-noshow", doctor: 0, rep: 0, "2026-12-07", "12:00", status: .noShow),
            visit("v-late", doctor: 0, rep: 0, "2026-12-27", "12:00"),
        ])

    @Test func weeklyDatedAndVisitsOverThreeWeeks() {
        // 2026-12-06 (Sunday) … 2026-12-26 (Saturday).
        #expect(expand(clinic, from: "2026-12-06", days: 21) == [
            "w-sun d0 2026-12-06 09:00 30",      // first Sunday schedule (s0) gives the length
            "w-sun d0 2026-12-20 09:00 30",      // 12-13 skipped
            "w-mon d0 2026-12-07 10:00 15",
            "w-mon d0 2026-12-14 10:00 15",
            "w-mon d0 2026-12-21 10:00 15",
            "in d1 2026-12-09 09:20 20",
            "v-sched d0 2026-12-06 12:00 20",
            "v-done d1 2026-12-16 12:30 15",
        ])
    }

    @Test func rangeStartingMidWeek() {
        // Tuesday 2026-12-08 … Monday 2026-12-14: one Sunday (skipped) and one Monday.
        #expect(expand(clinic, from: "2026-12-08", days: 7) == [
            "w-mon d0 2026-12-14 10:00 15",
            "in d1 2026-12-09 09:20 20",
        ])
        #expect(expand(clinic, from: "2026-12-08", days: 0) == [])
    }

    @Test func onlySelectedDoctors() {
        #expect(expand(clinic, from: "2026-12-06", days: 21, doctors: [1]) == [
            "in d1 2026-12-09 09:20 20",
            "v-done d1 2026-12-16 12:30 15",
        ])
        #expect(expand(clinic, from: "2026-12-06", days: 21, doctors: []) == [])
    }
}
