/// Least-significant-digit radix sort of `UInt64` keys: a handful of linear passes instead of
/// n log n comparisons, which makes sorting a million packed occurrence keys several times faster
/// than the standard library's merge sort.
enum RadixSort {
    /// Bits per digit: 2¹¹ counters fit easily in L1, and 48-bit keys take 5 passes.
    static let digitBits = 11
    /// Below this many keys the comparison sort is as fast and allocates nothing extra.
    static let threshold = 2_048

    /// Sorts `keys` ascending; only the low `significantBits` bits may be non-zero.
    ///
    /// - Complexity: O(n · significantBits / 11)
    static func sort(_ keys: inout [UInt64], significantBits: Int) {
        guard keys.count >= threshold, significantBits > 0 else {
            keys.sort()
            return
        }
        let passes = (significantBits + digitBits - 1) / digitBits
        let radix = 1 << digitBits
        let mask = UInt64(radix - 1)
        // One read of the keys counts the digits of every pass.
        var counts = [Int](repeating: 0, count: passes * radix)
        keys.withUnsafeBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    for pass in 0..<passes {
                        counts[pass * radix + Int((key >> UInt64(pass * digitBits)) & mask)] += 1
                    }
                }
            }
        }
        // Every pass writes each slot before the next reads it, so the scratch needs no zeroing.
        var scratch = [UInt64](unsafeUninitializedCapacity: keys.count) { _, count in count = keys.count }
        var offsets = [Int](repeating: 0, count: radix)
        for pass in 0..<passes {
            let base = pass * radix
            // A digit that is the same in every key leaves the order as it is: skip the pass.
            if counts[base ..< base + radix].contains(keys.count) { continue }
            var running = 0
            for digit in 0..<radix {
                offsets[digit] = running
                running += counts[base + digit]
            }
            let shift = UInt64(pass * digitBits)
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        for key in source {
                            let digit = Int((key >> shift) & mask)
                            target[offsets[digit]] = key
                            offsets[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
    }
}
