/// How a collection file lays out its documents.
public enum FileLayout: String, Sendable, CaseIterable {
    /// `mongoexport --jsonArray`: one JSON array of documents (possibly pretty-printed).
    case jsonArray
    /// `mongoexport`'s default: one document per line (JSON Lines); blank lines are allowed.
    case jsonLines
}

/// One top-level document of a file: the bytes it occupies, so that write-back can keep or
/// splice its exact original text, and whether it could be read.
struct RawDocument: Sendable {
    var range: Range<Int>
    var isReadable: Bool
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
    /// A JSON Lines file goes on after a broken document (with the next line, or, for documents
    /// that span lines, the next line that starts with `{`), so that one bad line does not hide
    /// the problems of all the others; an array cannot be resynchronised reliably, so reading
    /// stops at its first syntax error.
    ///
    /// Each readable document is handed to `visit` (with its 0-based position) as soon as it is
    /// parsed and then dropped, so that a large file never holds all its parsed trees at once.
    ///
    /// - Complexity: O(n) in the file size.
    static func parse(_ bytes: UnsafeRawBufferPointer, visit: (Int, JSONValue) -> Void = { _, _ in }) -> DocumentFile {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte order mark is not JSON but some editors write one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.position = 3 }
        parser.skipWhitespace()
        if parser.atEnd { return DocumentFile(layout: nil, documents: [], syntaxErrors: []) }
        if bytes[parser.position] == UInt8(ascii: "[") {
            return parseArray(&parser, visit)
        }
        return parseLines(&parser, visit)
    }

    private static func parseArray(_ parser: inout JSONParser, _ visit: (Int, JSONValue) -> Void) -> DocumentFile {
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
                    visit(file.documents.count, value)
                    file.documents.append(RawDocument(range: start..<parser.position, isReadable: true))
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

    private static func parseLines(_ parser: inout JSONParser, _ visit: (Int, JSONValue) -> Void) -> DocumentFile {
        // mongoexport writes one document per line. When the first document does, every line is
        // read on its own, so a truncated line cannot swallow the next one; a file whose first
        // document spans lines (concatenated pretty-printed documents) is read as a stream.
        var probe = parser
        if (try? probe.parseValue()) != nil,
           parser.bytes[parser.position..<probe.position].contains(UInt8(ascii: "\n")) {
            return parseStream(&parser, visit)
        }
        return parseLineByLine(parser.bytes, from: parser.position, visit)
    }

    private static func parseLineByLine(_ bytes: UnsafeRawBufferPointer, from start: Int,
                                        _ visit: (Int, JSONValue) -> Void) -> DocumentFile {
        var file = DocumentFile(layout: .jsonLines, documents: [], syntaxErrors: [])
        var locator = TextLocator()
        var lineStart = start
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var parser = JSONParser(bytes: UnsafeRawBufferPointer(rebasing: bytes[0..<lineEnd]), position: lineStart)
            parser.skipWhitespace()
            if parser.atEnd { continue }  // a blank line
            let documentStart = parser.position
            do throws(JSONParser.Failure) {
                let value = try parser.parseValue()
                parser.skipWhitespace()
                guard parser.atEnd else { throw parser.fail("unexpected text after the document on this line") }
                visit(file.documents.count, value)
                file.documents.append(RawDocument(range: documentStart..<parser.position, isReadable: true))
            } catch {
                var message = error.message
                if error.offset == lineEnd && lineEnd < bytes.count && message == "unexpected end of input" {
                    message = "unexpected end of line (each document must be on one line)"
                }
                let (line, column) = locator.locate(error.offset, in: bytes)
                file.syntaxErrors.append(JSONSyntaxError(line: line, column: column, message: message, offset: error.offset))
                file.documents.append(RawDocument(range: documentStart..<documentStart, isReadable: false))
            }
        }
        return file
    }

    private static func parseStream(_ parser: inout JSONParser, _ visit: (Int, JSONValue) -> Void) -> DocumentFile {
        var file = DocumentFile(layout: .jsonLines, documents: [], syntaxErrors: [])
        let bytes = parser.bytes
        var locator = TextLocator()
        while true {
            parser.skipWhitespace()
            if parser.atEnd { return file }
            let start = parser.position
            do {
                let value = try parser.parseValue()
                visit(file.documents.count, value)
                file.documents.append(RawDocument(range: start..<parser.position, isReadable: true))
            } catch {
                let (line, column) = locator.locate(error.offset, in: bytes)
                file.syntaxErrors.append(JSONSyntaxError(line: line, column: column, message: error.message, offset: error.offset))
                file.documents.append(RawDocument(range: start..<start, isReadable: false))
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
