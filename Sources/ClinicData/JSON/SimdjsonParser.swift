import CSimdjson

/// One simdjson DOM parser (through the CSimdjson shim) with a reusable buffer for the members
/// of the document it last parsed. Parsing fully validates the document (grammar and UTF-8), so
/// what the loader then reads from it needs no further syntax checks. Not thread-safe: each
/// thread that loads a file makes its own.
final class SimdjsonParser {
    /// Bytes that must be readable after a parsed document's last byte.
    static let padding = Int(CSJ_PADDING)
    /// A document with more top-level members than this is read by the general path.
    static let memberCapacity = 64

    private let parser: OpaquePointer
    /// Scratch for the top-level members of the current document.
    let members: UnsafeMutableBufferPointer<csj_member>

    /// How many bytes of the buffers it parses may be read: documents that end less than
    /// `padding` bytes before that are copied into `tail` first.
    private let readable: Int
    private var tail: [UInt8] = []

    /// nil when simdjson cannot allocate its buffers.
    init?(maxDepth: Int, readable: Int) {
        guard let parser = csj_parser_create(maxDepth) else { return nil }
        self.parser = parser
        self.readable = readable
        members = .allocate(capacity: Self.memberCapacity)
    }

    deinit {
        members.deallocate()
        csj_parser_destroy(parser)
    }

    /// Parses `bytes[range]` (which must have `padding` readable bytes after it) and returns the
    /// top-level members when it is an object with at most `memberCapacity` members; nil when
    /// the text is not valid JSON or is not such an object.
    ///
    /// - Complexity: O(n) in the document's size.
    func parseObject(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> ParsedDocument {
        var count = 0
        let outcome: csj_parsed
        if range.upperBound + Self.padding <= readable {
            outcome = csj_parse_object(parser, bytes.baseAddress!.assumingMemoryBound(to: CChar.self) + range.lowerBound,
                                       range.count, members.baseAddress, members.count, &count)
        } else {
            // The last documents of a file: parsed from a padded copy (simdjson copies strings
            // and keys out, so the copy need not outlive the parse).
            tail = Array(UnsafeRawBufferPointer(rebasing: bytes[range])) + Array(repeating: 0x20, count: Self.padding)
            outcome = tail.withUnsafeBytes {
                csj_parse_object(parser, $0.baseAddress!.assumingMemoryBound(to: CChar.self), range.count,
                                 members.baseAddress, members.count, &count)
            }
        }
        switch outcome {
        case CSJ_PARSED_OBJECT: return .object(FastObject(UnsafeBufferPointer(rebasing: members[0..<count])))
        case CSJ_PARSED_NOT_AN_OBJECT: return .notAnObject
        case CSJ_PARSED_TOO_LARGE: return .tooLarge
        // A repeated key is left to the general parser, which reports it with line and column.
        default: return .invalid
        }
    }

    enum ParsedDocument {
        case object(FastObject)
        /// Valid JSON, but not an object, or an object too large for the scratch buffer.
        case notAnObject, tooLarge
        /// simdjson refused the text, or an object in it repeats a key.
        case invalid
    }
}

/// The members of a parsed object, in source order; valid until the parser's next parse.
struct FastObject {
    let members: UnsafeBufferPointer<csj_member>

    init(_ members: UnsafeBufferPointer<csj_member>) { self.members = members }

    /// The first member named `key` (as `JSONObject`'s subscript: a repeated key's first value).
    @inline(__always) func member(_ key: StaticString) -> csj_member? {
        let length = key.utf8CodeUnitCount
        for member in members where member.key_length == length {
            if memcmp(member.key, key.utf8Start, length) == 0 { return member }
        }
        return nil
    }
}

extension csj_member {
    /// The string value's bytes (for `CSJ_STRING`).
    @inline(__always) var stringBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: string, count: string_length)
    }

    /// The string value as a Swift string (for `CSJ_STRING`; simdjson has validated its UTF-8).
    @inline(__always) var text: String {
        String(decoding: stringBytes, as: UTF8.self)
    }

    /// The key's bytes.
    @inline(__always) var keyBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: key, count: key_length)
    }

    @inline(__always) func keyIs(_ name: StaticString) -> Bool {
        key_length == name.utf8CodeUnitCount && memcmp(key, name.utf8Start, key_length) == 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
