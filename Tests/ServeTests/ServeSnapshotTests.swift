import ClinicData
import Dispatch
import Foundation
import Testing
@testable import clinic_plan

/// The served folder as one snapshot per folder state (`LiveClinic`) and the answers cached per
/// snapshot and audience (`AnswerCache`): what another process writes is seen by the next
/// request, a role never gets an answer made for another, and one change is read once.
@Suite(.serialized) struct ServeSnapshotTests {
    static let admin = ServeRouteTests.admin, patient = ServeRouteTests.patient, ahmed = ServeRouteTests.ahmed

    private func signedIn(_ server: ServedClinic, _ email: String) throws -> WebClient {
        let client = server.client()
        #expect(try client.signIn(email).status == 303, "sign-in of \(email)")
        return client
    }

    @Test func aCLIWriteIsOnTheNextCachedPageAndAnswer() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let week = "/week?date=2026-12-08&doctor=\(Self.ahmed)", plan = "/api/v1/plan?week=2026-12-08&doctor=\(Self.ahmed)"
        // Asked twice: the second answer comes from the cache, and is the same.
        let first = try client.get(week).body
        #expect(try client.get(week).body == first)
        #expect(!first.contains("Mahmoud Reda"))
        #expect(!(try client.get(plan).body.contains("Mahmoud Reda")))
        let booked = try Tool.run(Tool.binary, ["book", "--data", server.folder.path, "--doctor", Self.ahmed,
                                                "--patient", "65f000020000000000000003", "--date", "2026-12-08", "--time", "09:40",
                                                "--as", Self.admin], environment: ["CLINIC_PASSWORD": "clinic-demo"])
        #expect(booked.status == 0)
        #expect(try client.get(week).body.contains("Mahmoud Reda"))
        #expect(try client.get(plan).body.contains("Mahmoud Reda"))
        // And a CLI cancellation of it, too.
        let id = try #require(booked.output.split(separator: " ").dropFirst(2).first.map(String.init)?.trimmingCharacters(in: .punctuationCharacters))
        let cancelled = try Tool.run(Tool.binary, ["cancel", id, "--data", server.folder.path, "--as", Self.admin],
                                     environment: ["CLINIC_PASSWORD": "clinic-demo"])
        #expect(cancelled.status == 0)
        #expect(!(try client.get(week).body.contains("Mahmoud Reda")))
    }

    @Test func theServersOwnWriteIsOnTheNextPageAndTheNextWriteBuildsOnIt() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let client = try signedIn(server, Self.admin)
        let csrf = try WebClient.field("csrf", in: try client.get("/book").body)
        let plan = "/api/v1/plan?week=2026-12-08&doctor=\(Self.ahmed)"
        #expect(!(try client.get(plan).body.contains("Mahmoud Reda")))
        func book(_ patient: String, _ time: String) throws -> String {
            let answer = try client.send("POST", "/api/v1/bookings", json: ["doctor": Self.ahmed, "patient": patient,
                                                                            "date": "2026-12-08", "time": time],
                                         headers: [("X-CSRF-Token", csrf)])
            #expect(answer.status == 201, "\(answer.body)")
            return try #require(answer.json?["_id"] as? String)
        }
        let first = try book("65f000020000000000000003", "09:40")
        #expect(try client.get(plan).body.contains("Mahmoud Reda"))
        // The second booking is written on the first one's data, kept in memory: both are on disk.
        let second = try book("65f000020000000000000004", "10:00")
        let appointments = server.file("appointments.json")
        #expect(appointments.contains(first) && appointments.contains(second))
        #expect(try client.send("DELETE", "/api/v1/bookings/\(first)", headers: [("X-CSRF-Token", csrf)]).status == 200)
        // What the server holds is what the folder holds: the CLI reads the same plan.
        let cli = try Tool.output(["plan", "--data", server.folder.path, "--week", "2026-12-08", "--doctor", Self.ahmed, "--format", "json"])
        let served = try #require(try client.get(plan).json)
        #expect(NSDictionary(dictionary: served).isEqual(to: try JSONSerialization.jsonObject(with: Data(cli.utf8)) as? [String: Any] ?? [:]))
        #expect(!cli.contains(first) && cli.contains(second))
    }

    @Test func aRoleNeverGetsAPageCachedForAnother() throws {
        let server = try ServedClinic()
        defer { server.stop() }
        let admin = try signedIn(server, Self.admin), patient = try signedIn(server, Self.patient)
        let other = try signedIn(server, "nada.essam@clinicplan.example")
        let week = "/week?date=2026-11-29&doctor=\(Self.ahmed)", plan = "/api/v1/plan?week=2026-11-29&doctor=\(Self.ahmed)"
        // The admin's answers, with everyone's bookings, are cached first.
        #expect(try admin.get(week).body.contains("Nada Essam"))
        #expect(try admin.get(plan).body.contains("Nada Essam"))
        #expect(try (admin.get("/api/v1/people").json?["patients"] as? [Any])?.count ?? 0 > 1)
        for (client, own, notOwn) in [(patient, "Mohamed Saeed", "Nada Essam"), (other, "Nada Essam", "Mohamed Saeed")] {
            let page = try client.get(week).body, json = try client.get(plan).body
            #expect(page.contains(own) && !page.contains(notOwn))
            #expect(json.contains(own) && !json.contains(notOwn))
            let people = try #require(try client.get("/api/v1/people").json)
            #expect((people["patients"] as? [[String: Any]])?.map { $0["name"] as? String } == [own])
            // Each page names its own viewer (the frame is never cached).
            #expect(page.contains(client === patient ? Self.patient : "nada.essam@clinicplan.example"))
        }
        #expect(try admin.get(week).body.contains("Mohamed Saeed") && admin.get(week).body.contains(Self.admin))
    }

    @Test func theWeekPageOfALargeClinicShowsOneDoctorAndAPageOfThePicker() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Tool.run(Tool.binary, ["generate", "--doctors", "45", "--reps", "5", "--patients", "60", "--seed", "3",
                                                   "--from", "2026-12-06", "-o", folder.appendingPathComponent("clinic").path])
        #expect(generated.status == 0)
        let server = try ServedClinic(copying: folder.appendingPathComponent("clinic").path)
        defer { server.stop() }
        // Generated clinics name their admin at random.
        let users = server.file("users.json").split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        } + ((try? JSONSerialization.jsonObject(with: Data(server.file("users.json").utf8))) as? [[String: Any]] ?? [])
        let admin = try #require(users.first { $0["role"] as? String == "admin" }?["email"] as? String)
        let client = try signedIn(server, admin)
        let first = try client.get("/week?date=2026-12-06").body
        // One grid, 40 doctors in the picker (the first one bold), and a link to the page 41–45.
        #expect(first.components(separatedBy: "<div class=\"week\"").count - 1 == 1)
        let picker = try #require(first.components(separatedBy: "<nav class=\"doctors\">").dropFirst().first?
            .components(separatedBy: "</nav>").first)
        #expect(picker.components(separatedBy: "<a href=").count - 1 == 39)
        #expect(first.contains("<nav class=\"doctor-pages\">Doctors <b>1–40</b> · <a href=\"/week?date=2026-12-06&amp;doctor=")
                || first.contains("<nav class=\"doctor-pages\">Doctors <b>1–40</b> · <a href=\"/week?date=2026-12-06&doctor="))
        #expect(first.contains(">41–45</a></nav>"))
        // The 43rd doctor's page: their week, their page of the picker.
        let doctors = try #require(try client.get("/api/v1/people").json?["doctors"] as? [[String: Any]])
        let id = try #require(doctors[42]["_id"] as? String), name = try #require(doctors[42]["name"] as? String)
        let page = try client.get("/week?date=2026-12-06&doctor=\(id)")
        #expect(page.status == 200)
        #expect(page.body.contains("<b>\(HTMLText.escape(name))</b>") && page.body.contains("<b>41–45</b>"))
        #expect(page.body.components(separatedBy: "<div class=\"week\"").count - 1 == 1)
    }
}

