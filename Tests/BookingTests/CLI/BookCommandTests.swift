import ClinicData
import Foundation
import SlotSolver
import Testing

/// `clinic-plan book`: the five checks end to end, with the exact output, exit statuses, the data
/// written (or left alone) and the audit line.
@Suite struct BookCommandTests {
    typealias F = ClinicFolderFixture

    func book(_ fixture: F, doctor: String = F.d1, patient: String? = F.p1, rep: String? = nil, date: String = "2026-12-07",
              time: String, as email: String = "pat.one@clinic.test", password: String = "patient-pw",
              extra: [String] = []) throws -> CLIRun {
        var arguments = ["book", "--data", fixture.path, "--doctor", doctor, "--date", date, "--time", time, "--as", email,
                         "--not-before", "2026-11-01"]
        if let patient { arguments += ["--patient", patient] }
        if let rep { arguments += ["--rep", rep] }
        return try CLIRunner.run(arguments + extra, password: password)
    }

    /// Runs a booking that must be refused by a check: exit 1, the exact output, nothing
    /// written, one `rejected` audit line.
    func expectRejected(_ fixture: F, time: String, date: String = "2026-12-07", extra: [String] = [],
                        _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try fixture.snapshot()
        let run = try book(fixture, date: date, time: time, extra: extra)
        #expect(run.status == 1, "\(run)", sourceLocation: sourceLocation)
        #expect(run.stdout == expected, sourceLocation: sourceLocation)
        #expect(try fixture.snapshot() == before, "a refused booking changed the data", sourceLocation: sourceLocation)
        let audit = try fixture.auditLines()
        #expect(audit.count == 1 && audit.last?["outcome"] as? String == "rejected", sourceLocation: sourceLocation)
        #expect(audit.last?["detail"] as? String == expected.split(separator: "\n").first.map(String.init),
                sourceLocation: sourceLocation)
    }

    @Test func anAcceptedAppointmentIsWrittenAndAudited() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let run = try book(fixture, time: "09:15")
        #expect(run.status == 0, "\(run)")
        let loaded = try fixture.load()
        #expect(loaded.errors.isEmpty)
        let appointments = loaded.dataset.appointments
        try #require(appointments.count == 2)
        let new = appointments[1]
        #expect(run.stdout == "booked appointment \(new.id): patient Pat One (\(F.p1)) with doctor Amal Doctor (\(F.d1)), "
                + "Monday 2026-12-07 09:15–09:30\n")
        #expect(new.doctorId == F.oid(F.d1) && new.patientId == F.oid(F.p1))
        #expect(new.day == .monday && new.time == MinuteOfDay(hhmm: "09:15")! && new.status == .booked)
        #expect(new.date == F.instant("2026-12-07") && new.skipDates.isEmpty)
        #expect(appointments[0].id == F.oid(F.a1))

        let audit = try fixture.auditLines()
        try #require(audit.count == 1)
        #expect(audit[0]["user"] as? String == "pat.one@clinic.test")
        #expect(audit[0]["action"] as? String == "book")
        #expect(audit[0]["outcome"] as? String == "confirmed")
        #expect(audit[0]["ids"] as? [String: String]
                == ["doctor_id": F.d1, "patient_id": F.p1, "appointment_id": new.id.description])
        #expect(audit[0]["detail"] as? String == "Monday 2026-12-07 09:15–09:30")
    }

    @Test func anAcceptedRepVisitIsWrittenAsScheduled() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let run = try book(fixture, patient: nil, rep: F.r1, time: "13:15", as: "rep.one@clinic.test", password: "rep-pw")
        #expect(run.status == 0, "\(run)")
        let visits = try fixture.load().dataset.repVisits
        try #require(visits.count == 2)
        #expect(run.stdout == "requested rep visit \(visits[1].id) (scheduled): rep Rep One (\(F.r1)) with doctor "
                + "Amal Doctor (\(F.d1)), Monday 2026-12-07 13:15–13:30\n")
        #expect(visits[1].repId == F.oid(F.r1) && visits[1].doctorId == F.oid(F.d1))
        #expect(visits[1].status == .scheduled && visits[1].date == F.instant("2026-12-07", "13:15"))
        #expect(visits[1].visitSummary == nil)
    }

    @Test func check1ClosedDateIsRefused() throws {
        let fixture = try F()
        defer { fixture.remove() }
        try expectRejected(fixture, time: "09:15", date: "2026-12-14",
                           "rejected at check 1 (clinic open): doctor Amal Doctor (\(F.d1)) is closed on 2026-12-14 (National Holiday)\n")
    }

    @Test func check2WeekdayWithoutScheduleIsRefused() throws {
        let fixture = try F()
        defer { fixture.remove() }
        try expectRejected(fixture, time: "09:15", date: "2026-12-08",
                           "rejected at check 2 (schedule): doctor Amal Doctor (\(F.d1)) has no schedule for Tuesday (2026-12-08)\n")
    }

    @Test func check3OutsideTheHoursIsRefusedWithTheNearestSlots() throws {
        let fixture = try F()
        defer { fixture.remove() }
        try expectRejected(fixture, time: "09:50", """
            rejected at check 3 (hours): 09:50–10:05 does not fit in the patient hours 09:00–10:00 of doctor Amal Doctor (\(F.d1)) on Mondays
            nearest free slots:
              Mon 2026-12-07 09:45–10:00
              Mon 2026-12-07 09:30–09:45
              Mon 2026-12-07 09:15–09:30

            """)
    }

    @Test func noSuggestionStartsBeforeNotBefore() throws {
        let fixture = try F()
        defer { fixture.remove() }
        // As check 3's, at 09:40 on the day: the 09:15 and 09:30 slots have passed; the next Monday
        // is closed, the one after too far.
        try expectRejected(fixture, time: "09:50", extra: ["--not-before", "2026-12-07T09:40"], """
            rejected at check 3 (hours): 09:50–10:05 does not fit in the patient hours 09:00–10:00 of doctor Amal Doctor (\(F.d1)) on Mondays
            nearest free slots:
              Mon 2026-12-07 09:45–10:00

            """)
    }

    @Test func check4TakenSlotIsRefusedWithTheNearestSlots() throws {
        let fixture = try F()
        defer { fixture.remove() }
        try expectRejected(fixture, time: "09:00", extra: ["--suggest", "2"], """
            rejected at check 4 (slot free): 09:00–09:15 on 2026-12-07 overlaps appointment \(F.a1) (09:00–09:15) of doctor Amal Doctor (\(F.d1))
            nearest free slots:
              Mon 2026-12-07 09:15–09:30
              Mon 2026-12-07 09:30–09:45

            """)
    }

    @Test func aStartOffTheDaysGridIsRefusedAtCheck3WithTheGridsSlots() throws {
        let fixture = try F()
        defer { fixture.remove() }
        // 15-minute slots from 09:00: 09:07 would leave 09:00–09:07 and 09:22–09:30 unusable.
        try expectRejected(fixture, time: "09:07", """
            rejected at check 3 (hours): 09:07 is not a slot start of doctor Amal Doctor (\(F.d1)) on Mondays: patient slots start every 15 min from 09:00 (09:00, 09:15, 09:30, …)
            (--any-time books a start off the grid)
            nearest free slots:
              Mon 2026-12-07 09:15–09:30
              Mon 2026-12-07 09:30–09:45
              Mon 2026-12-07 09:45–10:00

            """)
    }

    @Test func anyTimeBooksAStartOffTheGrid() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let run = try book(fixture, time: "09:17", as: "admin@clinic.test", password: "admin-pw", extra: ["--any-time"])
        #expect(run.status == 0, "\(run)")
        let new = try fixture.load().dataset.appointments[1]
        #expect(run.stdout == "booked appointment \(new.id): patient Pat One (\(F.p1)) with doctor Amal Doctor (\(F.d1)), "
                + "Monday 2026-12-07 09:17–09:32\n")
    }

    @Test func check5FullDayIsRefusedWithSlotsOnTheNextWorkingDay() throws {
        let fixture = try F { dataset in
            for (n, time) in ["09:15", "09:30"].enumerated() {
                dataset.appointments.append(Appointment(
                    id: .objectId("65f00004000000000000010\(n)"), doctorId: F.oid(F.d1), patientId: F.oid(F.p2), day: .monday,
                    time: MinuteOfDay(hhmm: time)!, status: .booked, date: F.instant("2026-12-07")))
            }
        }
        defer { fixture.remove() }
        // 2026-12-14 is closed; 2026-12-21 is the next Monday, 15 days on.
        try expectRejected(fixture, time: "09:45", extra: ["--suggest", "2", "--within", "15"], """
            rejected at check 5 (capacity): doctor Amal Doctor (\(F.d1)) already has 3 booked appointments on 2026-12-07 (max_patients 3)
            nearest free slots:
              Mon 2026-12-21 09:45–10:00
              Mon 2026-12-21 09:30–09:45

            """)
    }

    @Test func noFreeSlotInTheHorizonIsSaid() throws {
        let fixture = try F { dataset in
            dataset.schedules[0].maxPatients = 1
        }
        defer { fixture.remove() }
        try expectRejected(fixture, time: "09:45", """
            rejected at check 5 (capacity): doctor Amal Doctor (\(F.d1)) already has 1 booked appointment on 2026-12-07 (max_patients 1)
            no free slot in the 14 days from 2026-12-07

            """)
    }

    @Test func unknownRecordsAndBadUsageAreBadInput() throws {
        let fixture = try F()
        defer { fixture.remove() }
        let unknown = try book(fixture, doctor: "65f0000100000000000000ff", time: "09:15")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no doctor matches --doctor \"65f0000100000000000000ff\" in \(fixture.path)/doctors.json "
                + "(by _id, email or name); `clinic-plan people doctors --data \(fixture.path)` lists them\n")
        #expect(try fixture.auditLines().last?["outcome"] as? String == "failed")
        let both = try book(fixture, rep: F.r1, time: "09:15")
        #expect(both.status == 2)
        #expect(both.stderr.contains("give exactly one of --patient (an appointment) and --rep (a rep visit)"))
        let badTime = try book(fixture, time: "9h15")
        #expect(badTime.status == 2 && badTime.stderr.contains("--time \"9h15\" is not a valid HH:MM time"))
    }
}
