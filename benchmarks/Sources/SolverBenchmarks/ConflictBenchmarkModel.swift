import SlotSolver

/// Seeded random clinics of a chosen size for the conflict benchmark: a month (four clinic weeks
/// from Sunday 2026-12-06) of doctors working Sunday to Thursday, mostly well booked, with a few
/// percent of everything that makes conflicts (stray times, full days, closures, clashing reps and
/// patients, bad schedules), so that the engine does real work on every path.
struct ConflictBenchmarkModel {
    static let range = DateRange(first: LocalDate(year: 2026, month: 12, day: 6)!, count: 28)
    /// Roughly what one doctor contributes over the range (calibrated on the generator below).
    static let occurrencesPerDoctor = 323

    typealias Random = SplitMix64

    /// ObjectId-like display ids ("65f0" and 20 hex digits of a counter), made without Foundation.
    struct IDMaker {
        var counter: UInt64 = 0
        mutating func next() -> String {
            counter += 1
            let hex = Array("0123456789abcdef".utf8)
            var bytes = Array("65f0".utf8)
            for shift in stride(from: 76, through: 0, by: -4) {
                bytes.append(shift >= 64 ? hex[0] : hex[Int((counter >> UInt64(shift)) & 15)])
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A clinic whose occurrences over `range` number about `occurrences`.
    static func make(occurrences target: Int, seed: UInt64) -> ClinicModel {
        var rng = Random(seed: seed)
        var ids = IDMaker()
        let doctors = Swift.max(1, (target + occurrencesPerDoctor / 2) / occurrencesPerDoctor)
        let reps = doctors / 3 + 2
        let patients = doctors * 60 + 10
        let workdays: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday]
        let patientStart = MinuteOfDay(hour: 9, minute: 0), repStart = MinuteOfDay(hour: 13, minute: 0)

        var schedules: [ScheduleRule] = [], closures: [ClinicClosure] = []
        var appointments: [AppointmentRecord] = [], visits: [RepVisitRecord] = []
        appointments.reserveCapacity(target)
        visits.reserveCapacity(target / 5)

        func anyTime() -> MinuteOfDay { MinuteOfDay(Int32(Int.random(in: 96...191, using: &rng) * 5)) }
        func anyPatient() -> Int32 { Int32.random(in: 0..<Int32(patients), using: &rng) }

        for d in 0..<Int32(doctors) {
            for weekday in workdays {
                // Sixteen 15-minute patient slots, four 30-minute rep slots; 1% overlap their windows.
                let repWindowStart = rng.chance(0.01) ? MinuteOfDay(hour: 12, minute: 30) : repStart
                schedules.append(ScheduleRule(
                    id: ids.next(), doctor: d, weekday: weekday,
                    patientWindow: MinuteInterval(start: patientStart, length: 240),
                    repWindow: MinuteInterval(start: repWindowStart, end: MinuteOfDay(hour: 15, minute: 0)),
                    maxPatients: Int32.random(in: 14...16, using: &rng), maxReps: 4, appointmentMinutes: 15))
                // Four standing weekly bookings in the first four slots, a tenth with a skipped date.
                for slot in 0..<4 {
                    let skipping: Set<LocalDate> = rng.chance(0.1)
                        ? [range.first.adding(days: weekday.rawValue + 7 * Int.random(in: 0...3, using: &rng))] : []
                    appointments.append(AppointmentRecord(
                        id: ids.next(), doctor: d, patient: anyPatient(), time: patientStart + Int32(slot * 15),
                        status: rng.chance(0.05) ? .cancelled : .booked,
                        recurrence: .weekly(weekday, skipping: skipping)))
                }
            }
            if rng.chance(0.01) {   // a duplicate schedule for one weekday
                schedules.append(ScheduleRule(
                    id: ids.next(), doctor: d, weekday: .monday,
                    patientWindow: MinuteInterval(start: MinuteOfDay(hour: 16, minute: 0), length: 60),
                    repWindow: MinuteInterval(start: MinuteOfDay(hour: 17, minute: 0), length: 60),
                    maxPatients: 4, maxReps: 1))
            }
            for date in range {
                if workdays.contains(date.weekday) {
                    if rng.chance(0.01) {
                        closures.append(ClinicClosure(id: ids.next(), doctor: d, date: date, isOpen: false,
                                                      reason: "Conference"))
                    }
                    // The twelve other patient slots, 85% booked, 3% of them at a stray time.
                    for slot in 4..<16 where rng.chance(0.85) {
                        let time = rng.chance(0.03) ? anyTime() : patientStart + Int32(slot * 15)
                        appointments.append(AppointmentRecord(
                            id: ids.next(), doctor: d, patient: anyPatient(), time: time,
                            status: rng.chance(0.03) ? .cancelled : .booked, recurrence: .dated(date)))
                    }
                    // Rep slots, 75% taken.
                    for slot in 0..<4 where rng.chance(0.75) {
                        let time = rng.chance(0.03) ? anyTime() : repStart + Int32(slot * 30)
                        let status: VisitStatus = rng.chance(0.8) ? .scheduled
                            : [.completed, .rescheduled, .cancelled, .noShow][Int.random(in: 0...3, using: &rng)]
                        visits.append(RepVisitRecord(
                            id: ids.next(), doctor: d, rep: Int32.random(in: 0..<Int32(reps), using: &rng),
                            date: date, start: time, length: rng.chance(0.2) ? 15 : 30, status: status))
                    }
                } else if rng.chance(0.05) {
                    // Now and then something booked on a day off.
                    appointments.append(AppointmentRecord(
                        id: ids.next(), doctor: d, patient: anyPatient(), time: anyTime(), status: .booked,
                        recurrence: .dated(date)))
                }
            }
        }
        return ClinicModel(doctorIDs: (0..<doctors).map { _ in ids.next() }, repIDs: (0..<reps).map { _ in ids.next() },
                           patientIDs: (0..<patients).map { _ in ids.next() }, schedules: schedules,
                           closures: closures, appointments: appointments, visits: visits)
    }
}
