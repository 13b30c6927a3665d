import ArgumentParser
import Foundation
import ClinicData
import SlotSolver

extension LocalDate: ExpressibleByArgument {
    /// A `YYYY-MM-DD` within the dates the data may hold (`ValueDomains.localDates`).
    public init?(argument: String) {
        guard let date = try? LocalDate.parseArgument(argument) else { return nil }
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

    /// A date option's value, or the reason it is not one (argument-parser prints it after
    /// "The value '…' is invalid for '--week <week>': ").
    static func parseArgument(_ text: String) throws -> LocalDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw DateArgumentError("must be a date written YYYY-MM-DD, such as 2026-11-29")
        }
        guard (1...12).contains(month) else {
            throw DateArgumentError("must be a date that exists: there is no month \(month)")
        }
        let length = Self.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            let name = Self.monthNames[month - 1]
            let which = month == 2 ? " in \(year)" : ""
            throw DateArgumentError("must be a date that exists: \(name) has \(length) days\(which)")
        }
        guard let date = LocalDate(iso: text), ValueDomains.localDates.contains(date) else {
            throw DateArgumentError("must be between \(ValueDomains.localDates.lowerBound) and \(ValueDomains.localDates.upperBound)")
        }
        return date
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Why a date option's value is not a date; its description is what argument-parser shows.
struct DateArgumentError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
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