/// `LiveClinic` and `AnswerCache` on their own, in this process.
@Suite(.serialized) struct LiveClinicTests {
    private func copyOfTheSample() throws -> URL {
        let folder = try Tool.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Tool.sample) {
            try FileManager.default.copyItem(atPath: Tool.sample + "/" + name, toPath: folder.path + "/" + name)
        }
        return folder
    }

    /// Runs `body` on `count` threads at once and waits for them all.
    private func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    @Test func oneChangeIsReadOnceByConcurrentRequestsAndAnInstalledWriteNotAtAll() throws {
        let folder = try copyOfTheSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let live = LiveClinic(data: try DataOptions.parse(["--data", folder.path]))
        let first = try live.snapshot()
        #expect(live.folderReadings == 1)
        #expect(try live.snapshot().generation == first.generation)
        // Another process rewrites a file: eight requests at once read it once.
        let path = folder.appendingPathComponent("doctors.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\n").write(toFile: path + ".new", atomically: false, encoding: .utf8)
        #expect(rename(path + ".new", path) == 0)
        let generations = Generations()
        concurrently(8) { _ in generations.add((try? live.snapshot())?.generation ?? -1) }
        #expect(live.folderReadings == 2)
        #expect(generations.seen == [first.generation + 1])
        // The server's own write becomes the snapshot without a reading.
        let clinic = try live.snapshot().clinic
        var edited = clinic.dataset
        edited.doctors[0].consultationFee = 999
        try DataFolder.write(edited, basedOn: clinic.folder, to: folder)
        let installed = live.install(Clinic(folder: clinic.folder.written(edited), settings: clinic.settings, folderPath: folder.path),
                                     signature: FolderSignature(folder: folder.path))
        let after = try live.snapshot()
        #expect(live.folderReadings == 2)
        #expect(after.generation == installed.generation && after.clinic.dataset.doctors[0].consultationFee == 999)
        #expect(after.clinic.dataset == (try LiveClinic.load(try DataOptions.parse(["--data", folder.path]))).dataset)
    }

    @Test func whileTheServerWritesRequestsUseTheSnapshotAndAfterwardsReadTheChange() throws {
        let folder = try copyOfTheSample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let live = LiveClinic(data: try DataOptions.parse(["--data", folder.path]))
        let before = try live.snapshot()
        // A file replaced while the server holds the lock (as its own write does): the snapshot stands.
        live.beginWrite()
        let path = folder.appendingPathComponent("doctors.json").path
        try (try String(contentsOfFile: path, encoding: .utf8) + "\n").write(toFile: path + ".new", atomically: false, encoding: .utf8)
        #expect(rename(path + ".new", path) == 0)
        #expect(try live.snapshot().generation == before.generation)
        #expect(live.folderReadings == 1)
        // Ended without installing (a refused or failed write): the next request reads the change.
        live.endWrite()
        #expect(try live.snapshot().generation == before.generation + 1)
        #expect(live.folderReadings == 2)
    }

    @Test func aSnapshotSignsEveryAccountInWithTheProfilesItOwns() throws {
        let live = LiveClinic(data: try DataOptions.parse(["--data", Tool.sample]))
        let snapshot = try live.snapshot()
        let dataset = snapshot.clinic.dataset
        for user in dataset.users {
            #expect(snapshot.signedIn(email: user.email.uppercased()) == SignedInUser(user: user, dataset: dataset), "\(user.email)")
        }
        #expect(snapshot.signedIn(email: "nobody@clinicplan.example") == nil)
    }

    private final class Generations: @unchecked Sendable {
        private let lock = NSLock()
        private var values: Set<Int> = []
        func add(_ value: Int) { lock.withLock { _ = values.insert(value) } }
        var seen: Set<Int> { lock.withLock { values } }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    private func key(_ route: String, _ role: UserRole, patients: Set<DocumentID> = []) -> AnswerKey {
        AnswerKey(route: route, parameters: ["2026-11-29"], audience: ViewScope.Audience(role: role, doctors: [], patients: patients, reps: []))
    }

    @Test func answersAreRenderedOncePerKeyAndSnapshotAndFailuresAreNotKept() throws {
        let cache = AnswerCache()
        let renders = Counter()
        // Eight requests at once for one missing answer: one renders, seven wait for it.
        let results = Generations()
        concurrently(8) { _ in
            results.add(cache.answer(key("week", .admin), generation: 1) { () -> Int in
                renders.increment()
                Thread.sleep(forTimeInterval: 0.05)
                return 7
            })
        }
        #expect(renders.count == 1 && results.seen == [7])
        // Another audience, another answer; the same audience, the kept one.
        let patients = try DataFolder.load(from: URL(fileURLWithPath: Tool.sample)).dataset.patients
        let patientA = key("week", .patient, patients: [patients[0].id]), patientB = key("week", .patient, patients: [patients[1].id])
        #expect(cache.answer(patientA, generation: 1) { 1 } == 1)
        #expect(cache.answer(patientB, generation: 1) { 2 } == 2)
        #expect(cache.answer(patientA, generation: 1) { 3 } == 1)
        #expect(cache.answer(key("week", .admin), generation: 1) { 4 } == 7)
        // A newer snapshot: everything is rendered again; an older one is rendered and not kept.
        #expect(cache.answer(key("week", .admin), generation: 2) { 5 } == 5)
        #expect(cache.answer(patientA, generation: 1) { 6 } == 6)
        #expect(cache.answer(patientA, generation: 2) { 8 } == 8)
        // A failure reaches its request only; the next one renders.
        struct Refused: Error {}
        #expect(throws: Refused.self) { try cache.answer(key("plan", .admin), generation: 2) { () throws -> Int in throw Refused() } }
        #expect(cache.answer(key("plan", .admin), generation: 2) { 9 } == 9)
    }
}
