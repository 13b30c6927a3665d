/// Which form of MongoDB Extended JSON v2 a file uses.
public enum ExtendedJSONMode: String, Sendable, CaseIterable {
    /// `{"$oid": …}`, `{"$date": "2026-12-06T13:15:00Z"}`, plain JSON numbers.
    case relaxed
    /// Every number wrapped (`{"$numberInt": "5"}`), dates as `{"$date": {"$numberLong": "…"}}`.
    case canonical
}

/// Reads and writes the Extended JSON v2 forms of the value types the collections use.
enum ExtendedJSON {
    /// Why a value could not be read as the type asked for.
    enum Failure: Error, Equatable {
        /// The value has the wrong JSON type; the payload says what was expected ("an integer").
        case wrongType(expected: String)
        /// The value has the right shape but an invalid content; the payload is the whole
        /// problem after the field name (`"25:61" is not a valid HH:MM time`).
        case invalid(String)
    }

    // MARK: - Reading

    /// The single `$`-key of an Extended JSON wrapper such as `{"$numberInt": "5"}`.
    @inline(__always) static func wrapper(_ value: JSONValue) -> JSONMember? {
        guard case .object(let object) = value, object.members.count == 1,
              object.members[0].key.utf8.first == UInt8(ascii: "$") else { return nil }
        return object.members[0]
    }

    /// An integer: a plain number with an integral value (`5`, `5.0`), or `$numberInt`,
    /// `$numberLong`, or an integral `$numberDouble`.
    static func integer(_ value: JSONValue) -> Result<Int64, Failure> {
        if case .number(let lexeme) = value { return integer(lexeme: lexeme) }
        if let member = wrapper(value), case .string(let text) = member.value {
            switch member.key {
            case "$numberInt":
                if let int = Int32(text) { return .success(Int64(int)) }
                return .failure(.invalid("\(JSONWriter.text(value)) is not a valid $numberInt"))
            case "$numberLong":
                if let int = Int64(text) { return .success(int) }
                return .failure(.invalid("\(JSONWriter.text(value)) is not a valid $numberLong"))
            case "$numberDouble", "$numberDecimal":
                return integer(lexeme: text).mapError { _ in .wrongType(expected: "an integer") }
            default: break
            }
        }
        return .failure(.wrongType(expected: "an integer"))
    }

    static func integer(lexeme: String) -> Result<Int64, Failure> {
        if let int = Int64(lexeme) { return .success(int) }
        guard let double = Double(lexeme), double.isFinite else { return .failure(.wrongType(expected: "an integer")) }
        guard double == double.rounded() else { return .failure(.wrongType(expected: "an integer")) }
        guard abs(double) < 9.2e18 else { return .failure(.invalid("\(lexeme) is out of range")) }
        return .success(Int64(double))
    }

    /// A finite number in any numeric form.
    static func double(_ value: JSONValue) -> Result<Double, Failure> {
        var lexeme: String?
        if case .number(let text) = value { lexeme = text }
        if let member = wrapper(value), case .string(let text) = member.value,
           ["$numberInt", "$numberLong", "$numberDouble", "$numberDecimal"].contains(member.key) { lexeme = text }
        guard let lexeme else { return .failure(.wrongType(expected: "a number")) }
        guard let double = Double(lexeme), double.isFinite else {
            return .failure(.invalid("\(JSONWriter.text(value)) is not a finite number"))
        }
        return .success(double)
    }

    /// An `_id` or reference: `{"$oid": "<24 hex digits>"}` (normalised to lowercase), an integer
    /// in any numeric form, or a string.
    static func documentID(_ value: JSONValue) -> Result<DocumentID, Failure> {
        switch value {
        case .string(let text): return .success(.string(text))
        case .number: return integer(value).map { .int($0) }.mapError { _ in .wrongType(expected: "an ObjectId, an integer or a string") }
        default: break
        }
        if let member = wrapper(value) {
            if member.key == "$oid" {
                if case .string(let hex) = member.value, let oid = ObjectID(hex: hex) { return .success(.objectId(oid)) }
                return .failure(.invalid("\(JSONWriter.text(value)) is not a valid ObjectId (expected 24 hex digits)"))
            }
            if case .success(let int) = integer(value) { return .success(.int(int)) }
        }
        return .failure(.wrongType(expected: "an ObjectId, an integer or a string"))
    }

