/// A document's `_id` or a reference to one, in whichever of the three forms the data uses:
/// an ObjectId, an integer (the seed's users) or a string.
///
/// An ObjectId and an integer are held inline (no heap allocation), so that decoding a million
/// appointments does not allocate three strings each; only a true string id owns text.
public enum DocumentID: Hashable, Sendable, CustomStringConvertible {
    case objectId(ObjectID)
    case int(Int64)
    case string(String)

    /// The id of an ObjectId's 24 hex digits (either case); text that is not one (a test's
    /// "d1") is kept as a string id with that text, so that it still prints and compares as written.
    public static func objectId(_ hex: String) -> DocumentID {
        ObjectID(hex: hex).map { .objectId($0) } ?? .string(hex)
    }

    /// The id as results print it: the hex of an ObjectId, the digits of an integer, the string.
    public var description: String {
        switch self {
        case .objectId(let id): id.hex
        case .int(let value): String(value)
        case .string(let text): text
        }
    }
}

/// An ObjectId's 12 bytes, as two integers: the first 8 bytes in `high`, the last 4 in `low`
/// (big-endian, so that the hex digits read in order).
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt32

    public init(high: UInt64, low: UInt32) {
        self.high = high
        self.low = low
    }

    /// 24 hex digits, upper or lower case; nil for anything else.
    public init?(hex: String) {
        var hex = hex
        guard let id = hex.withUTF8({ ObjectID(hexBytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = id
    }

    /// 24 hex digits at `bytes`, upper or lower case; nil for anything else. Without a branch
    /// per digit: three of these per appointment are a good share of loading one.
    @inline(__always) init?(hexBytes bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 24 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var bad: UInt8 = 0
        for i in 0..<16 {
            let (digit, isBad) = Self.nibble(bytes[i])
            high = high << 4 | UInt64(digit)
            bad |= isBad
        }
        for i in 16..<24 {
            let (digit, isBad) = Self.nibble(bytes[i])
            low = low << 4 | UInt64(digit)
            bad |= isBad
        }
        guard bad == 0 else { return nil }
        self.init(high: high, low: UInt32(truncatingIfNeeded: low))
    }

    /// A hex digit's value, and 1 when the byte is not one.
    @inline(__always) private static func nibble(_ byte: UInt8) -> (UInt8, UInt8) {
        let digit = byte &- 48  // "0"..."9" → 0...9
        let letter = (byte | 0x20) &- 97  // "a"..."f" and "A"..."F" → 0...5
        let isDigit = digit < 10
        return (isDigit ? digit : letter &+ 10, isDigit || letter < 6 ? 0 : 1)
    }

    /// The 24 lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 24) { buffer in
            writeHex(into: UnsafeMutableRawBufferPointer(buffer))
            return 24
        }
    }

    public var description: String { hex }

    /// Writes the 24 lowercase hex digits at the start of `buffer` (at least 24 bytes).
    @inline(__always) func writeHex(into buffer: UnsafeMutableRawBufferPointer) {
        let digits: StaticString = "0123456789abcdef"
        let table = UnsafeRawPointer(digits.utf8Start)
        for i in 0..<16 { buffer[i] = table.load(fromByteOffset: Int(high >> (60 - 4 * UInt64(i)) & 15), as: UInt8.self) }
        for i in 0..<8 {
            buffer[16 + i] = table.load(fromByteOffset: Int(low >> (28 - 4 * UInt32(i)) & 15), as: UInt8.self)
        }
    }
}
