import Foundation
import SlotSolver

/// The clinic's own settings, `clinic-plan.json` in the data folder: its time zone, the rebooking
/// grid, and the defaults of options every command would otherwise need again. Every command
/// reads it; an option given on the command line wins over it, and a missing file (or key) means
/// the built-in default. `generate` writes one; the sample has one stating its zone.
///
/// ```json
/// {"timezone": "UTC", "rebook_grid_minutes": 5,
///  "defaults": {"days": 7, "suggest": 3, "within": 14, "threshold": 0.5, "lock_timeout": 30}}
/// ```
public struct ClinicSettings: Equatable, Sendable {
    public static let fileName = "clinic-plan.json"

    /// The IANA zone stored ISODates are read in (`--timezone`).
    public var timeZone: ClinicTimeZone
    /// Rebooking's start-time grid in minutes from midnight (`rebook --grid`).
    public var rebookGridMinutes: Int
    /// Days in a range (`--days` of conflicts, report and rebook).
    public var days: Int
    /// Free slots a refused booking lists (`book --suggest`).
    public var suggest: Int
    /// Days a refused booking's suggestions are searched over (`book --within`).
    public var within: Int
    /// The `low-utilization` report's fraction (`report --threshold`).
    public var threshold: Double
    /// Seconds a writer waits for another (`--lock-timeout`).
    public var lockTimeout: Double

    /// The built-in defaults: a UTC clinic.
    public static let standard = ClinicSettings(
        timeZone: .utc, rebookGridMinutes: 5, days: 7, suggest: 3, within: 14, threshold: 0.5, lockTimeout: 30)

    public init(timeZone: ClinicTimeZone, rebookGridMinutes: Int, days: Int, suggest: Int, within: Int,
                threshold: Double, lockTimeout: Double) {
        self.timeZone = timeZone
        self.rebookGridMinutes = rebookGridMinutes
        self.days = days
        self.suggest = suggest
        self.within = within
        self.threshold = threshold
        self.lockTimeout = lockTimeout
    }

    public static func == (lhs: ClinicSettings, rhs: ClinicSettings) -> Bool {
        lhs.timeZone.identifier == rhs.timeZone.identifier && lhs.rebookGridMinutes == rhs.rebookGridMinutes
            && lhs.days == rhs.days && lhs.suggest == rhs.suggest && lhs.within == rhs.within
            && lhs.threshold == rhs.threshold && lhs.lockTimeout == rhs.lockTimeout
    }

    // MARK: - Domains

    /// Each setting's domain, the same as its option's.
    public static let dayCounts = 1...ValueDomains.maxDays
    public static let suggestionCounts = 0...100
    public static let gridMinutes = 1...1440
    public static let fractions = 0.0...1.0
    public static let lockTimeouts = 0.0...86_400.0

    // MARK: - Reading

    /// The settings of `folder`: the standard ones when it has no `clinic-plan.json`.
    public static func read(folder: URL) throws(ClinicSettingsError) -> ClinicSettings {
        try readIfPresent(folder: folder) ?? .standard
    }

