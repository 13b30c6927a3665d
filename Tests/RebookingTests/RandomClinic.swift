@testable import SlotSolver

/// The tests' seeded generator, so that a failing seed reproduces exactly.
typealias SeededGenerator = SplitMix64

/// Random clinics for property and brute-force tests. `size` scales people and items; every
/// time lies on a 5-minute grid; windows sometimes overlap so that appointments and visits of one
/// doctor interact, and reps and patients see several doctors.
enum RandomClinic {
    /// What a clinic looks like, and what breaks solvers (each a variation of `standard`).
    enum Shape: String, CaseIterable, Sendable {
        case standard
        /// Every doctor closes one or two dates: closures hit many booked items.
        case closures
        /// Caps of one: days at their cap.
        case nearCap = "near-cap"
        /// Short windows and half as many items again: many cannot be placed.
        case overfull
        /// One rep and one patient for everyone: people shared by every doctor.
        case sharedPeople = "shared-people"
        /// Visits of 30 to 60 minutes in windows of one to two hours.
        case longVisits = "long-visits"
        /// No closures: only rescheduled visits need a slot.
        case noClosures = "no-closures"
    }

    static func make(seed: UInt64, doctors: Int, reps: Int, patients: Int, items: Int,
                     range: DateRange, windowMinutes: ClosedRange<Int32> = 30...60,
                     workdays: [Weekday] = Weekday.allCases, earlyDates: Bool = false,
                     shape: Shape = .standard) -> TestClinic {
        var rng = SeededGenerator(seed: seed)
        let reps = shape == .sharedPeople ? 1 : reps
        let patients = shape == .sharedPeople ? 1 : patients
        let items = shape == .overfull ? items * 3 / 2 : items
        let windowMinutes: ClosedRange<Int32> = switch shape {
        case .overfull: 20...30
        case .longVisits: 60...120
        default: windowMinutes
        }
        var clinic = TestClinic(doctors: doctors, reps: reps, patients: patients)
        let weekdays = workdays
        for d in 0..<Int32(doctors) {
            let days = weekdays.shuffled(using: &rng).prefix(Int.random(in: 2...min(4, weekdays.count), using: &rng))
            for w in days.sorted() {
                let patientStart = Int32.random(in: 0...2, using: &rng) * 30 + 9 * 60
                let patientLength = Int32.random(in: windowMinutes, using: &rng) / 5 * 5
                let overlapping = Bool.random(using: &rng) && Bool.random(using: &rng)
                let repStart = overlapping ? patientStart + 15 : Int32.random(in: 0...2, using: &rng) * 30 + 13 * 60
                let repLength = Int32.random(in: windowMinutes, using: &rng) / 5 * 5
                clinic.model.schedules.append(ScheduleRule(
                    id: "s\(clinic.model.schedules.count)", doctor: d, weekday: w,
                    patientWindow: MinuteInterval(start: MinuteOfDay(patientStart), length: patientLength),
                    repWindow: MinuteInterval(start: MinuteOfDay(repStart), length: repLength),
                    maxPatients: shape == .nearCap ? 1 : Int32.random(in: 1...3, using: &rng),
                    maxReps: shape == .nearCap ? 1 : Int32.random(in: 1...3, using: &rng),
                    appointmentMinutes: [15, 20, 30].randomElement(using: &rng)!))
            }
        }
        /// With `earlyDates`, most items sit in the first two days, so that they compete for the rest.
        func randomDate() -> LocalDate {
            let span = earlyDates && Int.random(in: 0..<4, using: &rng) > 0 ? min(2, range.count) : range.count
            return range.first.adding(days: Int.random(in: 0..<span, using: &rng))
        }
        func randomMinute(_ from: Int32) -> MinuteOfDay { MinuteOfDay(from + Int32.random(in: 0...12, using: &rng) * 5) }
        switch shape {
        case .noClosures:
            break
        case .closures:
            for d in 0..<Int32(doctors) {
                for _ in 0..<Int.random(in: 1...2, using: &rng) { clinic.close(doctor: d, randomDate().description) }
            }
        default:
            for _ in 0...Int.random(in: 1...max(1, doctors), using: &rng) {
                let d = Int32.random(in: 0..<Int32(doctors), using: &rng)
                clinic.close(doctor: d, randomDate().description)
            }
        }
        let visitLengths: [Int32] = shape == .longVisits ? [30, 45, 60] : [10, 15, 20, 30]
        for _ in 0..<items {
            let d = Int32.random(in: 0..<Int32(doctors), using: &rng)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<3:
                clinic.model.appointments.append(AppointmentRecord(
                    id: "a\(clinic.model.appointments.count)", doctor: d,
                    patient: Int32.random(in: 0..<Int32(patients), using: &rng), time: randomMinute(9 * 60),
                    status: Int.random(in: 0..<8, using: &rng) == 0 ? .cancelled : .booked,
                    recurrence: .dated(randomDate())))
            case 3:
                clinic.model.appointments.append(AppointmentRecord(
                    id: "a\(clinic.model.appointments.count)", doctor: d,
                    patient: Int32.random(in: 0..<Int32(patients), using: &rng), time: randomMinute(9 * 60),
                    status: .booked, recurrence: .weekly(weekdays.randomElement(using: &rng)!, skipping: [])))
            default:
                let statuses: [VisitStatus] = [.scheduled, .scheduled, .completed, .rescheduled, .rescheduled, .cancelled]
                let date = Int.random(in: 0..<6, using: &rng) == 0 ? range.first.adding(days: -3) : randomDate()
                clinic.model.visits.append(RepVisitRecord(
                    id: "v\(clinic.model.visits.count)", doctor: d, rep: Int32.random(in: 0..<Int32(reps), using: &rng),
                    date: date, start: randomMinute(13 * 60), length: visitLengths.randomElement(using: &rng)!,
                    status: statuses.randomElement(using: &rng)!))
            }
        }
        return clinic
    }
}
