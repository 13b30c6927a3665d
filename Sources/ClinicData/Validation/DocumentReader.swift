import SlotSolver

/// Reads the fields of one document, reporting every missing or malformed field as a
/// `DataProblem` and carrying on, so that one pass finds all of a document's problems.
struct DocumentReader {
    let object: JSONObject
    let file: String
    /// 1-based position of the document in its file.
    let position: Int
    private(set) var documentID: DocumentID?
    private(set) var problems: [DataProblem] = []
    private(set) var hasErrors = false
    /// The references read, for the checks between documents.
    private(set) var references: [(field: String, id: DocumentID)] = []

    init(object: JSONObject, file: String, position: Int) {
        self.object = object
        self.file = file
        self.position = position
    }

    // MARK: - Reporting

    mutating func error(_ field: String?, _ message: String) {
        report(.error, field, message)
    }

    mutating func warning(_ field: String?, _ message: String) {
        report(.warning, field, message)
    }

    private mutating func report(_ severity: DataProblem.Severity, _ field: String?, _ message: String) {
        if severity == .error { hasErrors = true }
        problems.append(DataProblem(severity: severity, file: file, document: position,
                                    documentID: documentID?.description, field: field, message: message))
    }

    private mutating func report(_ failure: ExtendedJSON.Failure, _ field: String, found value: JSONValue, sensitive: Bool = false) {
        switch failure {
        case .wrongType(let expected):
            error(field, "must be \(expected) (found \(sensitive ? kindText(value) : foundText(value)))")
        case .invalid(let message):
            error(field, sensitive ? "is not valid" : message)
        }
    }

    // MARK: - Fields

    static let weekdays = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.name, $0) })

    /// The document's `_id`; read first so that every later problem can name it.
    mutating func readID() -> DocumentID? {
        guard let value = required("_id") else { return nil }
        switch ExtendedJSON.documentID(value) {
        case .success(let id): documentID = id; return id
        case .failure(let failure): report(failure, "_id", found: value); return nil
        }
    }

    /// A present value; reports the field as missing otherwise.
    mutating func required(_ key: String) -> JSONValue? {
        if let value = object[key] { return value }
        error(key, "is missing")
        return nil
    }

    /// A present, non-null value, or nil without a problem.
    func optional(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    mutating func string(_ key: String, sensitive: Bool = false) -> String? {
        guard let value = required(key) else { return nil }
        return string(value, key, sensitive: sensitive)
    }

    mutating func optionalString(_ key: String, label: String? = nil) -> String? {
        guard let value = optional(key) else { return nil }
        return string(value, label ?? key)
    }

    private mutating func string(_ value: JSONValue, _ field: String, sensitive: Bool = false) -> String? {
        if case .string(let text) = value { return text }
        report(.wrongType(expected: "a string"), field, found: value, sensitive: sensitive)
        return nil
    }

    mutating func integer(_ key: String) -> Int? {
        guard let value = required(key) else { return nil }
        return integer(value, key)
    }

    mutating func optionalInteger(_ key: String, label: String? = nil) -> Int? {
        guard let value = optional(key) else { return nil }
        return integer(value, label ?? key)
    }

    private mutating func integer(_ value: JSONValue, _ field: String) -> Int? {
        switch ExtendedJSON.integer(value) {
        case .success(let int): return Int(int)
        case .failure(let failure): report(failure, field, found: value); return nil
        }
    }

    mutating func number(_ key: String) -> Double? {
        guard let value = required(key) else { return nil }
        switch ExtendedJSON.double(value) {
        case .success(let double): return double
        case .failure(let failure): report(failure, key, found: value); return nil
        }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = required(key) else { return nil }
        if case .bool(let flag) = value { return flag }
        report(.wrongType(expected: "true or false"), key, found: value)
        return nil
    }

    mutating func reference(_ key: String) -> DocumentID? {
        guard let value = required(key) else { return nil }
        switch ExtendedJSON.documentID(value) {
        case .success(let id):
            references.append((key, id))
            return id
        case .failure(let failure): report(failure, key, found: value); return nil
        }
    }

    mutating func date(_ key: String) -> Int64? {
        guard let value = required(key) else { return nil }
        return date(value, key)
    }

    mutating func optionalDate(_ key: String) -> Int64? {
        guard let value = optional(key) else { return nil }
        return date(value, key)
    }

    private mutating func date(_ value: JSONValue, _ field: String) -> Int64? {
        switch ExtendedJSON.date(value) {
        case .success(let ms):
            guard ValueDomains.dates.contains(ms) else {
                error(field, "\(JSONWriter.text(value)) is outside the dates clinic-plan accepts (\(ValueDomains.datesText))")
                return nil
            }
            return ms
        case .failure(let failure): report(failure, field, found: value); return nil
        }
    }

    /// An optional array of ISODates; each bad element is reported as `key[i]`.
    mutating func optionalDates(_ key: String) -> [Int64]? {
        guard let value = optional(key) else { return [] }
        guard case .array(let elements) = value else {
            report(.wrongType(expected: "an array of ISODates"), key, found: value)
            return nil
        }
        var dates: [Int64] = []
        var ok = true
        for (i, element) in elements.enumerated() {
            if let ms = date(element, "\(key)[\(i)]") { dates.append(ms) } else { ok = false }
        }
        return ok ? dates : nil
    }

    mutating func weekday(_ key: String) -> Weekday? {
        guard let text = string(key) else { return nil }
        // The seed's capitalised names first: lowercasing every day name would allocate.
        if let day = Self.weekdays[text] ?? Weekday(name: text) { return day }
        error(key, "\(foundText(.string(text))) is not a day of the week (Sunday to Saturday)")
        return nil
    }

    /// An "HH:MM" time. "24:00" is refused unless the time ends a window (`allowEndOfDay`).
    mutating func time(_ key: String, allowEndOfDay: Bool = false) -> MinuteOfDay? {
        guard let text = string(key) else { return nil }
        if let time = MinuteOfDay(hhmm: text, allowEndOfDay: allowEndOfDay) { return time }
        if MinuteOfDay(hhmm: text, allowEndOfDay: true) != nil {
            error(key, "\(foundText(.string(text))) is not a valid start time (24:00 may only end a window)")
        } else {
            error(key, "\(foundText(.string(text))) is not a valid HH:MM time")
        }
        return nil
    }

    /// One of an enumeration's raw values, in any letter case.
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: String, _: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let lowered = text.lowercased()
        if let value = Value.allCases.first(where: { $0.rawValue == lowered }) { return value }
        let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
        error(key, "\(foundText(.string(text))) is not one of \(names)")
        return nil
    }
}
