import ClinicData
import SlotSolver

/// Short ways to build the ordered `JSONValue`s the commands print.
extension JSONValue {
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members.map { JSONMember($0.key, $0.value) }))
    }

    static func members(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONMember($0.0, $0.1) }))
    }

    static func int(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }

    /// A number rounded to `digits` decimals, written without a trailing ".0" when whole.
    static func decimal(_ value: Double, digits: Int = 4) -> JSONValue {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return .number(String(Int64(rounded))) }
        return .number(String(rounded))
    }

    static func optional(_ value: JSONValue?) -> JSONValue { value ?? .null }
    static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
    static func date(_ value: LocalDate) -> JSONValue { .string(value.description) }
    static func time(_ value: MinuteOfDay) -> JSONValue { .string(value.description) }

    static func interval(_ value: MinuteInterval) -> JSONValue {
        .object(["start": .time(value.start), "end": .time(value.end)])
    }
}
