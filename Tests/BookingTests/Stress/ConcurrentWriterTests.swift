import ClinicData
import Foundation
import SlotSolver
import Testing

/// Many writers on one data folder: nothing lost, nothing torn, no stale lock.
@Suite(.serialized) struct ConcurrentWriterTests {
    typealias F = ClinicFolderFixture

    /// d1's Monday 2026-12-07 runs 09:00–11:00 (eight 15-minute slots, max_patients 8); three are
    /// taken, so five are left: 09:45, 10:00, 10:15, 10:30, 10:45.
    static let freeTimes = ["09:45", "10:00", "10:15", "10:30", "10:45"]

    @Test func fortyWritersRaceForTheLastFiveSlotsAndExactlyFiveWin() throws {
        let fixture = try F { dataset in
            dataset.schedules[0].patientEnd = MinuteOfDay(hhmm: "11:00")!
            dataset.schedules[0].maxPatients = 8
            for (n, time) in ["09:15", "09:30"].enumerated() {
                dataset.appointments.append(Appointment(
                    id: .objectId("65f00004000000000000010\(n)"), doctorId: F.oid(F.d1), patientId: F.oid(F.p1),
                    day: .monday, time: MinuteOfDay(hhmm: time)!, status: .booked, date: F.instant("2026-12-07")))
            }
        }
        defer { fixture.remove() }
        let conflicts = ["conflicts", "--data", fixture.path, "--from", "2026-12-07", "--days", "1"]
        #expect(try CLIRunner.run(conflicts, password: nil).status == 0)

        // Writer k asks for free slot k mod 5, for Pat One or Pat Two: eight writers per slot.
        let writers = try (0..<40).map { k in
            try CLIRunner.start(["book", "--data", fixture.path, "--doctor", F.d1, "--patient", k % 2 == 0 ? F.p1 : F.p2,
                                 "--date", "2026-12-07", "--time", Self.freeTimes[k % 5], "--suggest", "0",
                                 "--as", "admin@clinic.test"], password: "admin-pw")
        }
        let runs = try writers.map { try $0.finish() }

        let won = runs.filter { $0.status == 0 }
        #expect(won.count == 5, "\(runs.filter { $0.status != 0 && $0.status != 1 })")
        #expect(runs.filter { $0.status == 1 }.count == 35)
        for run in runs where run.status == 1 {
            #expect(run.stdout.hasPrefix("rejected at check 4 (slot free): "), "\(run)")
        }

        // The files parse, and hold exactly one new appointment per free slot.
        let loaded = try fixture.load()
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let new = loaded.dataset.appointments.dropFirst(3)
        #expect(new.count == 5)
        #expect(new.map(\.time.description).sorted() == Self.freeTimes)
        #expect(new.allSatisfy { $0.status == .booked && $0.date == F.instant("2026-12-07") && $0.doctorId == F.oid(F.d1) })

        // 40 new audit lines, well formed: 5 confirmed, 35 rejected.
        let audit = try fixture.auditLines()
        #expect(audit.count == 40)
        #expect(audit.filter { $0["outcome"] as? String == "confirmed" }.count == 5)
        #expect(audit.filter { $0["outcome"] as? String == "rejected" }.count == 35)
        #expect(audit.allSatisfy { $0["user"] as? String == "admin@clinic.test" && $0["action"] as? String == "book" })

        // Nothing new for `conflicts` to find.
        let after = try CLIRunner.run(conflicts, password: nil)
        #expect(after.status == 0, "\(after)")
    }

