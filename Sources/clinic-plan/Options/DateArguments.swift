import ArgumentParser
import Foundation
import SlotSolver

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension LocalDate {
    /// Today's date in the clinic's zone.
    static func today(in zone: ClinicTimeZone) -> LocalDate {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return zone.local(epochMilliseconds: now).date
    }
}
