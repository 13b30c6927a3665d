/// A strict RFC 8259 JSON parser over raw bytes.
///
/// Hand-written because the data folders are large and Foundation's decoders both lose key order
/// and allocate far more: this one reads strings without escapes straight from the buffer and
/// keeps numbers as their lexeme. Errors carry a byte offset; `JSONSyntaxError` turns it into a
/// line and column only when an error actually happens, so the hot path never counts lines.
struct JSONParser {
    /// Where parsing failed and why (a byte offset; converted to line and column by the caller).
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeRawBufferPointer
    var position: Int
    private var depth = 0

    /// Deeper nesting than this is refused rather than risking the stack on hostile input.
    static let maxDepth = 200

    init(bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    // MARK: - Whitespace

    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    @inline(__always) mutating func skipWhitespace() {
        while position < bytes.count, JSONParser.isWhitespace(bytes[position]) { position += 1 }
    }

    @inline(__always) var atEnd: Bool { position >= bytes.count }

    func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(message: message, offset: offset ?? position)
    }

    func endOfInput() -> Failure { Failure(message: "unexpected end of input", offset: bytes.count) }

    // MARK: - Values

    /// Parses one value starting at `position` (leading whitespace allowed) and leaves
    /// `position` just after it.
    mutating func parseValue() throws(Failure) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw endOfInput() }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw unexpectedCharacter()
        }
    }

    func unexpectedCharacter() -> Failure {
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F {
            return fail("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
        if byte < 0x80 { return fail("unexpected control character U+\(hex(byte, width: 4))") }
        return fail("unexpected non-ASCII character outside a string")
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
        let start = position
        let count = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        for i in 0..<count {
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == text[i] else { throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[start])))'", at: start) }
            position += 1
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSONParser.maxDepth { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
    }

    mutating func parseObject() throws(Failure) -> JSONObject {
        try enter()
        defer { depth -= 1 }
        position += 1  // "{"
        var members: [JSONMember] = []
        // A document has about ten fields; growing one by one would reallocate four times.
        if depth == 1 { members.reserveCapacity(12) }
        skipWhitespace()
        guard position < bytes.count else { throw endOfInput() }
        if bytes[position] == UInt8(ascii: "}") {
            position += 1
            return JSONObject(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a string key in an object") }
            let keyStart = position
            let key = try parseString()
            // Readers disagree on which of two equal keys counts (the first here, the last in
            // Python and jq), so a repeated key is refused rather than read one way.
            if members.contains(where: { $0.key == key }) {
                throw fail("duplicate key \(JSONWriter.text(.string(key))) in an object", at: keyStart)
            }
            skipWhitespace()
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == UInt8(ascii: ":") else { throw fail("expected ':' after the key \"\(key)\"") }
            position += 1
            let value = try parseValue()
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard position < bytes.count else { throw endOfInput() }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return JSONObject(members)
            default: throw fail("expected ',' or '}' after a value in an object")
            }
        }
    }

    mutating func parseArray() throws(Failure) -> [JSONValue] {
        try enter()
        defer { depth -= 1 }
        position += 1  // "["
        var elements: [JSONValue] = []
        skipWhitespace()
        guard position < bytes.count else { throw endOfInput() }
        if bytes[position] == UInt8(ascii: "]") {
            position += 1
            return elements
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw endOfInput() }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return elements
            default: throw fail("expected ',' or ']' after a value in an array")
            }
        }
    }

    // MARK: - Strings

    /// Parses a string whose opening quote is at `position`.
    mutating func parseString() throws(Failure) -> String {
        position += 1  // opening quote
        let start = position
        // Fast path: no escapes, so the text is a slice of the buffer.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try validUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<position]), from: start)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw fail("control character U+\(hex(byte, width: 4)) in a string (it must be escaped)") }
            position += 1
        }
        throw endOfInput()
    }

    private mutating func parseEscapedString(from start: Int) throws(Failure) -> String {
        var buffer = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw fail("invalid UTF-8 in a string", at: start - 1)
                }
                position += 1
                return text
            }
            if byte < 0x20 { throw fail("control character U+\(hex(byte, width: 4)) in a string (it must be escaped)") }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                position += 1
                continue
            }
            let escapeStart = position
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            let code = bytes[position]
            position += 1
            switch code {
            case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4(escapeStart: escapeStart)
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                        let lowStart = position
                        position += 2
                        let low = try parseHex4(escapeStart: lowStart)
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            throw fail("unpaired surrogate in a \\u escape", at: escapeStart)
                        }
                    } else {
                        throw fail("unpaired surrogate in a \\u escape", at: escapeStart)
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw fail("unpaired surrogate in a \\u escape", at: escapeStart)
                }
                buffer.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                throw fail("invalid escape sequence in a string", at: escapeStart)
            }
        }
        throw endOfInput()
    }

    /// The text of a string's bytes, which must be UTF-8: decoding invalid bytes as U+FFFD
    /// would make two different ids equal.
    private func validUTF8(_ text: UnsafeRawBufferPointer, from start: Int) throws(Failure) -> String {
        // ASCII (nearly every string) needs no decoding check.
        if !text.contains(where: { $0 >= 0x80 }) { return String(decoding: text, as: UTF8.self) }
        guard let valid = String(validating: text, as: UTF8.self) else {
            throw fail("invalid UTF-8 in a string", at: start - 1)
        }
        return valid
    }

    private mutating func parseHex4(escapeStart: Int) throws(Failure) -> UInt32 {
        // `position` is just after "\u".
        guard position + 4 <= bytes.count else { throw endOfInput() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape in a string (expected 4 hex digits)", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    // MARK: - Numbers

    /// Parses a number per the JSON grammar and returns its exact lexeme.
    mutating func parseNumber() throws(Failure) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw endOfInput() }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(bytes[position]) {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        } else {
            throw fail("invalid number (expected a digit)")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw fail("invalid number (expected a digit after '.')") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[position]) else { throw fail("invalid number (expected a digit in the exponent)") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, isDigit(bytes[position]) {
            throw fail("invalid number (leading zeros are not allowed)", at: start)
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

func hex(_ value: UInt8, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