    @Test func writersKilledAtRandomMomentsLeaveTheFolderWhole() throws {
        // A few thousand cancelled appointments on other dates make each write take a while, so
        // that kills land in the middle of reading, checking and writing.
        let fixture = try F { dataset in
            dataset.schedules[1].maxPatients = 100
            for n in 0..<3000 {
                let hex = String(n, radix: 16)
                dataset.appointments.append(Appointment(
                    id: .objectId("65f00009" + String(repeating: "0", count: 16 - hex.count) + hex), doctorId: F.oid(F.d2),
                    patientId: F.oid(F.p2), day: .sunday, time: MinuteOfDay(hhmm: "10:00")!, status: .cancelled,
                    date: F.instant("2025-01-05")))
            }
        }
        defer { fixture.remove() }
        var random = SystemRandomNumberGenerator()
        var confirmed: Set<String> = []
        var attempted: Set<String> = []
        var killed = 0
        var sniped = 0
        /// Temporary files left by writers killed mid-write (harmless: never read, never renamed).
        var abandoned: Set<String> = []

        // How long one writer takes here, so that kills spread over the writers' whole lives
        // (start-up, reading, waiting for the lock, checking, writing, auditing).
        let calibrationStart = Date()
        let calibration = try CLIRunner.run(["book", "--data", fixture.path, "--doctor", F.d2, "--patient", F.p1,
                                             "--date", "2027-01-11", "--time", "09:00", "--as", "admin@clinic.test"],
                                            password: "admin-pw")
        #expect(calibration.status == 0, "\(calibration)")
        let lifetime = Date().timeIntervalSince(calibrationStart)
        let original = try fixture.load().dataset.appointments

        for round in 0..<4 {
            // Round r books d2 on the Monday 2026-12-07 + 7r, writer k at 09:00 + 15k minutes.
            let date = LocalDate(iso: "2026-12-07")!.adding(days: 7 * round)
            var writers: [(RunningTool, String)] = []
            for k in 0..<8 {
                let time = MinuteOfDay(Int32(540 + 15 * k)).description
                writers.append((try CLIRunner.start(
                    ["book", "--data", fixture.path, "--doctor", F.d2, "--patient", k % 2 == 0 ? F.p1 : F.p2,
                     "--date", date.description, "--time", time, "--as", "admin@clinic.test"], password: "admin-pw"),
                    "\(date) \(time)"))
                attempted.insert("\(date) \(time)")
            }
            // Kill four of the eight at random moments while they run (eight writers take about
            // two lifetimes to start side by side, then write one after the other), and snipe up to
            // two more in the middle of a write: when a temporary data file shows up, the writer
            // holding the lock (its pid is in the lock file) is killed before it can rename it.
            var moments = (0..<4).map { _ in Double.random(in: 0.2...4, using: &random) * lifetime }.sorted()[...]
            var victims = writers.indices.shuffled(using: &random).prefix(4)
            let pids = Set(writers.map { $0.0.process.processIdentifier })
            var snipes = 0
            let start = Date()
            while writers.contains(where: { $0.0.process.isRunning }) {
                if let moment = moments.first, Date().timeIntervalSince(start) >= moment, let victim = victims.popFirst() {
                    moments.removeFirst()
                    kill(writers[victim].0.process.processIdentifier, SIGKILL)
                }
                if snipes < 2, let (holder, temporary) = Self.writerMidWrite(fixture, among: pids, ignoring: abandoned) {
                    kill(holder, SIGKILL)
                    abandoned.insert(temporary)
                    snipes += 1
                    sniped += 1
                }
                usleep(300)
            }
            for (writer, slot) in writers {
                let run = try writer.finish()
                if writer.process.terminationReason == .uncaughtSignal {
                    killed += 1
                } else {
                    #expect(run.status == 0, "\(run)")
                    if run.status == 0 { confirmed.insert(slot) }
                }
            }

            // Whole after every round: every file parses, nothing was lost or half-written.
            let loaded = try fixture.load()
            #expect(loaded.errors.isEmpty, "round \(round): \(loaded.errors)")
            let appointments = loaded.dataset.appointments
            #expect(Array(appointments.prefix(original.count)) == original, "round \(round): old appointments changed")
            let booked = appointments.dropFirst(original.count).map { appointment in
                "\(ClinicTimeZone.utc.local(epochMilliseconds: appointment.date!.epochMilliseconds).date) \(appointment.time)"
            }
            #expect(Set(booked).count == booked.count, "round \(round): a slot was booked twice")
            #expect(confirmed.isSubset(of: Set(booked)), "round \(round): a confirmed booking was lost")
            #expect(Set(booked).isSubset(of: attempted))
            for line in try fixture.auditLines() {
                #expect(line["outcome"] is String && line["time"] is String)
            }
            // No stale lock: it is free at once.
            #expect(try FolderLock.acquire(folder: fixture.folder, timeout: 1).isHeld, "round \(round): the lock is stale")
        }
        #expect(killed > 0, "no writer was killed: the test did not test anything")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: fixture.path).filter { $0.contains(".tmp-") })
        #expect(!abandoned.intersection(left).isEmpty, "no kill landed between writing a new file and renaming it")

        // And the tool still writes: one more booking goes through at once.
        let last = try CLIRunner.run(["book", "--data", fixture.path, "--doctor", F.d2, "--patient", F.p1, "--date", "2027-01-04",
                                      "--time", "11:00", "--lock-timeout", "2", "--as", "admin@clinic.test"], password: "admin-pw")
        #expect(last.status == 0, "\(last)")
    }

    /// The pid of the writer holding the folder's lock while a new temporary data file exists
    /// (it is between creating the new file and renaming it over the old one), if it is one of
    /// `pids`, with that file's name.
    static func writerMidWrite(_ fixture: F, among pids: Set<Int32>, ignoring abandoned: Set<String>) -> (Int32, String)? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: fixture.path),
              let temporary = names.first(where: { $0.hasPrefix(".appointments.json.tmp-") && !abandoned.contains($0) }),
              let text = try? String(contentsOfFile: fixture.path + "/" + FolderLock.fileName, encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pids.contains(pid) else { return nil }
        return (pid, temporary)
    }
}
