import SlotSolver

/// The size and shape of a generated clinic.
public struct GeneratorConfig: Sendable {
    public var doctors: Int
    public var reps: Int
    public var patients: Int
    /// Rep visits with status `rescheduled`, waiting for a new slot.
    public var rescheduled: Int
    public var seed: UInt64
    /// The first date of the generated bookings (past visits start two weeks before it).
    public var from: LocalDate
    /// How many weeks of bookings from `from` on.
    public var weeks: Int
    /// The share of patient slots that are booked.
    public var appointmentFill: Double
    /// The share of bookings placed carelessly (double bookings, outside hours, over capacity).
    public var conflictRate: Double
    public var timeZone: ClinicTimeZone
    /// The profile: closures, fill, lengths and how people are shared (`GeneratorShape`).
    public var shape: GeneratorShape
    /// The bcrypt cost of the users' password hashes (`DemoPasswordHashes`).
    public var passwordCost: Int

    /// `appointmentFill` defaults to the shape's.
    public init(doctors: Int, reps: Int, patients: Int, rescheduled: Int, seed: UInt64, from: LocalDate,
                weeks: Int = 4, appointmentFill: Double? = nil, conflictRate: Double = 0.01,
                timeZone: ClinicTimeZone = .utc, shape: GeneratorShape = .standard,
                passwordCost: Int = DemoPasswordHashes.defaultCost) {
        self.doctors = doctors
        self.reps = reps
        self.patients = patients
        self.rescheduled = rescheduled
        self.seed = seed
        self.from = from
        self.weeks = weeks
        self.appointmentFill = appointmentFill ?? shape.appointmentFill
        self.conflictRate = conflictRate
        self.timeZone = timeZone
        self.shape = shape
        self.passwordCost = passwordCost
    }
}

/// Makes realistic clinics of any size, the same for the same configuration: varied windows and
/// caps, closures (single doctors and a clinic-wide holiday), standing weekly and dated
/// appointments, past and upcoming rep visits, rescheduled visits, and a few careless bookings so
/// that the conflict finder has something to find.
///
/// Bookings are placed the way a front desk would: each in a free slot of its window, within the
/// day's cap, never overlapping the patient's or rep's other bookings; except the careless ones.
public struct InstanceGenerator {
    public let config: GeneratorConfig
    private var random: SplitMix64
    private var dataset = ClinicDataset()
    private var schedule: [[Schedule?]] = []          // [doctor][weekday]
    private var personBusy: [PersonDate: [MinuteInterval]] = [:]
    private var doctorBusy: [Int: [MinuteInterval]] = [:]   // key: doctor * 100_000 + day offset

    public init(_ config: GeneratorConfig) {
        self.config = config
        random = SplitMix64(seed: config.seed)
    }

    /// - Complexity: O(doctors × weeks × slots per day), plus one bcrypt hash per user (spread
    ///   over the cores; most of the time for clinics with many patients).
    /// - Throws: only when libxcrypt cannot hash (a `passwordCost` outside 4...31).
    public mutating func generate(progress: ((String, Double) -> Void)? = nil) throws(PasswordHashError) -> ClinicDataset {
        makePeople()
        progress?("password hashes", 0.05)
        try hashPasswords()
        progress?("schedules", 0.1)
        makeSchedules()
        makeClosures()
        progress?("appointments", 0.2)
        makeAppointments()
        progress?("rep visits", 0.6)
        makeVisits()
        makeRescheduledVisits()
        progress?("done", 1)
        return dataset
    }

    // MARK: - people

    private mutating func makePeople() {
        var userID: Int64 = 0
        func addUser(_ role: UserRole, _ title: String) -> DocumentID {
            userID += 1
            let first = GeneratorNames.firstNames.randomElement(using: &random)!
            let last = GeneratorNames.lastNames.randomElement(using: &random)!
            let email = "\(first).\(last).\(userID)@clinicplan.example".lowercased()
            // The hash comes later, for all users at once (`hashPasswords`).
            dataset.users.append(User(id: .int(userID), name: title + first + " " + last, email: email,
                                      password: "", role: role))
            return .int(userID)
        }
        for i in 0..<config.doctors {
            let user = addUser(.doctor, "Dr. ")
            let specialization = GeneratorNames.specializations.randomElement(using: &random)!
            let word = GeneratorNames.clinicWords.randomElement(using: &random)!
            dataset.doctors.append(Doctor(
                id: Self.objectID(1, i), userId: user, specialization: specialization,
                clinicName: "\(word) \(specialization) Clinic",
                consultationFee: Double(Int.random(in: 6...16, using: &random) * 50)))
        }
        for i in 0..<config.patients {
            let user = addUser(.patient, "")
            dataset.patients.append(Patient(
                id: Self.objectID(2, i), userId: user, age: Int.random(in: 1...90, using: &random),
                gender: random.chance(0.5) ? "female" : "male", phone: phone("010"),
                bloodType: GeneratorNames.bloodTypes.randomElement(using: &random)!))
        }
        for i in 0..<config.reps {
            let user = addUser(.medicalRep, "")
            dataset.medicalReps.append(MedicalRep(
                id: Self.objectID(3, i), userId: user,
                companyName: GeneratorNames.companies.randomElement(using: &random)!,
                companyPhone: phone("02"),
                drugSpecialty: GeneratorNames.specializations.randomElement(using: &random)!, phone: phone("012")))
        }
        _ = addUser(.admin, "Admin ")
    }

