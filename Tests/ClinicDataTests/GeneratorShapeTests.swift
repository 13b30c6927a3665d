import Foundation
import SlotSolver
import Testing

@testable import ClinicData

/// `generate --shape`: each profile makes what it claims (measured on the dataset), the standard
/// one is the generator's output from before shapes existed, and every user's password hash has
/// its own salt and verifies the demo password.
@Suite("Generator shapes")
struct GeneratorShapeTests {
    static let from = LocalDate(year: 2026, month: 12, day: 6)!

    private static func generate(_ shape: GeneratorShape, doctors: Int = 30, reps: Int = 20, patients: Int = 300,
                                 rescheduled: Int = 30, seed: UInt64 = 7, weeks: Int = 2) throws -> ClinicDataset {
        var generator = InstanceGenerator(GeneratorConfig(
            doctors: doctors, reps: reps, patients: patients, rescheduled: rescheduled, seed: seed, from: from,
            weeks: weeks, shape: shape))
        return try generator.generate()
    }

    // MARK: - standard is what the generator made before

    /// FNV-1a (64 bits) over the folder's files in name order.
    private static func digest(of folder: URL) throws -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            for byte in try Data(contentsOf: folder.appendingPathComponent(name)) {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return hash
    }

    /// The digests were taken of `clinic-plan generate` at commit aefef46 (before shapes and
    /// salts), with the same options; the one hash all users had then is put back before hashing.
    @Test("standard writes the very bytes of the generator before shapes, password hashes aside",
          arguments: [(12, 8, 60, 15, UInt64(42), 4, UInt64(0x1bb5_1b00_7d7a_e175)),
                      (30, 20, 300, 30, UInt64(7), 3, UInt64(0xd902_7d8f_53a0_5ab9))])
    func standardIsUnchanged(doctors: Int, reps: Int, patients: Int, rescheduled: Int, seed: UInt64, weeks: Int,
                             expected: UInt64) throws {
        var dataset = try Self.generate(.standard, doctors: doctors, reps: reps, patients: patients,
                                        rescheduled: rescheduled, seed: seed, weeks: weeks)
        let before = "$2b$10$haGBItFIEPbwbZ8wGCaNl.lIwssuHl7jV72ppy75SrOL9fycHI7Em"
        for k in dataset.users.indices { dataset.users[k].password = before }
        let folder = try TemporaryFolder()
        try DataFolder.write(dataset, to: folder.url, layout: .jsonLines, mode: .relaxed)
        #expect(try Self.digest(of: folder.url) == expected)
    }

    @Test("every shape gives the same dataset for the same options, and another for another seed",
          arguments: GeneratorShape.allCases)
    func deterministic(shape: GeneratorShape) throws {
        let first = try Self.generate(shape, doctors: 8, reps: 6, patients: 60, rescheduled: 10)
        #expect(try Self.generate(shape, doctors: 8, reps: 6, patients: 60, rescheduled: 10) == first)
        #expect(try Self.generate(shape, doctors: 8, reps: 6, patients: 60, rescheduled: 10, seed: 8) != first)
        let loaded = try Self.reloaded(first)
        #expect(loaded.errors.isEmpty, "\(loaded.errors.prefix(3))")
    }

    // MARK: - what each shape claims

