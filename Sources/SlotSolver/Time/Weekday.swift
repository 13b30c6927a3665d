/// A day of the week, numbered as the seed's clinics count them: Sunday first.
public enum Weekday: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// Parses a day name in any letter case ("Sunday", "sunday", "SUNDAY").
    public init?(name: some StringProtocol) {
        switch name.lowercased() {
        case "sunday": self = .sunday
        case "monday": self = .monday
        case "tuesday": self = .tuesday
        case "wednesday": self = .wednesday
        case "thursday": self = .thursday
        case "friday": self = .friday
        case "saturday": self = .saturday
        default: return nil
        }
    }

    /// The capitalized English name, as the seed writes it.
    public var name: String {
        switch self {
        case .sunday: "Sunday"
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        }
    }

    public var shortName: String { String(name.prefix(3)) }
    public var description: String { name }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
