import Foundation
import Testing
@testable import ClinicData
import SlotSolver

@Suite("ModelMapping")
struct ModelMappingTests {
    static func instant(_ iso: String) -> Instant { Instant(epochMilliseconds: ISODate.parse(iso)!) }

    @Test("the fixture maps to dense indices in file order, with defaults filled in")
    func fixture() throws {
        var dataset = Fixtures.dataset
        dataset.schedules[0].appointmentMinutes = nil
        dataset.repVisits[0].visitSummary?.durationMin = 0
        let mapping = ModelMapping(dataset, timeZone: .utc)
        let model = mapping.model
        #expect(model.doctorIDs == ["65f000010000000000000001"])
        #expect(model.patientIDs == ["65f000020000000000000001"])
        #expect(model.repIDs == ["65f000030000000000000001"])
        #expect(mapping.doctorIndex(.objectId("65f000010000000000000001")) == 0)
        #expect(mapping.repIndex(.objectId("65f000030000000000000001")) == 0)
        #expect(mapping.patientIndex(.objectId("65f000010000000000000001")) == nil)
        #expect(model.schedules == [ScheduleRule(
            id: "65f000040000000000000001", doctor: 0, weekday: .sunday,
            patientWindow: MinuteInterval(start: MinuteOfDay(hour: 9, minute: 0), end: MinuteOfDay(hour: 13, minute: 0)),
            repWindow: MinuteInterval(start: MinuteOfDay(hour: 13, minute: 0), end: .endOfDay),
            maxPatients: 12, maxReps: 3, appointmentMinutes: 15)])
        #expect(model.closures == [ClinicClosure(id: "65f000050000000000000001", doctor: 0,
                                                 date: LocalDate(year: 2026, month: 12, day: 3)!, isOpen: false, reason: "Conference")])
        #expect(model.appointments.map(\.recurrence) == [
            .weekly(.sunday, skipping: []),
            .dated(LocalDate(year: 2026, month: 12, day: 6)!),
            .weekly(.sunday, skipping: [LocalDate(year: 2026, month: 12, day: 13)!]),
        ])
        #expect(model.appointments.map(\.status) == [.booked, .booked, .cancelled])
        #expect(model.visits == [
            RepVisitRecord(id: "65f000070000000000000001", doctor: 0, rep: 0, date: LocalDate(year: 2026, month: 12, day: 6)!,
                           start: MinuteOfDay(hour: 13, minute: 15), length: 15, status: .scheduled),
            RepVisitRecord(id: "65f000070000000000000002", doctor: 0, rep: 0, date: LocalDate(year: 2026, month: 12, day: 7)!,
                           start: MinuteOfDay(hour: 13, minute: 30), length: 15, status: .rescheduled),
        ])
    }

    @Test("America/New_York: visits on both daylight-saving change days land on the right local minute")
    func daylightSaving() throws {
        let zone = try #require(ClinicTimeZone(identifier: "America/New_York"))
        var dataset = Fixtures.dataset
        let doctor = dataset.doctors[0].id, rep = dataset.medicalReps[0].id
        let times = [
            "2026-03-08T06:30:00Z",  // 01:30 EST, before the spring-forward change
            "2026-03-08T14:00:00Z",  // 10:00 EDT, after it
            "2026-11-01T05:30:00Z",  // 01:30 EDT, the first 01:30 of the fall-back day
            "2026-11-01T06:30:00Z",  // 01:30 EST, the second one
            "2026-11-01T14:00:00Z",  // 09:00 EST
            "2026-11-01T03:30:00Z",  // 23:30 EDT on October 31
        ]
        dataset.repVisits = times.enumerated().map { i, iso in
            RepVisit(id: .int(Int64(i)), doctorId: doctor, repId: rep, date: Self.instant(iso), status: .scheduled,
                     visitSummary: VisitSummary(durationMin: 25))
        }
        dataset.appointments[2].skipDates = [Self.instant("2026-03-08T05:00:00Z")]  // midnight EST
        let model = ModelMapping(dataset, timeZone: zone).model
        let local = model.visits.map { "\($0.date) \($0.start)" }
        #expect(local == ["2026-03-08 01:30", "2026-03-08 10:00", "2026-11-01 01:30", "2026-11-01 01:30",
                          "2026-11-01 09:00", "2026-10-31 23:30"])
        #expect(model.visits.allSatisfy { $0.length == 25 })
        #expect(model.appointments[2].recurrence == .weekly(.sunday, skipping: [LocalDate(year: 2026, month: 3, day: 8)!]))
        // A dated appointment at 00:30 UTC on Sunday is Saturday evening in New York.
        dataset.appointments[1].date = Self.instant("2026-12-06T00:30:00Z")
        #expect(ModelMapping(dataset, timeZone: zone).model.appointments[1].recurrence == .dated(LocalDate(year: 2026, month: 12, day: 5)!))
    }

    @Test("a loaded folder maps without surprises")
    func fromFolder() throws {
        let folder = try TemporaryFolder(Fixtures.files(Fixtures.canonical, Fixtures.lines))
        let loaded = try DataFolder.load(from: folder.url)
        let model = ModelMapping(loaded.dataset, timeZone: .utc).model
        #expect(model.visits.map(\.length) == [20, 15])
        #expect(model.schedules.map(\.appointmentMinutes) == [20])
        #expect(model.appointments.map(\.id) == ["65f000060000000000000001", "65f000060000000000000002", "65f000060000000000000003"])
    }
}
