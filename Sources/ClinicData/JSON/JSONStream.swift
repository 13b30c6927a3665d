/// Compact JSON written straight into bytes as it is produced, the same text `JSONWriter` gives
/// for the equivalent `JSONValue`: for reports of hundreds of thousands of entries, where building
/// the tree first costs as much again as writing it.
///
/// The caller says the structure (`beginObject`, `key`, values, `endObject`); commas and colons
/// are the stream's.
public struct JSONStream {
    public private(set) var bytes: [UInt8] = []
    /// For each open object or array: whether it has a member or element yet.
    private var hasItems: [Bool] = []
    /// A key was just written: the value that follows takes no comma.
    private var afterKey = false

    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ key: String) {
        separate()
        JSONWriter.writeString(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func string(_ text: String) {
        separate()
        JSONWriter.writeString(text, into: &bytes)
    }

    public mutating func integer(_ value: some BinaryInteger) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A value already built as a tree (small parts of a large report).
    public mutating func value(_ value: JSONValue) {
        separate()
        JSONWriter.write(value, into: &bytes)
    }

    /// A stream for some elements of an array that another stream opens and closes: its values
    /// are comma-separated, without brackets, and go in with `elements`. The parts of a large
    /// array can then be written on several threads and joined.
    public static func arrayElements(reservingCapacity capacity: Int = 0) -> JSONStream {
        var stream = JSONStream(reservingCapacity: capacity)
        stream.hasItems = [false]
        return stream
    }

    /// The bytes of an `arrayElements` stream, as the next elements of the open array.
    public mutating func elements(_ written: [UInt8]) {
        guard !written.isEmpty else { return }
        separate()
        bytes.append(contentsOf: written)
    }

    /// Appends raw bytes after the JSON (a final newline).
    public mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        hasItems.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        hasItems.removeLast()
        bytes.append(bracket)
    }

    /// The comma before a member or element that is not the first.
    @inline(__always) private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasItems.indices.last else { return }
        if hasItems[last] { bytes.append(UInt8(ascii: ",")) } else { hasItems[last] = true }
    }
}
