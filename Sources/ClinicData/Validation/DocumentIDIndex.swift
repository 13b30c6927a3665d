import CSimdjson

/// A hash map from `DocumentID` to a small integer (a document's position, a dense index),
/// made for the million-id collections of large exports. Each slot holds the id packed into
/// two words (an ObjectId's 12 bytes, or an integer), so probing compares integers in one flat
/// array instead of following each stored id to its string, as `Set<DocumentID>` would after
/// running SipHash over it. String ids (rare) keep their text aside and are compared by it.
public struct DocumentIDIndex: Sendable {
    /// A packed id: the top two bits of `b` say which kind (0: empty slot).
    private struct Slot {
        var a: UInt64 = 0
        var b: UInt64 = 0
        var value: Int32 = 0
    }

    private var slots: [Slot]
    /// The string ids, which slots refer to by position.
    private var strings: [String] = []
    private var mask: Int
    private(set) var count = 0

    public init(minimumCapacity: Int = 8) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    /// The value stored for `id`.
    ///
    /// - Complexity: O(1) expected.
    public func value(for id: DocumentID) -> Int32? {
        let (a, b, text) = Self.pack(id)
        return value(a, b, text)
    }

    /// Starts loading the slot where `id` would be into the cache, for a lookup a few steps later.
    @inline(__always) func prefetch(_ id: PackedID) {
        let slot = Self.hash(id.a, id.b) & mask
        slots.withUnsafeBufferPointer { csj_prefetch($0.baseAddress! + slot) }
    }

    /// The value stored for a packed id (`text`: a string id's text, nil for the other kinds).
    func value(for id: PackedID, text: String?) -> Int32? { value(id.a, id.b, text) }

    private func value(_ a: UInt64, _ b: UInt64, _ text: String?) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            var i = Self.hash(a, b) & mask
            while slots[i].b != 0 {
                if slots[i].a == a, matches(slots[i].b, b, text) { return slots[i].value }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    func contains(_ id: DocumentID) -> Bool { value(for: id) != nil }

    /// Stores `value` for `id` unless `id` is already there; returns the value already stored, if any.
    ///
    /// - Complexity: O(1) amortized.
    @discardableResult
    public mutating func insertIfAbsent(_ id: DocumentID, _ value: Int32) -> Int32? {
        let (a, b, text) = Self.pack(id)
        return insertIfAbsent(a, b, text, value)
    }

    /// `insertIfAbsent` for a packed id (`text`: a string id's text, nil for the other kinds).
    @discardableResult
    mutating func insertIfAbsent(_ id: PackedID, text: String?, _ value: Int32) -> Int32? {
        insertIfAbsent(id.a, id.b, text, value)
    }

    private mutating func insertIfAbsent(_ a: UInt64, _ packed: UInt64, _ text: String?, _ value: Int32) -> Int32? {
        if (count + 1) * 2 > slots.count { grow() }
        var b = packed
        var i = Self.hash(a, b) & mask
        while slots[i].b != 0 {
            if slots[i].a == a, matches(slots[i].b, b, text) { return slots[i].value }
            i = (i + 1) & mask
        }
        if let text {
            b = Self.stringKind | UInt64(strings.count)
            strings.append(text)
        }
        slots[i] = Slot(a: a, b: b, value: value)
        count += 1
        return nil
    }

    private mutating func grow() {
        var bigger = DocumentIDIndex(minimumCapacity: slots.count)
        for slot in slots where slot.b != 0 {
            bigger.insertIfAbsent(unpack(slot), slot.value)
        }
        self = bigger
    }

    // MARK: - Packing

    private static let objectIdKind: UInt64 = 1 << 62
    private static let intKind: UInt64 = 2 << 62
    private static let stringKind: UInt64 = 3 << 62
    private static let kindMask: UInt64 = 3 << 62

    /// An ObjectId or integer packed exactly; a string as its hash, with its text to compare.
    @inline(__always) private static func pack(_ id: DocumentID) -> (UInt64, UInt64, String?) {
        switch id {
        case .objectId(let oid): return (oid.high, objectIdKind | UInt64(oid.low), nil)
        case .int(let value): return (UInt64(bitPattern: value), intKind, nil)
        case .string(let text): return (stringHash(text), stringKind, text)
        }
    }

    private func unpack(_ slot: Slot) -> DocumentID {
        let packed = PackedID(a: slot.a, b: slot.b)
        return Self.unpack(packed, text: packed.isText ? strings[Int(slot.b & ~Self.kindMask)] : nil)
    }

    /// A packed id with the text of a string id apart: what `CollectionSummary` keeps instead of millions of `DocumentID`s.
    static func packID(_ id: DocumentID) -> (PackedID, text: String?) {
        let (a, b, text) = pack(id)
        return (PackedID(a: a, b: b), text)
    }

    /// The id `packID` packed.
    static func unpack(_ id: PackedID, text: String?) -> DocumentID {
        switch id.b & kindMask {
        case objectIdKind: return .objectId(ObjectID(high: id.a, low: UInt32(truncatingIfNeeded: id.b)))
        case intKind: return .int(Int64(bitPattern: id.a))
        default: return .string(text ?? "")
        }
    }

    @inline(__always) private func matches(_ stored: UInt64, _ b: UInt64, _ text: String?) -> Bool {
        guard let text else { return stored == b }
        return stored & Self.kindMask == Self.stringKind && strings[Int(stored & ~Self.kindMask)] == text
    }

    // MARK: - Hashing

    /// The high part is mixed, the low 32 bits are added as they are: ObjectIds end in a
    /// counter and integer ids count up, so ids made one after the other land in neighbouring
    /// slots, and a million inserts in file order touch memory almost sequentially instead of
    /// missing the cache on every one.
    @inline(__always) private static func hash(_ a: UInt64, _ b: UInt64) -> Int {
        let high: UInt64
        let low: UInt64
        switch b & kindMask {
        case objectIdKind: (high, low) = (a, b & 0xFFFF_FFFF)
        case intKind: (high, low) = (a >> 32 ^ intKind, a & 0xFFFF_FFFF)
        default: return Int(truncatingIfNeeded: a)  // strings: `a` is already a hash
        }
        var x = high
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return Int(truncatingIfNeeded: x &+ low)
    }

    private static func stringHash(_ text: String) -> UInt64 {
        // FNV-1a: string ids are rare, any decent spread will do.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// A document id in two words: an ObjectId's 12 bytes or an integer exactly; a string id as its
/// hash, its text kept by whoever packed it (`isText`). `b == 0` is no id at all.
struct PackedID: Equatable, Sendable {
    var a: UInt64
    var b: UInt64

    static let none = PackedID(a: 0, b: 0)

    var isNone: Bool { b == 0 }
    /// Whether this is a string id (its text is kept apart).
    var isText: Bool { b >> 62 == 3 }
    /// For a text id packed by `CollectionSummary`: where its text is.
    var textIndex: Int { Int(b & ~(UInt64(3) << 62)) }
}
