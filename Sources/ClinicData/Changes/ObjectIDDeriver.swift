import SlotSolver

/// New ObjectIds derived from the data, never from the clock or chance: the same change
/// computed twice (the preview, `--format mongosh`, `--apply`, a second run after a crash) gets
/// the same ids, so what was shown is what is written.
///
/// An id is 4 bytes of the new document's own time (its date, so `getTimestamp()` shows when it
/// happens) and 8 bytes of a hash of what it is (the command, the records and the slot). An id
/// already taken in the data, or given out earlier by the same deriver, is hashed again with a
/// counter, so ids stay unique and still depend on nothing but the data.
public struct ObjectIDDeriver: Sendable {
    private var taken: Set<DocumentID>

    public init(taken: some Sequence<DocumentID>) {
        self.taken = Set(taken)
    }

    /// Every `_id` of the dataset (an `_id` new in one collection is then new in all of them).
    public init(dataset: ClinicDataset) {
        self.init(taken: CollectionName.allCases.lazy.flatMap { $0.ids(in: dataset) })
    }

    /// The id of a new document described by `parts`, at `time`.
    public mutating func id(for parts: [String], at time: Instant) -> DocumentID {
        let seconds = UInt64(UInt32(clamping: max(0, time.epochMilliseconds / 1000)))
        var salt: UInt64 = 0
        while true {
            var generator = SplitMix64(seed: Self.fnv1a(parts) ^ salt)
            let id = DocumentID.objectId(Self.hex(seconds, 8) + Self.hex(generator.next(), 16))
            if taken.insert(id).inserted { return id }
            salt &+= 0x9E37_79B9_7F4A_7C15
        }
    }

    /// FNV-1a over the parts, each followed by a unit separator so that ["ab", "c"] ≠ ["a", "bc"].
    private static func fnv1a(_ parts: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 + [0x1F] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return hash
    }

    private static func hex(_ value: UInt64, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
