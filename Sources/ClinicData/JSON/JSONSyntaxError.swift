/// Why a file is not readable JSON, and where: `line` and `column` are 1-based, the column counts
/// characters (not bytes) so that it matches what an editor shows.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// Byte offset of the problem in the file.
    public var offset: Int

    public init(line: Int, column: Int, message: String, offset: Int) {
        self.line = line
        self.column = column
        self.message = message
        self.offset = offset
    }

    /// Locates byte `offset` of `bytes` as a line and column.
    init(message: String, offset: Int, in bytes: UnsafeRawBufferPointer) {
        var locator = TextLocator()
        let (line, column) = locator.locate(offset, in: bytes)
        self.init(line: line, column: column, message: message, offset: offset)
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Turns byte offsets into lines and character columns. Offsets asked in increasing order are
/// located by scanning on from the previous one, so a file with an error on every line costs
/// O(n), not O(n²).
struct TextLocator {
    private var offset = 0
    private var line = 1
    private var column = 1

    mutating func locate(_ target: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        if target < offset { self = TextLocator() }
        let end = min(target, bytes.count)
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes of a multi-byte character do not start a new column.
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}