    @Test func closuresCloseMuchMoreThanStandard() throws {
        let standard = ShapeFigures(try Self.generate(.standard), from: Self.from, weeks: 2)
        let closures = ShapeFigures(try Self.generate(.closures), from: Self.from, weeks: 2)
        // 15% of working dates plus the holiday (about a fifth of the doctor's dates in week 2).
        #expect(closures.closedShare >= 0.17, "\(closures.closedShare)")
        #expect(standard.closedShare <= 0.12, "\(standard.closedShare)")
        #expect(closures.bookedOnClosedDates >= 2 * standard.bookedOnClosedDates,
                "\(closures.bookedOnClosedDates) \(standard.bookedOnClosedDates)")
    }

    @Test func nearCapFillsMostDaysToTheirCaps() throws {
        let standard = ShapeFigures(try Self.generate(.standard), from: Self.from, weeks: 2)
        let nearCap = ShapeFigures(try Self.generate(.nearCap), from: Self.from, weeks: 2)
        #expect(nearCap.atPatientCapShare >= 0.8, "\(nearCap.atPatientCapShare)")
        #expect(nearCap.nearPatientCapShare >= 0.95, "\(nearCap.nearPatientCapShare)")
        #expect(standard.atPatientCapShare <= 0.3, "\(standard.atPatientCapShare)")
        #expect(nearCap.atRepCapShare >= 2 * standard.atRepCapShare, "\(nearCap.atRepCapShare) \(standard.atRepCapShare)")
    }

    @Test func overfullLeavesMostItemsUnplaced() throws {
        let dataset = try Self.generate(.overfull)
        let figures = ShapeFigures(dataset, from: Self.from, weeks: 2)
        #expect(figures.capsEqualSlots)
        #expect(figures.atPatientCapShare >= 0.95, "\(figures.atPatientCapShare)")
        let greedy = try Self.rebook(dataset)
        let items = greedy.appointments.moved + greedy.appointments.unplaced + greedy.repVisits.moved + greedy.repVisits.unplaced
        #expect(items >= 100)
        #expect(Double(greedy.appointments.unplaced + greedy.repVisits.unplaced) >= 0.5 * Double(items),
                "\(greedy.appointments) \(greedy.repVisits)")
        let standard = try Self.rebook(try Self.generate(.standard))
        #expect(standard.appointments.unplaced + standard.repVisits.unplaced
                < greedy.appointments.unplaced + greedy.repVisits.unplaced)
    }

    @Test func sharedPeopleSeeSeveralDoctors() throws {
        let shared = ShapeFigures(try Self.generate(.sharedPeople), from: Self.from, weeks: 2)
        let standard = ShapeFigures(try Self.generate(.standard), from: Self.from, weeks: 2)
        // 30 patients and 3 reps take every booking.
        #expect(shared.patientsWithBookings <= 30 && shared.repsWithVisits <= 3)
        #expect(shared.shareOfPatientsWithFifteenDoctors >= 0.9, "\(shared.shareOfPatientsWithFifteenDoctors)")
        #expect(standard.shareOfPatientsWithFifteenDoctors <= 0.1, "\(standard.shareOfPatientsWithFifteenDoctors)")
        #expect(shared.fewestDoctorsOfARep >= 15, "\(shared.fewestDoctorsOfARep)")
        #expect(shared.fewestDoctorsOfARep > standard.fewestDoctorsOfARep)
    }

    @Test func longVisitsRunThirtyToSixtyMinutes() throws {
        let model = ModelMapping(try Self.generate(.longVisits), timeZone: .utc).model
        #expect(model.visits.allSatisfy { (30...60).contains($0.length) })
        #expect(model.schedules.allSatisfy { [30, 45, 60].contains($0.appointmentMinutes) })
        #expect(Set(model.visits.map(\.length)).count == 7)
    }

    @Test func noClosuresClosesNothing() throws {
        let dataset = try Self.generate(.noClosures)
        #expect(dataset.clinicDays.allSatisfy { $0.isOpen })
        // So the only items to rebook are the rescheduled visits.
        let greedy = try Self.rebook(dataset)
        #expect(greedy.appointments.moved + greedy.appointments.unplaced == 0)
        let rescheduledInReach = greedy.repVisits.moved + greedy.repVisits.unplaced
        #expect(rescheduledInReach == dataset.repVisits.filter { $0.status == .rescheduled }.count)
    }

    // MARK: - password hashes

    @Test func everyUserHasASaltOfItsOwnAndTheDemoPassword() throws {
        let dataset = try Self.generate(.standard, doctors: 10, reps: 10, patients: 40)
        let hashes = dataset.users.map(\.password)
        #expect(hashes.allSatisfy { $0.hasPrefix("$2b$04$") && $0.utf8.count == 60 })
        #expect(Set(hashes.map { $0.prefix(29) }).count == hashes.count, "salts repeat")
        #expect(hashes.allSatisfy { PasswordHasher.verify("clinic-demo", against: $0) })
        #expect(!PasswordHasher.verify("clinic-demo2", against: hashes[0]))
        // The same user and seed: the same hash; another seed: another salt.
        #expect(try DemoPasswordHashes.hash(userID: 1, seed: 7) == hashes[0])
        #expect(try DemoPasswordHashes.hash(userID: 1, seed: 8).prefix(29) != hashes[0].prefix(29))
        let strong = try DemoPasswordHashes.hash(userID: 1, seed: 7, cost: 10)
        #expect(strong.hasPrefix("$2b$10$") && PasswordHasher.verify("clinic-demo", against: strong))
        #expect(throws: PasswordHashError.self) { try DemoPasswordHashes.hashes(userIDs: [1], seed: 7, cost: 3) }
    }

    // MARK: - helpers

    private static func reloaded(_ dataset: ClinicDataset) throws -> LoadedFolder {
        let folder = try TemporaryFolder()
        try DataFolder.write(dataset, to: folder.url, layout: .jsonLines, mode: .relaxed)
        return try DataFolder.load(from: folder.url)
    }

    /// Greedy rebooking of the first two weeks from `from`.
    private static func rebook(_ dataset: ClinicDataset) throws -> RebookingResult {
        let model = ModelMapping(dataset, timeZone: .utc).model
        return try Rebooker.rebook(model, options: RebookingOptions(range: DateRange(first: from, count: 14), solver: .greedy))
    }
}

