import Foundation
import ClinicData
import SlotSolver
@testable import clinic_plan

/// The sample clinic (instances/sample), loaded once for all report tests, in UTC.
enum SampleClinic {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let folder = repositoryRoot.appendingPathComponent("instances/sample")

    /// The loaded sample, as the CLI sees it.
    static let clinic: Clinic = {
        let loaded = try! DataFolder.load(from: folder, timeZone: .utc)
        precondition(loaded.errors.isEmpty, "the sample must load without errors: \(loaded.errors)")
        return Clinic(folder: loaded, timeZone: .utc)
    }()

    /// The sample's main week, Sunday 2026-11-29 to Saturday 2026-12-05.
    static let mainWeek = DateRange(first: day("2026-11-29"), count: 7)

    static func analytics(_ range: DateRange = mainWeek, doctor: Int32? = nil) -> ClinicAnalytics {
        ClinicAnalytics(dataset: clinic.dataset, model: clinic.model, calendar: clinic.calendar, range: range,
                        doctor: doctor)
    }

    /// Doctor index `n` (0-based, file order) has _id 65f00001 followed by n + 1 in 16 hex digits.
    static func doctorID(_ n: Int) -> String { "65f00001" + hex16(n + 1) }
    static func repID(_ n: Int) -> String { "65f00003" + hex16(n + 1) }

    private static func hex16(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
