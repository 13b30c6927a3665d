import CSimdjson
import SlotSolver

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The fast `FieldReader`, over a document simdjson has parsed: it reads a clean document (every
/// field present and valid, no warning) into exactly the values `DocumentReader` gives, and
/// marks anything else as not clean (`hasErrors`), without a message: such a document is read
/// again by `DocumentReader`, which words what is wrong. It remembers the first field it could
/// not take, so that `--stats` can say why documents took the careful path.
///
/// One reader serves a whole run of documents (`begin` starts each).
struct FastFieldReader: FieldReader {
    private(set) var object: FastObject
    private(set) var hasErrors = false
    /// The first field that was not clean, and how.
    private(set) var firstFailure: (field: StaticString, kind: FailureKind)?

    enum FailureKind: String {
        /// The field is missing, or in a form this reader does not take (the careful path says).
        case unread = "missing, or not in a form the fast reader takes"
        case error = "has an error to report"
        case warning = "has a warning to report"
    }

    init(_ object: FastObject) {
        self.object = object
    }

    /// Starts reading the next document.
    @inline(__always) mutating func begin(_ object: FastObject) {
        self.object = object
        hasErrors = false
        firstFailure = nil
    }

    @inline(__always) private mutating func fail(_ key: StaticString, _ kind: FailureKind = .unread) {
        if !hasErrors { firstFailure = (key, kind) }
        hasErrors = true
    }

    /// `value`, or a failure of `key` when nil.
    @inline(__always) private mutating func check<Value>(_ key: StaticString, _ value: Value?) -> Value? {
        if value == nil { fail(key) }
        return value
    }

    // MARK: - Reporting

    mutating func error(_ field: StaticString, _ message: @autoclosure () -> String) { fail(field, .error) }
    mutating func warning(_ field: StaticString, _ message: @autoclosure () -> String) { fail(field, .warning) }
    func found(_ key: StaticString) -> String { "" }

    // MARK: - Fields

    mutating func id() -> DocumentID? { check("_id", object.member("_id").flatMap(FastExtendedJSON.documentID)) }

    /// ObjectIds and integers are inline values: a reference allocates nothing.
    mutating func reference(_ key: StaticString) -> DocumentID? {
        check(key, object.member(key).flatMap(FastExtendedJSON.documentID))
    }

    mutating func string(_ key: StaticString, sensitive: Bool) -> String? {
        guard let value = object.member(key), value.type == CSJ_STRING else { fail(key); return nil }
        return value.text
    }

    mutating func optionalString(_ key: StaticString) -> String? {
        guard let value = optional(key) else { return nil }
        guard value.type == CSJ_STRING else { fail(key); return nil }
        return value.text
    }

    mutating func integer(_ key: StaticString) -> Int? {
        check(key, object.member(key).flatMap(FastExtendedJSON.integer).map { Int($0) })
    }

    mutating func optionalInteger(_ key: StaticString) -> Int? {
        guard let value = optional(key) else { return nil }
        return check(key, FastExtendedJSON.integer(value).map { Int($0) })
    }

    mutating func number(_ key: StaticString) -> Double? {
        check(key, object.member(key).flatMap(FastExtendedJSON.double))
    }

    mutating func bool(_ key: StaticString) -> Bool? {
        let value = object.member(key)
        if value?.type == CSJ_TRUE { return true }
        if value?.type == CSJ_FALSE { return false }
        fail(key)
        return nil
    }

    mutating func date(_ key: StaticString) -> Int64? {
        check(key, object.member(key).flatMap(FastExtendedJSON.date))
    }

    mutating func optionalDate(_ key: StaticString) -> Int64? {
        guard let value = optional(key) else { return nil }
        return check(key, FastExtendedJSON.date(value))
    }

    mutating func optionalDates(_ key: StaticString) -> [Int64]? {
        guard let value = optional(key) else { return [] }
        guard value.type == CSJ_ARRAY else { fail(key); return nil }
        let dates = withUnsafeTemporaryAllocation(of: csj_member.self, capacity: 16) { buffer -> [Int64]? in
            var count = csj_array_elements(value.element, buffer.baseAddress, buffer.count)
            if count > buffer.count {
                var elements = [csj_member](repeating: csj_member(), count: count)
                count = csj_array_elements(value.element, &elements, elements.count)
                return Self.dates(elements[...])
            }
            return Self.dates(buffer[0..<count])
        }
        return check(key, dates)
    }

    private static func dates<Elements: Collection<csj_member>>(_ elements: Elements) -> [Int64]? {
        var dates: [Int64] = []
        dates.reserveCapacity(elements.count)
        for element in elements {
            guard let ms = FastExtendedJSON.date(element) else { return nil }
            dates.append(ms)
        }
        return dates
    }

    mutating func weekday(_ key: StaticString) -> Weekday? {
        guard let value = object.member(key), value.type == CSJ_STRING else { fail(key); return nil }
        // The seed's capitalised names, compared as bytes; other spellings the general way.
        for (i, name) in Self.weekdayNames.enumerated() where value.string_length == name.utf8CodeUnitCount {
            if memcmp(value.string, name.utf8Start, name.utf8CodeUnitCount) == 0 { return Weekday(rawValue: i) }
        }
        let text = value.text
        return check(key, DocumentReader.weekdays[text] ?? Weekday(name: text))
    }

    private static let weekdayNames: [StaticString] = [
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    ]

    /// As `MinuteOfDay(hhmm:allowEndOfDay:)` reads it, the usual five characters without a string.
    mutating func time(_ key: StaticString, allowEndOfDay: Bool) -> MinuteOfDay? {
        guard let value = object.member(key), value.type == CSJ_STRING else { fail(key); return nil }
        let bytes = value.stringBytes
        if bytes.count == 5, bytes[2] == UInt8(ascii: ":") {
            let h1 = bytes[0] &- 48, h2 = bytes[1] &- 48, m1 = bytes[3] &- 48, m2 = bytes[4] &- 48
            let hour = Int(h1) * 10 + Int(h2), minute = Int(m1) * 10 + Int(m2)
            if h1 <= 9, h2 <= 9, m1 <= 9, m2 <= 9 {
                if hour == 24 && minute == 0 && allowEndOfDay { return MinuteOfDay(1440) }
                if hour < 24, minute < 60 { return MinuteOfDay(hour: hour, minute: minute) }
            }
        }
        return check(key, MinuteOfDay(hhmm: value.text, allowEndOfDay: allowEndOfDay))
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: StaticString, _: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let value = object.member(key), value.type == CSJ_STRING else { fail(key); return nil }
        // Exact raw values compared as bytes first: no string to make for the usual spelling.
        for candidate in Value.allCases {
            var raw = candidate.rawValue
            let same = raw.withUTF8 { raw in
                raw.count == value.string_length && (raw.isEmpty || memcmp(raw.baseAddress!, value.string, raw.count) == 0)
            }
            if same { return candidate }
        }
        let lowered = value.text.lowercased()
        return check(key, Value.allCases.first { $0.rawValue == lowered })
    }

    mutating func optionalObject<Value>(_ key: StaticString, _ body: (inout FastFieldReader) -> Value) -> Value?? {
        guard let value = optional(key) else { return .some(nil) }
        guard value.type == CSJ_OBJECT else { fail(key); return nil }
        let read = withUnsafeTemporaryAllocation(of: csj_member.self, capacity: 8) { buffer -> (Value, Bool)? in
            let count = csj_object_members(value.element, buffer.baseAddress, buffer.count)
            guard count <= buffer.count else { return nil }
            var inner = FastFieldReader(FastObject(UnsafeBufferPointer(rebasing: buffer[0..<count])))
            return (body(&inner), inner.hasErrors)
        }
        guard let (result, innerErrors) = read, !innerErrors else { fail(key); return nil }
        return .some(result)
    }

    /// A present, non-null member.
    @inline(__always) private func optional(_ key: StaticString) -> csj_member? {
        guard let value = object.member(key), value.type != CSJ_NULL else { return nil }
        return value
    }
}