/// What the shape tests measure on a dataset, over the `weeks` from `from`.
struct ShapeFigures {
    var workingDates = 0
    var closedDates = 0
    var bookedOnClosedDates = 0
    var openDates = 0
    var atPatientCap = 0
    var nearPatientCap = 0
    var atRepCap = 0
    var capsEqualSlots = true
    var patientsWithBookings = 0
    var patientsWithFifteenDoctors = 0
    var repsWithVisits = 0
    var fewestDoctorsOfARep = Int.max

    var closedShare: Double { Double(closedDates) / Double(max(1, workingDates)) }
    var atPatientCapShare: Double { Double(atPatientCap) / Double(max(1, openDates)) }
    var nearPatientCapShare: Double { Double(nearPatientCap) / Double(max(1, openDates)) }
    var atRepCapShare: Double { Double(atRepCap) / Double(max(1, openDates)) }
    var shareOfPatientsWithFifteenDoctors: Double { Double(patientsWithFifteenDoctors) / Double(max(1, patientsWithBookings)) }

    init(_ dataset: ClinicDataset, from: LocalDate, weeks: Int) {
        let model = ModelMapping(dataset, timeZone: .utc).model
        let dates = (0..<(weeks * 7)).map { from.adding(days: $0) }
        var rule: [Int32: [Weekday: ScheduleRule]] = [:]
        for schedule in model.schedules where rule[schedule.doctor]?[schedule.weekday] == nil {
            rule[schedule.doctor, default: [:]][schedule.weekday] = schedule
        }
        let closed = Set(model.closures.filter { !$0.isOpen }.map { "\($0.doctor) \($0.date)" })
        // Booked appointments and occupying visits per doctor-date (standing ones on every matching date).
        var appointments: [String: Int] = [:]
        var doctorsOfPatient: [Int32: Set<Int32>] = [:]
        for appointment in model.appointments where appointment.status == .booked {
            for date in dates where Self.occurs(appointment.recurrence, on: date) {
                appointments["\(appointment.doctor) \(date)", default: 0] += 1
            }
            doctorsOfPatient[appointment.patient, default: []].insert(appointment.doctor)
        }
        var visits: [String: Int] = [:]
        var doctorsOfRep: [Int32: Set<Int32>] = [:]
        for visit in model.visits {
            doctorsOfRep[visit.rep, default: []].insert(visit.doctor)
            if visit.status == .scheduled { visits["\(visit.doctor) \(visit.date)", default: 0] += 1 }
        }
        for doctor in 0..<Int32(model.doctorIDs.count) {
            for date in dates {
                guard let schedule = rule[doctor]?[date.weekday] else { continue }
                let key = "\(doctor) \(date)"
                workingDates += 1
                if closed.contains(key) {
                    closedDates += 1
                    bookedOnClosedDates += appointments[key] ?? 0
                    continue
                }
                openDates += 1
                let booked = appointments[key] ?? 0
                if booked >= Int(schedule.maxPatients) { atPatientCap += 1 }
                if booked >= Int(schedule.maxPatients) - 1 { nearPatientCap += 1 }
                if (visits[key] ?? 0) >= Int(schedule.maxReps) { atRepCap += 1 }
                let slots = schedule.patientWindow.length / schedule.appointmentMinutes
                if schedule.maxPatients != slots { capsEqualSlots = false }
            }
        }
        patientsWithBookings = doctorsOfPatient.count
        patientsWithFifteenDoctors = doctorsOfPatient.values.filter { $0.count >= 15 }.count
        repsWithVisits = doctorsOfRep.count
        fewestDoctorsOfARep = doctorsOfRep.values.map(\.count).min() ?? 0
    }

    private static func occurs(_ recurrence: Recurrence, on date: LocalDate) -> Bool {
        switch recurrence {
        case .dated(let day): day == date
        case .weekly(let weekday, let skipping): date.weekday == weekday && !skipping.contains(date)
        }
    }
}
