import CSimdjson

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the documents of a collection file are, found without parsing them, for the loader's
/// fast path: the lines of a JSON Lines file, the elements of an array. It agrees with
/// `DocumentFile.parse` on every file it accepts (same layout, same document ranges); it gives
/// up (nil) on whatever it cannot delimit plainly (a document spanning lines, a malformed array),
/// and the caller then reads the file with `DocumentFile.parse`, which explains what is wrong.
struct DocumentSplit {
    var layout: FileLayout?
    var ranges: [Range<Int>]

    /// - Complexity: O(n) in the file size.
    static func split(_ bytes: UnsafeRawBufferPointer, parser: SimdjsonParser) -> DocumentSplit? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, JSONParser.isWhitespace(bytes[start]) { start += 1 }
        if start == bytes.count { return DocumentSplit(layout: nil, ranges: []) }
        if bytes[start] == UInt8(ascii: "[") { return splitArray(bytes, from: start) }
        return splitLines(bytes, from: start, parser: parser)
    }

    private static func splitArray(_ bytes: UnsafeRawBufferPointer, from start: Int) -> DocumentSplit? {
        var ranges: UnsafeMutablePointer<Int>?
        var capacity = 0
        defer { free(ranges) }
        let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self) + start
        let count = csj_split_array(base, bytes.count - start, &ranges, &capacity)
        guard count >= 0 else { return nil }
        var split = DocumentSplit(layout: .jsonArray, ranges: [])
        split.ranges.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            split.ranges.append(start + ranges![2 * i]..<start + ranges![2 * i + 1])
        }
        return split
    }

    /// One document per line, as `DocumentFile`'s line-by-line reading: a document's range runs
    /// from its first character to the end of its line (trailing blanks included), blank lines
    /// are skipped. A file whose first document is not a whole line is left to `DocumentFile`.
    private static func splitLines(_ bytes: UnsafeRawBufferPointer, from start: Int, parser: SimdjsonParser) -> DocumentSplit? {
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
        // `DocumentFile` reads line by line only when the first document fits on its line; a
        // first line that is not a whole document means pretty-printed documents (or an error).
        if let first = split.ranges.first, case .invalid = parser.parseObject(bytes, first) {
            return nil
        }
        return split
    }
}
