import CSimdjson

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the documents of a collection file are, found without parsing them, for the loader's
/// fast path: the lines of a JSON Lines file, the elements of an array, the objects of a stream
/// of pretty-printed documents. It agrees with `DocumentFile.parse` on every file it accepts (same
/// layout, same document ranges); it gives up on whatever it cannot delimit plainly (a malformed
/// array, text between pretty-printed documents), and the caller then reads the file with
/// `DocumentFile.parse`, which explains what is wrong.
struct DocumentSplit {
    var layout: FileLayout?
    var ranges: [Range<Int>]

    enum Outcome {
        case documents(DocumentSplit)
        /// The file must be read the general way, for this reason.
        case general(String)
    }

    /// - Complexity: O(n) in the file size.
    static func split(_ bytes: UnsafeRawBufferPointer, parser: SimdjsonParser) -> Outcome {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, JSONParser.isWhitespace(bytes[start]) { start += 1 }
        if start == bytes.count { return .documents(DocumentSplit(layout: nil, ranges: [])) }
        if bytes[start] == UInt8(ascii: "[") {
            guard let ranges = ranges(bytes, from: start, csj_split_array) else {
                return .general("the array is not plainly delimited (a syntax error?)")
            }
            return .documents(DocumentSplit(layout: .jsonArray, ranges: ranges))
        }
        return splitLines(bytes, from: start, parser: parser)
    }

    /// The ranges a `csj_split_*` function finds from `start` on; nil when it gives up.
    private static func ranges(_ bytes: UnsafeRawBufferPointer, from start: Int,
                               _ split: (UnsafePointer<CChar>?, Int, UnsafeMutablePointer<UnsafeMutablePointer<Int>?>?,
                                         UnsafeMutablePointer<Int>?) -> Int64) -> [Range<Int>]? {
        var ranges: UnsafeMutablePointer<Int>?
        var capacity = 0
        defer { free(ranges) }
        let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self) + start
        let count = split(base, bytes.count - start, &ranges, &capacity)
        guard count >= 0 else { return nil }
        var result: [Range<Int>] = []
        result.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            result.append(start + ranges![2 * i]..<start + ranges![2 * i + 1])
        }
        return result
    }

    /// One document per line, as `DocumentFile`'s line-by-line reading: a document's range runs
    /// from its first character to the end of its line (trailing blanks included), blank lines
    /// are skipped. A file whose first document spans lines is a stream of pretty-printed
    /// documents, as `DocumentFile` reads it too.
    private static func splitLines(_ bytes: UnsafeRawBufferPointer, from start: Int, parser: SimdjsonParser) -> Outcome {
        var split = DocumentSplit(layout: .jsonLines, ranges: [])
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var lineStart = start
        while lineStart < bytes.count {
            let rest = bytes.count - lineStart
            let newline = memchr(base + lineStart, 0x0A, rest)
            let lineEnd = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            var documentStart = lineStart
            while documentStart < lineEnd, JSONParser.isWhitespace(base[documentStart]) { documentStart += 1 }
            if documentStart < lineEnd { split.ranges.append(documentStart..<lineEnd) }
            lineStart = lineEnd + 1
        }
        // `DocumentFile` reads line by line only when the first document fits on its line.
        if let first = split.ranges.first, case .invalid = parser.parseObject(bytes, first) {
            return splitStream(bytes, from: start, parser: parser)
        }
        return .documents(split)
    }

    /// Pretty-printed documents one after the other (`mongoexport --pretty`), read as
    /// `DocumentFile` reads a stream: when the first document is valid and spans lines.
    private static func splitStream(_ bytes: UnsafeRawBufferPointer, from start: Int, parser: SimdjsonParser) -> Outcome {
        let notPlain = "the first line is not a whole document, and the documents are not plainly delimited objects"
        guard let ranges = ranges(bytes, from: start, csj_split_stream), let first = ranges.first else {
            return .general(notPlain)
        }
        let spansLines = UnsafeRawBufferPointer(rebasing: bytes[first]).contains(0x0A)
        guard spansLines, case .object = parser.parseObject(bytes, first) else {
            return .general("the first line is not a whole document (a syntax error?)")
        }
        return .documents(DocumentSplit(layout: .jsonLines, ranges: ranges))
    }
}
