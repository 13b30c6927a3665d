import Testing
@testable import SlotSolver

/// The sort under every sweep: packed keys with a radix sort for large inputs, a comparison sort
/// for small ones, and a pair sort when the fields do not fit in 64 bits. All must give
/// (subject, date, start, index) order.
@Suite("SweepOrder")
struct SweepOrderTests {
    func randomOccurrences(count: Int, seed: UInt64, maxSubject: Int32, days: Int32) -> [Occurrence] {
        var rng = RandomClinic.SplitMix(seed: seed)
        return (0..<count).map { i in
            Occurrence(kind: Bool.random(using: &rng) ? .appointment : .repVisit,
                       doctor: Int32.random(in: 0...maxSubject, using: &rng),
                       person: Int32.random(in: 0...maxSubject, using: &rng), record: Int32(i),
                       date: LocalDate(daysSinceEpoch: 20_000 + Int32.random(in: 0..<days, using: &rng)),
                       start: MinuteOfDay(Int32.random(in: 400...1000, using: &rng)), length: 15)
        }
    }

    /// The expected order, by a plain comparison sort.
    func naive(_ occurrences: [Occurrence], _ subject: SweepOrder.Subject) -> [Int32] {
        occurrences.indices
            .filter { subject == .doctor || (subject == .rep) == (occurrences[$0].kind == .repVisit) }
            .sorted { a, b in
                let x = occurrences[a], y = occurrences[b]
                let sx = subject == .doctor ? x.doctor : x.person, sy = subject == .doctor ? y.doctor : y.person
                return (sx, x.date.daysSinceEpoch, x.start.minutes, a) < (sy, y.date.daysSinceEpoch, y.start.minutes, b)
            }
            .map(Int32.init)
    }

    func check(_ occurrences: [Occurrence]) {
        occurrences.withUnsafeBufferPointer { buffer in
            let bounds = OccurrenceBounds(buffer)
            for subject in [SweepOrder.Subject.doctor, .rep, .patient] {
                let order = SweepOrder(buffer, subject: subject, bounds: bounds)
                #expect(order.indices == naive(occurrences, subject), "\(subject)")
                // Equal groups exactly when subject and date are equal.
                for p in order.indices.indices.dropFirst() {
                    let a = occurrences[Int(order.indices[p - 1])], b = occurrences[Int(order.indices[p])]
                    let same = subject == .doctor ? a.doctor == b.doctor : a.person == b.person
                    #expect((order.groups[p - 1] == order.groups[p]) == (same && a.date == b.date))
                }
            }
        }
    }

    @Test func smallInputsUseTheComparisonSort() {
        check(randomOccurrences(count: 300, seed: 1, maxSubject: 5, days: 10))
    }

    @Test func largeInputsUseTheRadixSort() {
        check(randomOccurrences(count: 20_000, seed: 2, maxSubject: 400, days: 60))
    }

    @Test func fieldsTooWideForOneWordFallBackToPairs() {
        // Subject indices near 2³¹ over a long span of dates need more than 64 bits with the rest.
        var occurrences = randomOccurrences(count: 3_000, seed: 3, maxSubject: 3, days: 30)
        for i in occurrences.indices where i % 3 == 0 {
            occurrences[i].doctor = Int32.max - Int32(i % 7)
            occurrences[i].person = Int32.max - Int32(i % 5)
            occurrences[i].date = LocalDate(daysSinceEpoch: -700_000 + Int32(i % 11))
        }
        occurrences.withUnsafeBufferPointer { buffer in
            let bounds = OccurrenceBounds(buffer)
            let total = SweepOrder.bits(UInt64(bounds.maxDoctor) * UInt64(bounds.dateSpan) + UInt64(bounds.dateSpan))
                + SweepOrder.bits(UInt64(bounds.lastStart - bounds.firstStart)) + SweepOrder.bits(UInt64(buffer.count))
            #expect(total > 64)
        }
        check(occurrences)
    }

    @Test func radixSortMatchesTheStandardSort() {
        var rng = RandomClinic.SplitMix(seed: 4)
        for bits in [1, 11, 12, 23, 40, 64] {
            for count in [0, 1, 2_047, 2_048, 10_000] {
                let mask: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
                var keys = (0..<count).map { _ in rng.next() & mask }
                let expected = keys.sorted()
                RadixSort.sort(&keys, significantBits: bits)
                #expect(keys == expected, "\(bits) bits, \(count) keys")
            }
        }
    }
}
