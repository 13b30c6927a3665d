/// How a collection file lays out its documents.
public enum FileLayout: String, Sendable, CaseIterable {
    /// `mongoexport --jsonArray`: one JSON array of documents (possibly pretty-printed).
    case jsonArray
    /// `mongoexport`'s default: one document per line (JSON Lines); blank lines are allowed.
    case jsonLines
}

/// One top-level document of a file: its parsed value (nil when it could not be read) and the
/// bytes it occupies, so that write-back can keep or splice its exact original text.
struct RawDocument: Sendable {
    var value: JSONValue?
    var range: Range<Int>
}

/// A collection file split into documents.
struct DocumentFile: Sendable {
    /// nil for a file with no content at all (the caller picks the folder's usual layout).
    var layout: FileLayout?
    var documents: [RawDocument]
    var syntaxErrors: [JSONSyntaxError]

    /// Whether every document of the file was read (no syntax error anywhere).
    var isComplete: Bool { syntaxErrors.isEmpty }

    /// Splits `bytes` into documents, detecting the layout from the first character: `[` is an
    /// array of documents, anything else is JSON Lines.
    ///
    /// A JSON Lines file resumes after a broken document at the next line that starts with `{`,
    /// so that one bad line does not hide the problems of all the others; an array cannot be
    /// resynchronised reliably, so reading stops at its first syntax error.
    ///
    /// - Complexity: O(n) in the file size.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> DocumentFile {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte order mark is not JSON but some editors write one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.position = 3 }
        parser.skipWhitespace()
        if parser.atEnd { return DocumentFile(layout: nil, documents: [], syntaxErrors: []) }
        if bytes[parser.position] == UInt8(ascii: "[") {
            return parseArray(&parser)
        }
        return parseLines(&parser)
    }

    private static func parseArray(_ parser: inout JSONParser) -> DocumentFile {
        var file = DocumentFile(layout: .jsonArray, documents: [], syntaxErrors: [])
        let bytes = parser.bytes
        func record(_ failure: JSONParser.Failure) {
            file.syntaxErrors.append(JSONSyntaxError(message: failure.message, offset: failure.offset, in: bytes))
        }
        parser.position += 1  // "["
        parser.skipWhitespace()
        guard !parser.atEnd else { record(parser.endOfInput()); return file }
        if bytes[parser.position] == UInt8(ascii: "]") {
            parser.position += 1
        } else {
            elements: while true {
                parser.skipWhitespace()
                let start = parser.position
                do {
                    let value = try parser.parseValue()
                    file.documents.append(RawDocument(value: value, range: start..<parser.position))
                } catch {
                    record(error)
                    return file
                }
                parser.skipWhitespace()
                guard !parser.atEnd else { record(parser.endOfInput()); return file }
                switch bytes[parser.position] {
                case UInt8(ascii: ","): parser.position += 1
                case UInt8(ascii: "]"): parser.position += 1; break elements
                default: record(parser.fail("expected ',' or ']' after a document")); return file
                }
            }
        }
        parser.skipWhitespace()
        if !parser.atEnd { record(parser.fail("unexpected text after the closing ']' of the array")) }
        return file
    }

    private static func parseLines(_ parser: inout JSONParser) -> DocumentFile {
        var file = DocumentFile(layout: .jsonLines, documents: [], syntaxErrors: [])
        let bytes = parser.bytes
        while true {
            parser.skipWhitespace()
            if parser.atEnd { return file }
            let start = parser.position
            do {
                let value = try parser.parseValue()
                file.documents.append(RawDocument(value: value, range: start..<parser.position))
            } catch {
                file.syntaxErrors.append(JSONSyntaxError(message: error.message, offset: error.offset, in: bytes))
                file.documents.append(RawDocument(value: nil, range: start..<start))
                parser.position = nextDocumentLine(after: max(error.offset, start), in: bytes)
            }
        }
    }

    /// The start of the first line after `offset` whose first non-blank character is `{`, or the end.
    private static func nextDocumentLine(after offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var i = offset
        while i < bytes.count {
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            guard i < bytes.count else { return i }
            i += 1
            var j = i
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "{") { return j }
        }
        return bytes.count
    }
}
