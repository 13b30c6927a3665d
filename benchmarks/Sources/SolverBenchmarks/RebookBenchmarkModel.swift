import SlotSolver

/// Seeded random clinics for the `rebook` suite, shaped like a real one: doctors working 2–5
/// weekdays with a 3–5 h patient window and a 1–2 h rep window, max_reps 2–6, visits of 10–30
/// min, reps visiting several doctors, the week already partly booked — and `rescheduled`
/// visits waiting for a new slot in a two-week range.
enum RebookBenchmarkModel {
    /// Monday 2026-12-07, two weeks.
    static let range = DateRange(first: LocalDate(year: 2026, month: 12, day: 7)!, count: 14)

    static func make(doctors: Int, rescheduled: Int, seed: UInt64) -> ClinicModel {
        var rng = BenchmarkRandom(seed: seed)
        let reps = max(2, doctors / 2)
        let patients = doctors * 20
        var model = ClinicModel(doctorIDs: (0..<doctors).map { "d\($0)" }, repIDs: (0..<reps).map { "r\($0)" },
                                patientIDs: (0..<patients).map { "p\($0)" })
        // Each rep covers a handful of doctors; a visit's doctor is one of its rep's.
        var doctorsOfRep: [[Int32]] = []
        for _ in 0..<reps {
            doctorsOfRep.append((0..<rng.int(3...8)).map { _ in Int32(rng.int(0...(doctors - 1))) })
        }
        var rules: [[ScheduleRule]] = Array(repeating: [], count: doctors)
        for d in 0..<doctors {
            let weekdays = Weekday.allCases.filter { $0 != .friday }.shuffled(using: &rng).prefix(rng.int(2...5))
            let patientStart = Int32(rng.int(0...6)) * 30 + 8 * 60
            let patientLength = Int32(rng.int(6...10)) * 30
            let repStart = patientStart + patientLength + Int32(rng.int(0...2)) * 30
            let repLength = Int32(rng.int(2...4)) * 30
            let minutes: Int32 = [15, 20, 30][rng.int(0...2)]
            for weekday in weekdays.sorted() {
                let rule = ScheduleRule(
                    id: "s\(model.schedules.count)", doctor: Int32(d), weekday: weekday,
                    patientWindow: MinuteInterval(start: MinuteOfDay(patientStart), length: patientLength),
                    repWindow: MinuteInterval(start: MinuteOfDay(repStart), length: repLength),
                    maxPatients: Int32(Double(patientLength / minutes) * Double(rng.int(60...100)) / 100),
                    maxReps: Int32(rng.int(2...6)), appointmentMinutes: minutes)
                model.schedules.append(rule)
                rules[d].append(rule)
            }
        }
        // What is already booked: appointments on 40–70% of the patient grid, and 0 … max_reps − 1
        // scheduled visits per working date, at non-overlapping times.
        for d in 0..<doctors {
            for date in range {
                guard let rule = rules[d].first(where: { $0.weekday == date.weekday }) else { continue }
                let fill = Double(rng.int(40...70)) / 100
                var t = rule.patientWindow.start.minutes
                var booked: Int32 = 0
                while t + rule.appointmentMinutes <= rule.patientWindow.end.minutes, booked < rule.maxPatients {
                    if Double(rng.int(0...99)) / 100 < fill {
                        model.appointments.append(AppointmentRecord(
                            id: "a\(model.appointments.count)", doctor: Int32(d),
                            patient: Int32(rng.int(0...(patients - 1))), time: MinuteOfDay(t), status: .booked,
                            recurrence: .dated(date)))
                        booked += 1
                    }
                    t += rule.appointmentMinutes
                }
                let visits = rng.int(0...Int(rule.maxReps - 1))
                var v = rule.repWindow.start.minutes
                for _ in 0..<visits {
                    let length = Int32(rng.int(2...6)) * 5
                    v += Int32(rng.int(0...2)) * 5
                    guard v + length <= rule.repWindow.end.minutes else { break }
                    model.visits.append(RepVisitRecord(
                        id: "v\(model.visits.count)", doctor: Int32(d), rep: Int32(rng.int(0...(reps - 1))),
                        date: date, start: MinuteOfDay(v), length: length, status: .scheduled))
                    v += length
                }
            }
        }
        // The visits waiting for a slot: dated in the first week (or just before the range).
        for _ in 0..<rescheduled {
            let rep = rng.int(0...(reps - 1))
            let doctor = doctorsOfRep[rep][rng.int(0...(doctorsOfRep[rep].count - 1))]
            let date = range.first.adding(days: rng.int(-2...6))
            model.visits.append(RepVisitRecord(
                id: "v\(model.visits.count)", doctor: doctor, rep: Int32(rep), date: date,
                start: MinuteOfDay(Int32(rng.int(26...34)) * 30), length: Int32(rng.int(2...6)) * 5,
                status: .rescheduled))
        }
        return model
    }
}

/// The benchmark's seeded generator, so that a seed gives the same clinic everywhere.
typealias BenchmarkRandom = SplitMix64

extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
