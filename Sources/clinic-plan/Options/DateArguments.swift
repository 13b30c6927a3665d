import ArgumentParser
import Foundation
import ClinicData
import SlotSolver

extension LocalDate: ExpressibleByArgument {
    /// A `YYYY-MM-DD` within the dates the data may hold (`ValueDomains.localDates`).
    public init?(argument: String) {
        guard let date = LocalDate(iso: argument), ValueDomains.localDates.contains(date) else { return nil }
        self = date
    }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension LocalDate {
    /// Today's date in the clinic's zone.
    static func today(in zone: ClinicTimeZone) -> LocalDate {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return zone.local(epochMilliseconds: now).date
    }
}