    /// The settings of `folder`'s `clinic-plan.json`, or nil when it has none.
    public static func readIfPresent(folder: URL) throws(ClinicSettingsError) -> ClinicSettings? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readAll(url.path)
        } catch {
            throw ClinicSettingsError("cannot be read (\(error.reason))")
        }
        return try parse(bytes)
    }

    /// The settings in `bytes`, the text of a `clinic-plan.json`.
    public static func parse(_ bytes: [UInt8]) throws(ClinicSettingsError) -> ClinicSettings {
        // `withUnsafeBytes` does not carry typed throws, so the outcome comes back as a value.
        let parsed: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBytes { buffer in
            var parser = JSONParser(bytes: buffer)
            do throws(JSONParser.Failure) {
                let value = try parser.parseValue()
                parser.skipWhitespace()
                guard parser.atEnd else { throw parser.fail("unexpected text after the settings object") }
                return .success(value)
            } catch {
                return .failure(JSONSyntaxError(message: error.message, offset: error.offset, in: buffer))
            }
        }
        let value: JSONValue
        switch parsed {
        case .success(let parsedValue): value = parsedValue
        case .failure(let error): throw ClinicSettingsError(error.message, line: error.line, column: error.column)
        }
        guard case .object(let top) = value else { throw ClinicSettingsError("must be one JSON object") }
        var settings = ClinicSettings.standard
        try checkKeys(top, allowed: ["timezone", "rebook_grid_minutes", "defaults"], in: nil)
        if let zone = top["timezone"] {
            guard case .string(let name) = zone, let parsed = ClinicTimeZone(identifier: name) else {
                throw ClinicSettingsError(field: "timezone", "must be an IANA time zone name such as \"Africa/Cairo\" or \"UTC\" (found \(JSONWriter.text(zone)))")
            }
            settings.timeZone = parsed
        }
        if let grid = top["rebook_grid_minutes"] {
            settings.rebookGridMinutes = try integer(grid, field: "rebook_grid_minutes", in: gridMinutes)
        }
        if let defaults = top["defaults"] {
            guard case .object(let members) = defaults else {
                throw ClinicSettingsError(field: "defaults", "must be an object")
            }
            try checkKeys(members, allowed: ["days", "suggest", "within", "threshold", "lock_timeout"], in: "defaults")
            if let v = members["days"] { settings.days = try integer(v, field: "defaults.days", in: dayCounts) }
            if let v = members["suggest"] { settings.suggest = try integer(v, field: "defaults.suggest", in: suggestionCounts) }
            if let v = members["within"] { settings.within = try integer(v, field: "defaults.within", in: dayCounts) }
            if let v = members["threshold"] { settings.threshold = try number(v, field: "defaults.threshold", in: fractions) }
            if let v = members["lock_timeout"] {
                settings.lockTimeout = try number(v, field: "defaults.lock_timeout", in: lockTimeouts)
            }
        }
        return settings
    }

    private static func checkKeys(_ object: JSONObject, allowed: [String], in parent: String?) throws(ClinicSettingsError) {
        for key in object.keys where !allowed.contains(key) {
            let field = parent.map { "\($0).\(key)" } ?? key
            throw ClinicSettingsError(field: field, "is not a setting (known: \(allowed.joined(separator: ", ")))")
        }
    }

    private static func integer(_ value: JSONValue, field: String, in domain: ClosedRange<Int>) throws(ClinicSettingsError) -> Int {
        guard case .number(let lexeme) = value, let number = Int(lexeme), domain.contains(number) else {
            throw ClinicSettingsError(field: field, "must be a whole number from \(domain.lowerBound) to \(domain.upperBound) (found \(JSONWriter.text(value)))")
        }
        return number
    }

    private static func number(_ value: JSONValue, field: String, in domain: ClosedRange<Double>) throws(ClinicSettingsError) -> Double {
        guard case .number(let lexeme) = value, let number = Double(lexeme), domain.contains(number) else {
            throw ClinicSettingsError(field: field, "must be a number from \(format(domain.lowerBound)) to \(format(domain.upperBound)) (found \(JSONWriter.text(value)))")
        }
        return number
    }

    // MARK: - Writing

    /// The settings as `clinic-plan.json` text: every setting spelled out, so the file documents itself.
    public var fileText: String {
        """
        {
          "timezone": \(JSONWriter.text(.string(timeZone.identifier))),
          "rebook_grid_minutes": \(rebookGridMinutes),
          "defaults": {
            "days": \(days),
            "suggest": \(suggest),
            "within": \(within),
            "threshold": \(Self.format(threshold)),
            "lock_timeout": \(Self.format(lockTimeout))
          }
        }

        """
    }

    /// Writes `clinic-plan.json` into `folder` atomically.
    public func write(to folder: URL) throws {
        try AtomicFile.write(Array(fileText.utf8), to: folder.appendingPathComponent(Self.fileName))
    }

    /// A number as JSON writes it: no trailing ".0" when whole.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// Why `clinic-plan.json` cannot be used, as one data problem (`clinic-plan.json: FIELD MESSAGE`,
/// or with the line and column of unreadable JSON), so `validate` lists it with the others.
public struct ClinicSettingsError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problem: DataProblem

    public init(field: String? = nil, _ message: String, line: Int? = nil, column: Int? = nil) {
        problem = DataProblem(severity: .error, file: ClinicSettings.fileName, field: field, message: message,
                              line: line, column: column)
    }

    public var description: String { problem.description }
}
