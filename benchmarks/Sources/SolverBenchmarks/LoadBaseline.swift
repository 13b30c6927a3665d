import Foundation

/// The baseline of the `load` suite: Foundation's `JSONDecoder` on the same file. Extended JSON
/// gives one field several shapes (`5`, `{"$numberInt": "5"}`, an ObjectId or an integer `_id`),
/// which Codable structs can only express by trying each shape in turn; decoding into a generic
/// JSON value does that once for every file and both modes.
enum JSONDecoderBaseline {
    /// Decodes every document of the file at `path` (a JSON array, or one document per line);
    /// returns how many there were.
    @discardableResult
    static func decode(_ path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let decoder = JSONDecoder()
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if first == UInt8(ascii: "[") {
            return (try? decoder.decode([AnyJSON].self, from: data))?.count ?? 0
        }
        var count = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            if (try? decoder.decode(AnyJSON.self, from: Data(line))) != nil { count += 1 }
        }
        return count
    }
}

/// Any JSON value, decoded with `Decodable`.
enum AnyJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: AnyJSON] = [:]
            for key in container.allKeys { members[key.stringValue] = try container.decode(AnyJSON.self, forKey: key) }
            self = .object(members)
            return
        }
        let value = try decoder.singleValueContainer()
        if let text = try? value.decode(String.self) {
            self = .string(text)
        } else if let number = try? value.decode(Double.self) {
            self = .number(number)
        } else if let flag = try? value.decode(Bool.self) {
            self = .bool(flag)
        } else if value.decodeNil() {
            self = .null
        } else {
            self = .array(try value.decode([AnyJSON].self))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
