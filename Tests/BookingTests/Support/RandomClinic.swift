import EngineTestSupport
import SlotSolver

/// Random small, crowded clinics and requests, seeded so that a failure reproduces.
struct RandomClinic {
    typealias SplitMix = SplitMix64

    static let first = day("2026-12-06")

    var rng: SplitMix
    let model: ClinicModel

    init(seed: Int) {
        rng = SplitMix(seed: UInt64(seed))
        let doctors = Int.random(in: 1...3, using: &rng)
        let reps = Int.random(in: 1...3, using: &rng)
        let patients = Int.random(in: 1...4, using: &rng)
        var rng = self.rng
        func minute(_ low: Int, _ high: Int) -> MinuteOfDay {
            MinuteOfDay(Int32(Int.random(in: low / 5...high / 5, using: &rng) * 5))
        }
        func doctor() -> Int32 { Int32.random(in: 0..<Int32(doctors), using: &rng) }
        func date() -> LocalDate { Self.first.adding(days: Int.random(in: 0...13, using: &rng)) }

        var schedules: [ScheduleRule] = []
        for i in 0..<Int.random(in: 1...(doctors * 5), using: &rng) {
            let ps = minute(480, 600), pe = ps + Int32(Int.random(in: 1...24, using: &rng) * 5)
            let rs = minute(540, 720), re = rs + Int32(Int.random(in: 1...12, using: &rng) * 5)
            schedules.append(ScheduleRule(
                id: "s\(i)", doctor: doctor(), weekday: Weekday(rawValue: Int.random(in: 0...6, using: &rng))!,
                patientWindow: MinuteInterval(start: ps, end: pe), repWindow: MinuteInterval(start: rs, end: re),
                maxPatients: Int32.random(in: 0...5, using: &rng), maxReps: Int32.random(in: 0...3, using: &rng),
                appointmentMinutes: [10, 15, 20, 30][Int.random(in: 0...3, using: &rng)]))
        }
        var closures: [ClinicClosure] = []
        for i in 0..<Int.random(in: 0...4, using: &rng) {
            closures.append(ClinicClosure(id: "c\(i)", doctor: doctor(), date: date(),
                                          isOpen: Int.random(in: 0...3, using: &rng) == 0, reason: "r\(i)"))
        }
        var appointments: [AppointmentRecord] = []
        for i in 0..<Int.random(in: 0...14, using: &rng) {
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
        for i in 0..<Int.random(in: 0...10, using: &rng) {
            visits.append(RepVisitRecord(
                id: "v\(i)", doctor: doctor(), rep: Int32.random(in: 0..<Int32(reps), using: &rng), date: date(),
                start: minute(480, 760), length: [10, 15, 20, 30][Int.random(in: 0...3, using: &rng)],
                status: VisitStatus.allCases[Int.random(in: 0..<VisitStatus.allCases.count, using: &rng)]))
        }
        model = ClinicModel(doctorIDs: (0..<doctors).map { "d\($0)" }, repIDs: (0..<reps).map { "r\($0)" },
                            patientIDs: (0..<patients).map { "p\($0)" }, schedules: schedules, closures: closures,
                            appointments: appointments, visits: visits)
        self.rng = rng
    }

    /// A request for one of the model's doctors and people, in the first week, on a 5-minute grid.
    mutating func request() -> BookingRequest {
        let kind: ItemKind = Bool.random(using: &rng) ? .appointment : .repVisit
        let people = kind == .appointment ? model.patientIDs.count : model.repIDs.count
        return BookingRequest(kind: kind, doctor: Int32.random(in: 0..<Int32(model.doctorIDs.count), using: &rng),
                              person: Int32.random(in: 0..<Int32(people), using: &rng),
                              date: Self.first.adding(days: Int.random(in: 0...6, using: &rng)),
                              start: MinuteOfDay(Int32(Int.random(in: 96...156, using: &rng) * 5)),
                              visitMinutes: kind == .repVisit ? [nil, 10, 20, 30][Int.random(in: 0...3, using: &rng)] : nil,
                              anyTime: Bool.random(using: &rng))
    }
}

/// The five checks written the slow, obvious way, straight from the records: the oracle the
/// property tests compare `BookingChecker` against.
enum NaiveBookingJudge {
    static func firstFailingStep(_ request: BookingRequest, in model: ClinicModel) -> BookingStep? {
        let date = request.date
        func rule(_ doctor: Int32, _ weekday: Weekday) -> ScheduleRule? {
            model.schedules.first { $0.doctor == doctor && $0.weekday == weekday }
        }
        if model.closures.contains(where: { $0.doctor == request.doctor && $0.date == date && !$0.isOpen }) {
            return .clinicOpen
        }
        guard let schedule = rule(request.doctor, date.weekday) else { return .scheduleExists }
        let length = request.kind == .appointment ? schedule.appointmentMinutes : (request.visitMinutes ?? 15)
        let start = request.start.minutes, end = start + length
        let window = request.kind == .appointment ? schedule.patientWindow : schedule.repWindow
        guard start >= window.start.minutes, end <= window.end.minutes else { return .withinHours }
        // Slots start appointment_minutes apart (patients) or 15 minutes apart (reps) from the window's start.
        let step = request.kind == .appointment ? schedule.appointmentMinutes : 15
        if !request.anyTime && (start - window.start.minutes) % step != 0 { return .withinHours }

        // Everything occupying on that date: (doctor, kind, person, start, end).
        var items: [(doctor: Int32, kind: ItemKind, person: Int32, start: Int32, end: Int32)] = []
        for a in model.appointments where a.status == .booked {
            let occurs: Bool
            switch a.recurrence {
            case .dated(let d): occurs = d == date
            case .weekly(let weekday, let skipping): occurs = weekday == date.weekday && !skipping.contains(date)
            }
            guard occurs else { continue }
            let minutes = rule(a.doctor, date.weekday)?.appointmentMinutes ?? 15
            items.append((a.doctor, .appointment, a.patient, a.time.minutes, a.time.minutes + minutes))
        }
        for v in model.visits where (v.status == .scheduled || v.status == .completed) && v.date == date {
            items.append((v.doctor, .repVisit, v.rep, v.start.minutes, v.start.minutes + v.length))
        }
        let clash = items.contains { item in
            let sharesTime = item.doctor == request.doctor || (item.kind == request.kind && item.person == request.person)
            return sharesTime && item.start < end && start < item.end
        }
        if clash { return .slotFree }
        let used = items.filter { $0.doctor == request.doctor && $0.kind == request.kind }.count
        let cap = Int(request.kind == .appointment ? schedule.maxPatients : schedule.maxReps)
        return used >= cap ? .capacity : nil
    }
}
