import Foundation
import Testing

/// Issue 13, point 1, on the sample: the plan offers only slots that can be booked (none on a day
/// at its cap, the places left shown), `book` suggests distinct slots of the plan's grid and takes
/// only their starts, unless `--any-time`.
@Suite struct SlotGridCommandTests {
    static let admin = "admin@clinicplan.example"

    func book(_ clinic: ScratchClinic, doctor: String, date: String, time: String, _ extra: [String] = []) throws -> ToolRun {
        try Tool.run(["book", "--data", clinic.path, "--doctor", doctor, "--patient", "Mohamed Saeed", "--date", date,
                      "--time", time, "--as", Self.admin, "--not-before", "2026-11-29"] + extra,
                     environment: Tool.environment())
    }

    @Test func aDayAtItsCapOffersNoSlotAndTheOthersShowThePlacesLeft() throws {
        // Dr. Heba Mostafa: Monday 4 booked of max_patients 3 (a deliberate over_capacity), Thursday
        // none booked of 3 with nine 20-minute slots; the rep hour's 12:00–12:45 is taken by two visits.
        let run = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-11-29", "--doctor", "Heba Mostafa"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            Week 2026-11-29…2026-12-05 (UTC) · 1 doctor(s)

            == Dr. Heba Mostafa · Ophthalmology, Clear Vision Clinic · 65f000010000000000000006
            Sun 2026-11-29  no schedule
            Mon 2026-11-30  patients 09:00–12:00 · 4/3 booked (133%) · reps 12:00–13:00 · 0/3 visits
                09:00–09:20  patient    Esraa Kamal (65f000020000000000000010) · appointment 65f000060000000000000010  ! over_capacity
                09:20–09:40  patient    Mostafa Ramadan (65f000020000000000000011) · appointment 65f000060000000000000011  ! over_capacity
                10:00–10:20  patient    Laila Fouad (65f000020000000000000012) · appointment 65f000060000000000000012  ! over_capacity
                11:00–11:20  patient    Shaimaa Refaat (65f00002000000000000001e) · appointment 65f00006000000000000001e  ! over_capacity
                free: patients none (day full) · reps 12:00–13:00 (4 × 15 min, 3 places left)
            Tue 2026-12-01  no schedule
            Wed 2026-12-02  no schedule
            Thu 2026-12-03  patients 09:00–12:00 · 0/3 booked (0%) · reps 12:00–13:00 · 2/3 visits
                12:00–12:10  rep visit  Marwa Abdelaziz, Pfizer Egypt (65f000030000000000000006) · visit 65f000070000000000000054
                12:15–12:45  rep visit  Marwa Abdelaziz, Pfizer Egypt (65f000030000000000000006) · visit 65f000070000000000000055
                free: patients 09:00–12:00 (9 × 20 min, 3 places left) · reps 12:45–13:00 (1 × 15 min, 1 place left)
            Fri 2026-12-04  no schedule
            Sat 2026-12-05  no schedule
               week: 2 working day(s), 4 appointment(s) of 6 (67%), 2 rep visit(s)

            """)
        let json = try Tool.run(["plan", "--data", Tool.sample, "--week", "2026-11-29", "--doctor", "Heba Mostafa",
                                 "--format", "json"])
        let days = try #require(((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["doctors"]
            as? [[String: Any]])?.first?["days"] as? [[String: Any]])
        #expect((days[1]["free_patient_slots"] as? [Any])?.count == 0 && days[1]["patient_places_left"] as? Int == 0)
        #expect((days[4]["free_patient_slots"] as? [Any])?.count == 9 && days[4]["patient_places_left"] as? Int == 3)
    }

    @Test func theFullDayIsRefusedAtCheck5WithTheNextDaysSlots() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let run = try book(clinic, doctor: "Heba Mostafa", date: "2026-11-30", time: "09:40")
        #expect(run.status == 1)
        #expect(run.stdout == """
            rejected at check 5 (capacity): Dr. Heba Mostafa (65f000010000000000000006) already has 4 booked appointments on 2026-11-30 (max_patients 3)
            nearest free slots:
              Thu 2026-12-03 09:40–10:00
              Thu 2026-12-03 09:20–09:40
              Thu 2026-12-03 10:00–10:20

            """)
    }

    @Test func anOffGridStartIsRefusedWithDistinctSlotsOfThePlansGrid() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let before = clinic.snapshot()
        // Tuesday 2026-12-08: 20-minute slots from 09:00; 09:20 is Fatma Hamdy's.
        let run = try book(clinic, doctor: "Ahmed Hassan", date: "2026-12-08", time: "09:07")
        #expect(run.status == 1)
        #expect(run.stdout == """
            rejected at check 3 (hours): 09:07 is not a slot start of Dr. Ahmed Hassan (65f000010000000000000001) on Tuesdays: patient slots start every 20 min from 09:00 (09:00, 09:20, 09:40, …)
            (--any-time books a start off the grid)
            nearest free slots:
              Tue 2026-12-08 09:00–09:20
              Tue 2026-12-08 09:40–10:00
              Tue 2026-12-08 10:00–10:20

            """)
        #expect(clinic.snapshot() == before)
        // A suggested slot is accepted as it is.
        let booked = try book(clinic, doctor: "Ahmed Hassan", date: "2026-12-08", time: "09:40")
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(booked.stdout.hasSuffix(": patient Mohamed Saeed (65f000020000000000000001) with Dr. Ahmed Hassan "
                                        + "(65f000010000000000000001), Tuesday 2026-12-08 09:40–10:00\n"))
    }

    @Test func anyTimeBooksOffTheGridAndThePlanThenLosesTheSlotsItSplits() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let run = try book(clinic, doctor: "Ahmed Hassan", date: "2026-12-08", time: "10:50", ["--any-time"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("Tuesday 2026-12-08 10:50–11:10\n"))
        let plan = try Tool.run(["plan", "--data", clinic.path, "--week", "2026-12-06", "--doctor", "Ahmed Hassan"])
        // 10:40–11:00 and 11:00–11:20 both meet 10:50–11:10: 11 free slots become 9.
        #expect(plan.stdout.contains("\n    free: patients 09:00–09:20, 09:40–10:40, 11:20–13:00 (9 × 20 min, 10 places left)"
                                     + " · reps 13:00–13:45 (3 × 15 min, 2 places left)\n"), "\(plan.stdout)")
    }
}