    /// An ISODate: `{"$date": "2026-12-06T13:15:00Z"}`, `{"$date": {"$numberLong": "…"}}`,
    /// `{"$date": <milliseconds>}` (legacy), or, leniently, a bare ISO string.
    static func date(_ value: JSONValue) -> Result<Int64, Failure> {
        var candidate = value
        if let member = wrapper(value), member.key == "$date" {
            candidate = member.value
            if case .number = candidate {
                return integer(candidate).mapError { _ in .invalid("\(JSONWriter.text(value)) is not a valid ISODate") }
            }
            if let inner = wrapper(candidate) {
                if inner.key == "$numberLong", case .string(let text) = inner.value, let ms = Int64(text) { return .success(ms) }
                return .failure(.invalid("\(JSONWriter.text(value)) is not a valid ISODate"))
            }
        }
        guard case .string(let text) = candidate else { return .failure(.wrongType(expected: "an ISODate")) }
        if let ms = ISODate.parse(text) { return .success(ms) }
        return .failure(.invalid("\(JSONWriter.text(.string(text))) is not a valid ISO date (expected e.g. 2026-12-06T13:15:00Z)"))
    }

    // MARK: - Writing

    static func encode(integer: Int64, mode: ExtendedJSONMode) -> JSONValue {
        switch mode {
        case .relaxed: return .number(String(integer))
        case .canonical:
            if let small = Int32(exactly: integer) { return wrap("$numberInt", .string(String(small))) }
            return wrap("$numberLong", .string(String(integer)))
        }
    }

    /// Integral values are written as integers (the seed stores fees as ints); others as doubles.
    static func encode(double: Double, mode: ExtendedJSONMode) -> JSONValue {
        if double == double.rounded(), abs(double) < 9.0e15 { return encode(integer: Int64(double), mode: mode) }
        switch mode {
        case .relaxed: return .number(String(double))
        case .canonical: return wrap("$numberDouble", .string(String(double)))
        }
    }

    static func encode(id: DocumentID, mode: ExtendedJSONMode) -> JSONValue {
        switch id {
        case .objectId(let oid): return wrap("$oid", .string(oid.hex))
        case .int(let int): return encode(integer: int, mode: mode)
        case .string(let text): return .string(text)
        }
    }

    static func encode(date epochMilliseconds: Int64, mode: ExtendedJSONMode) -> JSONValue {
        if mode == .relaxed && ISODate.isRelaxedRepresentable(epochMilliseconds) {
            return wrap("$date", .string(ISODate.format(epochMilliseconds)))
        }
        return wrap("$date", wrap("$numberLong", .string(String(epochMilliseconds))))
    }

    private static func wrap(_ key: String, _ value: JSONValue) -> JSONValue {
        .object(JSONObject([JSONMember(key, value)]))
    }

    // MARK: - Detecting the mode

    /// The mode a value shows, if any: a plain number or a `$date` string is relaxed, a
    /// `$numberInt` / `$numberLong` / `$numberDouble` wrapper is canonical (relaxed uses those
    /// only for values JSON cannot hold, so relaxed evidence wins when both appear).
    static func modeEvidence(in value: JSONValue) -> ExtendedJSONMode? {
        var sawCanonical = false
        func walk(_ value: JSONValue) -> Bool {  // true when relaxed evidence was found
            switch value {
            case .number: return true
            case .array(let elements): return elements.contains { walk($0) }
            case .object(let object):
                if let member = wrapper(value) {
                    switch member.key {
                    case "$numberInt", "$numberLong", "$numberDouble", "$numberDecimal":
                        sawCanonical = true
                        return false
                    case "$date":
                        if case .string = member.value { return true }
                    default: break
                    }
                }
                return object.members.contains { walk($0.value) }
            default: return false
            }
        }
        if walk(value) { return .relaxed }
        return sawCanonical ? .canonical : nil
    }
}

/// A short rendering of a found value for error messages: compact JSON, cut at 40 characters.
func foundText(_ value: JSONValue) -> String {
    let text = JSONWriter.text(value)
    return text.count <= 40 ? text : String(text.prefix(39)) + "…"
}

/// The kind of a value, for messages that must not show the value itself (passwords).
func kindText(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
}
