import EngineTestSupport
import PropertyBased
import PropertyTestSupport
import Testing
@testable import SlotSolver

/// Random small clinics, crowded on purpose (a few doctors, reps and patients, short windows,
/// times on a 5-minute grid) so that every kind of conflict shows up often.
struct RandomClinic {
    /// SplitMix64: a tiny seeded generator, so a failing seed reproduces the same clinic.
    typealias SplitMix = SplitMix64

    static let first = day("2026-12-06")

    static func make(seed: UInt64, size: Int) -> ClinicModel {
        var rng = SplitMix(seed: seed)
        let doctors = Int.random(in: 1...3, using: &rng)
        let reps = Int.random(in: 1...3, using: &rng)
        let patients = Int.random(in: 1...4, using: &rng)
        func minute(_ low: Int, _ high: Int) -> MinuteOfDay {
            MinuteOfDay(Int32(Int.random(in: low / 5...high / 5, using: &rng) * 5))
        }
        func doctor() -> Int32 { Int32.random(in: 0..<Int32(doctors), using: &rng) }
        func date() -> LocalDate { first.adding(days: Int.random(in: -2...16, using: &rng)) }

        var schedules: [ScheduleRule] = []
        for i in 0..<Int.random(in: 0...(doctors * 4), using: &rng) {
            let ps = minute(480, 600), pe = ps + Int32(Int.random(in: 1...24, using: &rng) * 5)
            let rs = minute(540, 720), re = rs + Int32(Int.random(in: 1...12, using: &rng) * 5)
            schedules.append(ScheduleRule(
                id: "s\(i)", doctor: doctor(), weekday: Weekday(rawValue: Int.random(in: 0...6, using: &rng))!,
                patientWindow: MinuteInterval(start: ps, end: pe), repWindow: MinuteInterval(start: rs, end: re),
                maxPatients: Int32.random(in: 0...4, using: &rng), maxReps: Int32.random(in: 0...3, using: &rng),
                appointmentMinutes: [10, 15, 20, 30][Int.random(in: 0...3, using: &rng)]))
        }
        var closures: [ClinicClosure] = []
        for i in 0..<Int.random(in: 0...4, using: &rng) {
            closures.append(ClinicClosure(id: "c\(i)", doctor: doctor(), date: date(),
                                          isOpen: Int.random(in: 0...3, using: &rng) == 0, reason: "r\(i)"))
        }
        var appointments: [AppointmentRecord] = []
        for i in 0..<Int.random(in: 0...size, using: &rng) {
            let recurrence: Recurrence
            if Bool.random(using: &rng) {
                let skips = (0..<Int.random(in: 0...2, using: &rng)).map { _ in date() }
                recurrence = .weekly(Weekday(rawValue: Int.random(in: 0...6, using: &rng))!, skipping: Set(skips))
            } else {
                recurrence = .dated(date())
            }
            appointments.append(AppointmentRecord(
                id: "a\(i)", doctor: doctor(), patient: Int32.random(in: 0..<Int32(patients), using: &rng),
                time: minute(480, 720), status: Int.random(in: 0...5, using: &rng) == 0 ? .cancelled : .booked,
                recurrence: recurrence))
        }
        var visits: [RepVisitRecord] = []
        for i in 0..<Int.random(in: 0...size, using: &rng) {
            visits.append(RepVisitRecord(
                id: "v\(i)", doctor: doctor(), rep: Int32.random(in: 0..<Int32(reps), using: &rng), date: date(),
                start: minute(500, 780), length: Int32(Int.random(in: 1...9, using: &rng) * 5),
                status: VisitStatus.allCases[Int.random(in: 0..<VisitStatus.allCases.count, using: &rng)]))
        }
        return ClinicModel(doctorIDs: (0..<doctors).map { "d\($0)" }, repIDs: (0..<reps).map { "r\($0)" },
                           patientIDs: (0..<patients).map { "p\($0)" }, schedules: schedules,
                           closures: closures, appointments: appointments, visits: visits)
    }
}

@Suite("Sweep against brute force")
struct ConflictPropertyTests {
    static let range = DateRange(first: RandomClinic.first, count: 14)

    @Test func sweepFindsExactlyTheBruteForceConflicts() async {
        await seededPropertyCheck(count: 300, input: Gen.uint64(in: 0 ... .max), Gen.int(in: 0...30)) { seed, size in
            let m = RandomClinic.make(seed: seed, size: size)
            let expected = BruteForceConflicts(model: m, range: Self.range).conflicts()
            let report = ConflictDetector.detect(model: m, calendar: WorkCalendar(m), range: Self.range)
            #expect(report.conflicts.map(Found.init) == expected)
            // The public comparator agrees with the order reports come in.
            #expect(zip(report.conflicts, report.conflicts.dropFirst()).allSatisfy { !Conflict.reportOrder($1, $0) })
        }
    }

