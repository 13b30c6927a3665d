import ClinicData
import Foundation
import SlotSolver
import Testing

/// `clinic-plan cancel`: whole appointments, one week of a standing appointment, visits.
@Suite struct CancelCommandTests {
    typealias F = ClinicFolderFixture
    static let weekly = "65f0000400000000000000c2"

    func fixture() throws -> F {
        try F { dataset in
            dataset.appointments.append(Appointment(id: .objectId(Self.weekly), doctorId: F.oid(F.d2), patientId: F.oid(F.p1),
                                                    day: .monday, time: MinuteOfDay(hhmm: "10:00")!, status: .booked))
        }
    }

    func cancel(_ fixture: F, _ arguments: [String]) throws -> CLIRun {
        try CLIRunner.run(["cancel"] + arguments + ["--data", fixture.path, "--as", "pat.one@clinic.test"], password: "patient-pw")
    }

    @Test func oneWeekOfAStandingAppointmentIsSkipped() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let run = try cancel(fixture, [Self.weekly, "--date", "2026-12-14"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "cancelled the 2026-12-14 occurrence of weekly appointment \(Self.weekly) (Mondays 10:00); "
                + "the other weeks stay booked\n")
        let appointment = try fixture.load().dataset.appointments[1]
        #expect(appointment.status == .booked && appointment.skipDates == [F.instant("2026-12-14")])
        #expect(try fixture.auditLines().last?["detail"] as? String == "skips 2026-12-14")

        let again = try cancel(fixture, [Self.weekly, "--date", "2026-12-14"])
        #expect(again.status == 1 && again.stdout == "appointment \(Self.weekly) already skips 2026-12-14\n")
        let wrongDay = try cancel(fixture, [Self.weekly, "--date", "2026-12-15"])
        #expect(wrongDay.status == 2)
        #expect(wrongDay.stderr == "error: appointment \(Self.weekly) recurs on Mondays; 2026-12-15 is a Tuesday\n")
    }

    @Test func withoutADateTheWholeAppointmentIsCancelled() throws {
        let fixture = try fixture()
        defer { fixture.remove() }
        let run = try cancel(fixture, [Self.weekly.uppercased()])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "cancelled the whole weekly series appointment \(Self.weekly) (every Monday 10:00); "
                + "to cancel one week only, give --date\n")
        #expect(try fixture.load().dataset.appointments[1].status == .cancelled)
    }

    @Test func unknownIdsAndFinishedVisitsAreRefused() throws {
        let fixture = try F { dataset in dataset.repVisits[0].status = .completed }
        defer { fixture.remove() }
        let unknown = try cancel(fixture, ["65f0000400000000000000ff"])
        #expect(unknown.status == 2 && unknown.stderr == "error: no appointment or rep visit with _id 65f0000400000000000000ff in \(fixture.path)\n")
        let done = try CLIRunner.run(["cancel", F.v1, "--data", fixture.path, "--as", "rep.two@clinic.test"], password: "rep-pw")
        #expect(done.status == 1)
        #expect(done.stdout == "rep visit \(F.v1) is completed: only scheduled or rescheduled visits can be cancelled\n")
    }
}
