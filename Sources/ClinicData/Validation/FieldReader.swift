import SlotSolver

/// What a record decoder (`CollectionRecord.decode`) reads one document through. Each record
/// type is decoded by one function written against this protocol, and the loader runs it over
/// two back ends:
///
/// - `FastFieldReader`, over a document simdjson has parsed: no messages, and any problem (an
///   error or a warning) only marks the document as not clean, so that it is read again by
/// - `DocumentReader`, over a parsed `JSONValue`: every problem in the project's exact words.
///
/// A required field must be present (null included) and of the right form; an optional one may
/// also be absent or null, which reads as nil without a problem. A reader that found a problem
/// still returns nil for that field and carries on, so that one pass finds all of a document's
/// problems; whether the document loads is the reader's to say (`hasErrors`), not the result's.
protocol FieldReader {
    /// The document's `_id`; read first so that every later problem can name it.
    mutating func id() -> DocumentID?
    /// A reference to another document (checked between documents later).
    mutating func reference(_ key: StaticString) -> DocumentID?
    /// `sensitive`: the value never appears in a message (passwords).
    mutating func string(_ key: StaticString, sensitive: Bool) -> String?
    mutating func optionalString(_ key: StaticString) -> String?
    mutating func integer(_ key: StaticString) -> Int?
    mutating func optionalInteger(_ key: StaticString) -> Int?
    mutating func number(_ key: StaticString) -> Double?
    mutating func bool(_ key: StaticString) -> Bool?
    /// An ISODate in milliseconds, within `ValueDomains.dates`.
    mutating func date(_ key: StaticString) -> Int64?
    mutating func optionalDate(_ key: StaticString) -> Int64?
    /// An optional array of ISODates: empty when absent; nil when it has a bad element.
    mutating func optionalDates(_ key: StaticString) -> [Int64]?
    mutating func weekday(_ key: StaticString) -> Weekday?
    /// An "HH:MM" time; "24:00" only with `allowEndOfDay` (a window's end).
    mutating func time(_ key: StaticString, allowEndOfDay: Bool) -> MinuteOfDay?
    /// One of an enumeration's raw values, in any letter case.
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: StaticString, _: Value.Type) -> Value?
    where Value.RawValue == String
    /// An optional embedded object, read by `body` with a reader of its members (whose problems
    /// name the field as `key.member`); `.some(nil)` when absent or null, nil when not an object.
    mutating func optionalObject<Value>(_ key: StaticString, _ body: (inout Self) -> Value) -> Value??

    /// A problem found by the decoder itself (a value out of its domain, fields that disagree).
    /// The message is made only by a back end that reports it.
    mutating func error(_ field: StaticString, _ message: @autoclosure () -> String)
    mutating func warning(_ field: StaticString, _ message: @autoclosure () -> String)
    /// A field's value as messages quote it (`foundText`), for the decoder's own messages.
    func found(_ key: StaticString) -> String
}

extension FieldReader {
    mutating func string(_ key: StaticString) -> String? { string(key, sensitive: false) }
    mutating func time(_ key: StaticString) -> MinuteOfDay? { time(key, allowEndOfDay: false) }
}

/// What decoding needs beyond the document: the clinic's zone, for checking a dated
/// appointment's weekday.
struct DecodingContext: Sendable {
    var timeZone: ClinicTimeZone
}