    @Test func doctorFilterMatchesBruteForce() async {
        await seededPropertyCheck(count: 200, input: Gen.uint64(in: 0 ... .max), Gen.int(in: 0...30)) { seed, size in
            let m = RandomClinic.make(seed: seed, size: size)
            for d in 0..<Int32(m.doctorIDs.count) {
                let expected = BruteForceConflicts(model: m, range: Self.range).conflicts(doctor: d)
                let found = ConflictDetector.detect(model: m, calendar: WorkCalendar(m), range: Self.range, doctor: d)
                #expect(found.conflicts.map(Found.init) == expected, "doctor \(d)")
            }
        }
    }

    /// Crowded models hit every kind; a sanity check that the generator is not vacuous.
    @Test func randomClinicsProduceEveryKind() {
        var seen: Set<ConflictKind> = []
        for seed in 0..<UInt64(60) {
            let m = RandomClinic.make(seed: seed, size: 30)
            seen.formUnion(ConflictDetector.detect(model: m, calendar: WorkCalendar(m), range: Self.range)
                .conflicts.map(\.kind))
        }
        #expect(seen == Set(ConflictKind.allCases))
    }

    @Test func plannedEntriesMatchTheExpansionAndConflicts() async {
        await seededPropertyCheck(count: 100, input: Gen.uint64(in: 0 ... .max), Gen.int(in: 0...30)) { seed, size in
            let m = RandomClinic.make(seed: seed, size: size)
            let calendar = WorkCalendar(m)
            let brute = BruteForceConflicts(model: m, range: Self.range)
            let conflicts = brute.conflicts().filter { $0.date != nil }
            let plan = WeeklyPlanner.plan(model: m, calendar: calendar, range: Self.range)
            #expect(plan.doctors.map(\.doctor) == Array(0..<Int32(m.doctorIDs.count)))
            for week in plan.doctors {
                for dayPlan in week.days {
                    let items = brute.items.filter { $0.doctor == week.doctor && $0.date == dayPlan.date }
                    #expect(dayPlan.entries.map(\.id).sorted() == items.map(\.id).sorted())
                    #expect(dayPlan.entries.map(\.interval.start) == dayPlan.entries.map(\.interval.start).sorted())
                    for entry in dayPlan.entries {
                        // An id names one occurrence per date, so the id and date pick out the conflicts.
                        let inConflict = conflicts.contains { $0.date == dayPlan.date && $0.ids.contains(entry.id) }
                        #expect(entry.conflicted == inConflict, "\(entry.id) on \(dayPlan.date)")
                    }
                    // Free slots: exactly the grid slots of each window that meet no entry, while the
                    // day is under its cap (none at the cap), and the places the cap leaves.
                    func grid(_ window: MinuteInterval, _ length: Int32, left: Int) -> [MinuteInterval] {
                        guard left > 0, length > 0 else { return [] }
                        return stride(from: window.start.minutes, through: window.end.minutes - length, by: Int(length))
                            .map { MinuteInterval(start: MinuteOfDay($0), length: length) }
                            .filter { slot in !dayPlan.entries.contains { $0.interval.overlaps(slot) } }
                    }
                    if dayPlan.status == .open, let rule = dayPlan.schedule {
                        let patientsLeft = max(0, Int(rule.maxPatients) - dayPlan.bookedAppointments)
                        let repsLeft = max(0, Int(rule.maxReps) - dayPlan.occupyingVisits)
                        #expect(dayPlan.patientPlacesLeft == patientsLeft && dayPlan.repPlacesLeft == repsLeft)
                        #expect(dayPlan.freePatientSlots == grid(rule.patientWindow, rule.appointmentMinutes, left: patientsLeft))
                        #expect(dayPlan.freeRepSlots == grid(rule.repWindow, 15, left: repsLeft))
                        #expect(dayPlan.utilization == (rule.maxPatients > 0
                            ? Double(dayPlan.bookedAppointments) / Double(rule.maxPatients) : nil))
                    } else {
                        #expect(dayPlan.freePatientSlots.isEmpty && dayPlan.freeRepSlots.isEmpty)
                        #expect(dayPlan.utilization == nil)
                    }
                }
            }
        }
    }
}