    /// Gives every user a bcrypt hash of the demo password with a salt of its own.
    private mutating func hashPasswords() throws(PasswordHashError) {
        let ids = dataset.users.map { user -> Int64 in
            guard case .int(let id) = user.id else { preconditionFailure("generated users have integer ids") }
            return id
        }
        let hashes = try DemoPasswordHashes.hashes(userIDs: ids, seed: config.seed, cost: config.passwordCost)
        for k in dataset.users.indices { dataset.users[k].password = hashes[k] }
    }

    private mutating func phone(_ prefix: String) -> String {
        prefix + String(Int.random(in: 10_000_000...99_999_999, using: &random))
    }

    /// Deterministic ObjectIds: "65f0", a collection tag, a counter.
    static func objectID(_ tag: Int, _ n: Int) -> DocumentID {
        let counter = String(n + 1, radix: 16)
        let tagHex = String(tag, radix: 16)
        return .objectId("65f0" + String(repeating: "0", count: 4 - tagHex.count) + tagHex
                         + String(repeating: "0", count: 16 - counter.count) + counter)
    }

    // MARK: - schedules and closures

    private mutating func makeSchedules() {
        // Clinics here work Sunday to Thursday, some also on Saturday.
        let workdays: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday, .saturday]
        let patientStarts = [8, 9, 10, 11, 12, 16, 17, 18].map { MinuteOfDay(hour: $0, minute: 0) }
        schedule = Array(repeating: Array(repeating: nil, count: 7), count: config.doctors)
        var n = 0
        for doctor in 0..<config.doctors {
            let days = workdays.shuffled(using: &random).prefix(Int.random(in: 2...5, using: &random))
            let minutesPerAppointment = config.shape.appointmentMinutes.randomElement(using: &random)!
            for day in days.sorted() {
                let start = patientStarts.randomElement(using: &random)!
                let patientLength = Int32(Int.random(in: 6...10, using: &random) * 30)
                let patientWindow = MinuteInterval(start: start, length: patientLength)
                let repLength = Int32(Int.random(in: config.shape.repWindowSteps, using: &random) * 30)
                // Rep hours sit right before or right after patient hours.
                let fitsAfter = patientWindow.end.minutes + repLength <= MinuteOfDay.endOfDay.minutes
                let repWindow = fitsAfter && (random.chance(0.5) || start.minutes < 9 * 60)
                    ? MinuteInterval(start: patientWindow.end, length: repLength)
                    : MinuteInterval(start: start + -repLength, length: repLength)
                let slots = Double(patientLength / Int32(minutesPerAppointment ?? 15))
                let rule = Schedule(
                    id: Self.objectID(4, n), doctorId: dataset.doctors[doctor].id, day: day,
                    patientStart: patientWindow.start, patientEnd: patientWindow.end,
                    repStart: repWindow.start, repEnd: repWindow.end,
                    maxPatients: max(1, Int(slots * Double.random(in: config.shape.capShare, using: &random))),
                    maxReps: Int.random(in: 2...6, using: &random), appointmentMinutes: minutesPerAppointment)
                n += 1
                dataset.schedules.append(rule)
                schedule[doctor][day.rawValue] = rule
            }
        }
    }

    private var firstDate: LocalDate { config.from.adding(days: -14) }
    private var bookingDays: Int { config.weeks * 7 }

    private mutating func makeClosures() {
        // One clinic-wide holiday in the second week, and scattered single-doctor closures.
        let holiday = config.from.adding(days: 7 + Int.random(in: 0...4, using: &random))
        var n = 0
        for doctor in 0..<config.doctors {
            for offset in 0..<bookingDays {
                let date = config.from.adding(days: offset)
                guard schedule[doctor][date.weekday.rawValue] != nil else { continue }
                let reason: String?
                var isOpen = false
                if config.shape.hasHoliday && date == holiday {
                    reason = "National Holiday"
                } else if random.chance(config.shape.closureRate) {
                    reason = GeneratorNames.closureReasons.randomElement(using: &random)!
                } else if random.chance(0.005) {
                    reason = "Extra opening confirmed"
                    isOpen = true
                } else {
                    reason = nil
                }
                guard let reason else { continue }
                dataset.clinicDays.append(ClinicDay(
                    id: Self.objectID(5, n), doctorId: dataset.doctors[doctor].id,
                    date: instant(date, .midnight), isOpen: isOpen, reason: reason))
                n += 1
            }
        }
    }

    // MARK: - appointments

    /// How many patients bookings draw from (all of them, but for `shared-people`).
    private var patientPool: Int { config.shape.patientPool(config.patients) }
    private var repPool: Int { config.shape.repPool(config.reps) }

    private mutating func makeAppointments() {
        var n = 0
        for doctor in 0..<config.doctors {
            // Standing weekly bookings take a few slots of each working weekday, every week.
            var standing: [Int: Set<Int32>] = [:]   // weekday → slot starts
            for day in 0..<7 {
                guard let rule = schedule[doctor][day] else { continue }
                let length = Int32(rule.appointmentMinutes ?? 15)
                let slots = Array(stride(from: rule.patientStart.minutes, through: rule.patientEnd.minutes - length, by: Int(length)))
                let count = min(slots.count, Int.random(in: 0...2, using: &random))
                for start in slots.shuffled(using: &random).prefix(count) {
                    let patient = Int.random(in: 0..<max(1, patientPool), using: &random)
                    guard config.patients > 0 else { break }
                    standing[day, default: []].insert(start)
                    appendAppointment(&n, doctor: doctor, patient: patient, day: Weekday(rawValue: day)!,
                                      time: MinuteOfDay(start), date: nil)
                    for week in 0..<config.weeks {
                        let offset = (day - config.from.weekday.rawValue + 7) % 7 + week * 7
                        markBusy(doctor: doctor, patient: patient, offset: offset,
                                 MinuteInterval(start: MinuteOfDay(start), length: length))
                    }
                }
            }
            for offset in 0..<bookingDays {
                let date = config.from.adding(days: offset)
                guard let rule = schedule[doctor][date.weekday.rawValue], config.patients > 0 else { continue }
                let length = Int32(rule.appointmentMinutes ?? 15)
                var booked = standing[date.weekday.rawValue]?.count ?? 0
                var start = rule.patientStart.minutes
                while start + length <= rule.patientEnd.minutes {
                    defer { start += length }
                    if standing[date.weekday.rawValue]?.contains(start) == true { continue }
                    guard booked < rule.maxPatients, random.chance(config.appointmentFill) else { continue }
                    let slot = MinuteInterval(start: MinuteOfDay(start), length: length)
                    guard let patient = freePerson(.patient, patientPool, offset: offset, slot) else { continue }
                    let status: AppointmentStatus = random.chance(config.shape.cancelledShare) ? .cancelled : .booked
                    appendAppointment(&n, doctor: doctor, patient: patient, day: date.weekday, time: slot.start,
                                      date: date, status: status)
                    if status == .booked {
                        markBusy(doctor: doctor, patient: patient, offset: offset, slot)
                        booked += 1
                    }
                }
                if random.chance(config.conflictRate * 10) {
                    addCarelessAppointment(&n, doctor: doctor, date: date, rule: rule)
                }
            }
        }
    }

    /// A booking made without looking: at a random time around the window, possibly on top of
    /// another booking or past the day's cap.
    private mutating func addCarelessAppointment(_ n: inout Int, doctor: Int, date: LocalDate, rule: Schedule) {
        let start = Int32.random(in: (rule.patientStart.minutes - 30)...(rule.patientEnd.minutes), using: &random)
        let patient = Int.random(in: 0..<patientPool, using: &random)
        appendAppointment(&n, doctor: doctor, patient: patient, day: date.weekday,
                          time: MinuteOfDay(start / 5 * 5), date: date)
    }

    private mutating func appendAppointment(_ n: inout Int, doctor: Int, patient: Int, day: Weekday, time: MinuteOfDay,
                                            date: LocalDate?, status: AppointmentStatus = .booked) {
        dataset.appointments.append(Appointment(
            id: Self.objectID(6, n), doctorId: dataset.doctors[doctor].id, patientId: dataset.patients[patient].id,
            day: day, time: time, status: status, date: date.map { instant($0, .midnight) }, skipDates: []))
        n += 1
    }

    // MARK: - rep visits

    private mutating func makeVisits() {
        var n = 0
        guard config.reps > 0 else { return }
        for doctor in 0..<config.doctors {
            for offset in -14..<bookingDays {
                let date = config.from.adding(days: offset)
                guard let rule = schedule[doctor][date.weekday.rawValue] else { continue }
                var placed = 0
                var start = rule.repStart.minutes + Int32.random(in: 0...3, using: &random) * 5
                while placed < rule.maxReps, random.chance(config.shape.nextVisitChance) {
                    let length = Int32.random(in: config.shape.visitSteps, using: &random) * 5
                    guard start + length <= rule.repEnd.minutes else { break }
                    let slot = MinuteInterval(start: MinuteOfDay(start), length: length)
                    if !doctorIsBusy(doctor, offset: offset, slot),
                       let rep = freePerson(.rep, repPool, offset: offset, slot) {
                        let status: VisitStatus = offset >= 0 ? (random.chance(0.95) ? .scheduled : .cancelled)
                            : [.completed, .completed, .completed, .completed, .cancelled, .noShow]
                                .randomElement(using: &random)!
                        appendVisit(&n, doctor: doctor, rep: rep, date: date, start: slot.start, length: length,
                                    status: status)
                        if status.occupiesTime {
                            markBusy(doctor: doctor, rep: rep, offset: offset, slot)
                            placed += 1
                        }
                    }
                    start += length + Int32.random(in: 0...2, using: &random) * 5
                }
            }
        }
    }

    /// Visits the clinic asked to move: each waits, status `rescheduled`, on its original date.
    private mutating func makeRescheduledVisits() {
        guard config.reps > 0, config.doctors > 0 else { return }
        var n = dataset.repVisits.count
        var made = 0
        while made < config.rescheduled {
            let doctor = Int.random(in: 0..<config.doctors, using: &random)
            let offset = Int.random(in: -7..<max(1, bookingDays / 2), using: &random)
            let date = config.from.adding(days: offset)
            guard let rule = schedule[doctor][date.weekday.rawValue] else { continue }
            let length = Int32.random(in: config.shape.visitSteps, using: &random) * 5
            let latest = max(rule.repStart.minutes, rule.repEnd.minutes - length)
            let start = Int32.random(in: rule.repStart.minutes...latest, using: &random) / 5 * 5
            appendVisit(&n, doctor: doctor, rep: Int.random(in: 0..<repPool, using: &random), date: date,
                        start: MinuteOfDay(start), length: length, status: .rescheduled)
            made += 1
        }
    }

    private mutating func appendVisit(_ n: inout Int, doctor: Int, rep: Int, date: LocalDate, start: MinuteOfDay,
                                      length: Int32, status: VisitStatus) {
        let summary = VisitSummary(
            samples: status == .completed ? Int.random(in: 0...6, using: &random) : 0,
            durationMin: Int(length),
            discussionTopic: GeneratorNames.topics.randomElement(using: &random)!,
            feedback: status == .completed ? GeneratorNames.feedback.randomElement(using: &random)! : "")
        dataset.repVisits.append(RepVisit(
            id: Self.objectID(7, n), doctorId: dataset.doctors[doctor].id, repId: dataset.medicalReps[rep].id,
            date: instant(date, start), status: status, visitSummary: summary))
        n += 1
    }

    // MARK: - bookkeeping of who is busy when

    private enum PersonKind: Int { case patient = 0, rep = 1 }

    private struct PersonDate: Hashable {
        var kind: Int
        var person: Int
        var offset: Int
    }

    /// A person with nothing else on at that time: a few random tries, as a receptionist would.
    private mutating func freePerson(_ kind: PersonKind, _ count: Int, offset: Int, _ slot: MinuteInterval) -> Int? {
        for _ in 0..<4 {
            let person = Int.random(in: 0..<count, using: &random)
            let busy = personBusy[PersonDate(kind: kind.rawValue, person: person, offset: offset)] ?? []
            if !busy.contains(where: { $0.overlaps(slot) }) { return person }
        }
        return nil
    }

    private func doctorIsBusy(_ doctor: Int, offset: Int, _ slot: MinuteInterval) -> Bool {
        (doctorBusy[doctor * 100_000 + offset + 50] ?? []).contains { $0.overlaps(slot) }
    }

    private mutating func markBusy(doctor: Int, patient: Int? = nil, rep: Int? = nil, offset: Int, _ slot: MinuteInterval) {
        doctorBusy[doctor * 100_000 + offset + 50, default: []].append(slot)
        if let patient {
            personBusy[PersonDate(kind: PersonKind.patient.rawValue, person: patient, offset: offset), default: []].append(slot)
        }
        if let rep {
            personBusy[PersonDate(kind: PersonKind.rep.rawValue, person: rep, offset: offset), default: []].append(slot)
        }
    }

    private func instant(_ date: LocalDate, _ minute: MinuteOfDay) -> Instant {
        Instant(epochMilliseconds: config.timeZone.epochMilliseconds(date: date, minute: minute))
    }
}
