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

extension LocalMoment: ExpressibleByArgument {
    /// `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:MM`, the date within `ValueDomains.localDates`.
    public init?(argument: String) {
        guard let moment = LocalMoment(iso: argument), ValueDomains.localDates.contains(moment.date) else { return nil }
        self = moment
    }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension LocalMoment {
    /// The current minute in the clinic's zone.
    static func now(in zone: ClinicTimeZone) -> LocalMoment {
        let local = zone.local(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        return LocalMoment(date: local.date, minute: local.minute)
    }
}
