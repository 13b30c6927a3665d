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
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes of a multi-byte character do not start a new column.
                column += 1
            }
            i += 1
        }
        self.init(line: line, column: column, message: message, offset: offset)
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
