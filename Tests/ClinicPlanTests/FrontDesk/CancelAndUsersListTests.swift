import Foundation
import Testing

/// Issue 13, point 6, on the sample: cancelling a weekly booking says whether it ended the series
/// or one date; `users list` takes an admin's sign-in.
@Suite struct CancelAndUsersListTests {
    static let admin = "admin@clinicplan.example"
    static let weekly = "65f000060000000000000001"   // Mohamed Saeed with Dr. Ahmed Hassan, Sundays 09:00

    func cancel(_ clinic: ScratchClinic, _ arguments: [String]) throws -> ToolRun {
        try Tool.run(["cancel"] + arguments + ["--data", clinic.path, "--as", Self.admin], environment: Tool.environment())
    }

    @Test func oneDateOfAWeeklyBookingKeepsTheSeries() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let run = try cancel(clinic, [Self.weekly, "--date", "2026-12-06"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "cancelled the 2026-12-06 occurrence of weekly appointment \(Self.weekly) (Sundays 09:00); "
                + "the other weeks stay booked\n")
    }

    @Test func withoutADateTheWholeSeriesEndsAndTheMessageSaysSo() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let run = try cancel(clinic, [Self.weekly])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "cancelled the whole weekly series appointment \(Self.weekly) (every Sunday 09:00); "
                + "to cancel one week only, give --date\n")
        let plan = try Tool.run(["plan", "--data", clinic.path, "--week", "2026-12-13", "--doctor", "Ahmed Hassan"])
        #expect(!plan.stdout.contains(Self.weekly))
        // A dated booking names its date.
        let dated = try cancel(clinic, ["65f00006000000000000001c"])
        #expect(dated.stdout == "cancelled appointment 65f00006000000000000001c (Thursday 11:00)\n")
    }

    @Test func usersListTakesAnAdmin() throws {
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let list = ["users", "list", "--data", clinic.path]
        let patient = try Tool.run(list + ["--as", "Mohamed Saeed"], environment: Tool.environment())
        #expect(patient.status == 3 && patient.stdout.isEmpty)
        #expect(patient.stderr == "error: mohamed.saeed@clinicplan.example (patient) may not list the users\n")
        let admin = try Tool.run(list + ["--as", Self.admin], environment: Tool.environment())
        #expect(admin.status == 0)
        #expect(admin.stdout.hasPrefix("_id  name                  email                               role         password\n"))
        #expect(admin.stdout.split(separator: "\n").count == 53)   // header, rule, 51 users
        #expect(clinic.auditLines().count == 2)
    }
}
