import Foundation
import Testing

/// Mutated folders never crash the tool: every run ends with one of the documented exit
/// statuses (0 to 3), never a trap (SIGILL, 132) or any other signal. Seeded: the same folders
/// on every run; `tests/fuzz/run.sh` runs thousands (`CLINIC_PLAN_FUZZ_FOLDERS`).
@Suite(.serialized) struct FuzzTests {
    static let folders = ProcessInfo.processInfo.environment["CLINIC_PLAN_FUZZ_FOLDERS"].flatMap { Int($0) } ?? 240
    static let seed = ProcessInfo.processInfo.environment["CLINIC_PLAN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 11

    /// The commands each mutated folder goes through (validate always, one other by turns).
    static func commands(_ data: String) -> [[String]] {
        [
            ["conflicts", "--data", data, "--from", "2026-11-29", "--days", "14"],
            ["plan", "--data", data, "--week", "2026-11-29", "--format", "csv"],
            ["report", "--all", "--data", data, "--from", "2026-11-29", "--days", "14"],
            ["rebook", "--data", data, "--from", "2026-11-29", "--not-before", "2026-11-29", "--days", "14", "--solver", "greedy"],
            ["book", "--data", data, "--doctor", "65f000010000000000000001", "--patient", "65f000020000000000000003",
             "--date", "2026-12-08", "--time", "09:40", "--as", "admin@clinicplan.example"],
        ]
    }

    /// The bases: the sample (relaxed, JSON array), the sample as JSON Lines, and generated
    /// clinics in canonical mode in both layouts.
    static func bases(in folder: URL) throws -> [String] {
        let sampleLines = folder.appendingPathComponent("sample-lines").path
        let lines = try ScratchClinic()
        for name in ScratchClinic.collectionFiles {
            let text = lines.read(name)!.trimmingCharacters(in: .whitespacesAndNewlines)
            let documents = text.dropFirst().dropLast().split(separator: "\n").map {
                $0.hasSuffix(",") ? String($0.dropLast()) : String($0)
            }
            try lines.write(name, documents.joined(separator: "\n") + "\n")
        }
        try FileManager.default.moveItem(atPath: lines.path, toPath: sampleLines)
        var bases = [Tool.sample, sampleLines]
        for layout in ["json-lines", "json-array"] {
            let path = folder.appendingPathComponent("canonical-\(layout)").path
            let made = try Tool.run(["generate", "--doctors", "3", "--reps", "3", "--patients", "8", "--rescheduled", "2",
                                     "--seed", "3", "--from", "2026-11-29", "--weeks", "2", "--layout", layout,
                                     "--mode", "canonical", "-o", path])
            #expect(made.status == 0, "\(made.stderr)")
            bases.append(path)
        }
        return bases
    }

    @Test func mutatedFoldersNeverCrashAnyCommand() throws {
        let work = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let bases = try Self.bases(in: work)
        for base in bases {
            let clean = try Tool.run(["validate", "--data", base], environment: Tool.environment())
            #expect(clean.status == 0, "\(base): \(clean.stdout)")
        }
        // Two runs at a time: the machine has two cores.
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var fuzzer = FolderFuzzer(seed: Self.seed &+ UInt64(half))
            for n in stride(from: half, to: Self.folders, by: 2) {
                do {
                    let clinic = try ScratchClinic(copying: bases[n % bases.count])
                    defer { clinic.remove() }
                    for _ in 0...(n % 3) { try fuzzer.mutate(clinic) }
                    let other = Self.commands(clinic.path)[(n / 2) % 5]
                    for arguments in [["validate", "--data", clinic.path], other] {
                        let run = try Tool.run(arguments, environment: Tool.environment())
                        if run.status > 3 || run.stderr.contains("Fatal error") || run.stderr.contains("Backtrace") {
                            failures.add("folder \(n) (base \(bases[n % bases.count])): \(arguments[0]) exited \(run.status): "
                                         + String(run.stderr.suffix(600)) + "\n" + clinic.snapshotText())
                        }
                    }
                } catch {
                    failures.add("folder \(n): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3).joined(separator: "\n\n"))")
    }
}

/// Failures gathered from both threads.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

extension ScratchClinic {
    /// The mutated documents' files, abridged, for a failure message.
    func snapshotText() -> String {
        ScratchClinic.collectionFiles.map { "\($0): \(String((read($0) ?? "").prefix(300)))" }.joined(separator: "\n")
    }
}
