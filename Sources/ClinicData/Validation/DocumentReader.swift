import SlotSolver

/// The reporting `FieldReader`: reads the fields of one parsed document, reporting every missing
/// or malformed field as a `DataProblem` in the project's words and carrying on, so that one
/// pass finds all of a document's problems.
struct DocumentReader: FieldReader {
    let object: JSONObject
    let file: String
    /// 1-based position of the document in its file.
    let position: Int
    /// What field names are prefixed with in messages: `visit_summary.` inside that object.
    private var prefix = ""
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

    mutating func error(_ field: StaticString, _ message: @autoclosure () -> String) {
        report(.error, label(field), message())
    }

    mutating func warning(_ field: StaticString, _ message: @autoclosure () -> String) {
        report(.warning, label(field), message())
    }

    private mutating func error(_ field: String, _ message: String) {
        report(.error, field, message)
    }

    func found(_ key: StaticString) -> String {
        object[key.description].map(foundText) ?? "nothing"
    }

    /// A field's name as messages give it.
    private func label(_ key: StaticString) -> String { prefix + key.description }

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

    mutating func id() -> DocumentID? {
        guard let value = required("_id") else { return nil }
        switch ExtendedJSON.documentID(value) {
        case .success(let id): documentID = id; return id
        case .failure(let failure): report(failure, "_id", found: value); return nil
        }
    }

    /// A present value; reports the field as missing otherwise.
    private mutating func required(_ key: StaticString) -> JSONValue? {
        if let value = object[key.description] { return value }
        error(key, "is missing")
        return nil
    }

    /// A present, non-null value, or nil without a problem.
    private func optional(_ key: StaticString) -> JSONValue? {
        guard let value = object[key.description], value != .null else { return nil }
        return value
    }

    mutating func string(_ key: StaticString, sensitive: Bool) -> String? {
        guard let value = required(key) else { return nil }
        return string(value, label(key), sensitive: sensitive)
    }

    mutating func optionalString(_ key: StaticString) -> String? {
        guard let value = optional(key) else { return nil }
        return string(value, label(key))
    }

    private mutating func string(_ value: JSONValue, _ field: String, sensitive: Bool = false) -> String? {
        if case .string(let text) = value { return text }
        report(.wrongType(expected: "a string"), field, found: value, sensitive: sensitive)
        return nil
    }

    mutating func integer(_ key: StaticString) -> Int? {
        guard let value = required(key) else { return nil }
        return integer(value, label(key))
    }

    mutating func optionalInteger(_ key: StaticString) -> Int? {
        guard let value = optional(key) else { return nil }
        return integer(value, label(key))
    }

    private mutating func integer(_ value: JSONValue, _ field: String) -> Int? {
        switch ExtendedJSON.integer(value) {
        case .success(let int): return Int(int)
        case .failure(let failure): report(failure, field, found: value); return nil
        }
    }

    mutating func number(_ key: StaticString) -> Double? {
        guard let value = required(key) else { return nil }
        switch ExtendedJSON.double(value) {
        case .success(let double): return double
        case .failure(let failure): report(failure, label(key), found: value); return nil
        }
    }

    mutating func bool(_ key: StaticString) -> Bool? {
        guard let value = required(key) else { return nil }
        if case .bool(let flag) = value { return flag }
        report(.wrongType(expected: "true or false"), label(key), found: value)
        return nil
    }

    mutating func reference(_ key: StaticString) -> DocumentID? {
        guard let value = required(key) else { return nil }
        switch ExtendedJSON.documentID(value) {
        case .success(let id):
            references.append((label(key), id))
            return id
        case .failure(let failure): report(failure, label(key), found: value); return nil
        }
    }

    mutating func date(_ key: StaticString) -> Int64? {
        guard let value = required(key) else { return nil }
        return date(value, label(key))
    }

    mutating func optionalDate(_ key: StaticString) -> Int64? {
        guard let value = optional(key) else { return nil }
        return date(value, label(key))
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

    /// Each bad element is reported as `key[i]`.
    mutating func optionalDates(_ key: StaticString) -> [Int64]? {
        guard let value = optional(key) else { return [] }
        guard case .array(let elements) = value else {
            report(.wrongType(expected: "an array of ISODates"), label(key), found: value)
            return nil
        }
        var dates: [Int64] = []
        var ok = true
        for (i, element) in elements.enumerated() {
            if let ms = date(element, "\(label(key))[\(i)]") { dates.append(ms) } else { ok = false }
        }
        return ok ? dates : nil
    }

    mutating func weekday(_ key: StaticString) -> Weekday? {
        guard let text = string(key) else { return nil }
        // The seed's capitalised names first: lowercasing every day name would allocate.
        if let day = Self.weekdays[text] ?? Weekday(name: text) { return day }
        error(key, "\(foundText(.string(text))) is not a day of the week (Sunday to Saturday)")
        return nil
    }

    mutating func time(_ key: StaticString, allowEndOfDay: Bool) -> MinuteOfDay? {
        guard let text = string(key) else { return nil }
        if let time = MinuteOfDay(hhmm: text, allowEndOfDay: allowEndOfDay) { return time }
        if MinuteOfDay(hhmm: text, allowEndOfDay: true) != nil {
            error(key, "\(foundText(.string(text))) is not a valid start time (24:00 may only end a window)")
        } else {
            error(key, "\(foundText(.string(text))) is not a valid HH:MM time")
        }
        return nil
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: StaticString, _: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let lowered = text.lowercased()
        if let value = Value.allCases.first(where: { $0.rawValue == lowered }) { return value }
        let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
        error(key, "\(foundText(.string(text))) is not one of \(names)")
        return nil
    }

    mutating func optionalObject<Value>(_ key: StaticString, _ body: (inout DocumentReader) -> Value) -> Value?? {
        guard let value = optional(key) else { return .some(nil) }
        guard case .object(let inner) = value else {
            error(key, "must be an object (found \(foundText(value)))")
            return nil
        }
        var reader = DocumentReader(object: inner, file: file, position: position)
        reader.prefix = label(key) + "."
        let read = body(&reader)
        // Reported again here, so that they name this document's `_id`.
        for problem in reader.problems { report(problem.severity, problem.field, problem.message) }
        return .some(read)
    }
}
