/// Writes iCalendar (RFC 5545) content lines: property values escaped, lines folded at 75
/// octets without splitting a UTF-8 character, every line ended by CRLF.
struct ICSWriter {
    private(set) var text = ""

    /// `NAME[;PARAMS]:VALUE` with `value` written as is (dates, numbers, already-built values).
    mutating func raw(_ name: String, _ value: String) {
        line(name + ":" + value)
    }

    /// A TEXT property: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11).
    mutating func text(_ name: String, _ value: String) {
        raw(name, ICSWriter.escape(value))
    }

    mutating func begin(_ component: String) { raw("BEGIN", component) }
    mutating func end(_ component: String) { raw("END", component) }

    /// Appends one content line, folded (RFC 5545 §3.1): no physical line is longer than 75
    /// octets; continuation lines start with one space, which counts toward their 75.
    mutating func line(_ content: String) {
        var octets = 0
        var limit = 75
        for scalar in content.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit {
                text += "\r\n "
                octets = 1
                limit = 75
            }
            text.unicodeScalars.append(scalar)
            octets += size
        }
        text += "\r\n"
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
