import PropertyBased
import Testing

// swift-property-based's `propertyCheck` draws every case from a new, randomly seeded generator,
// so two runs check different cases: a failure shows up on one run and not the next, and a
// guard that the cases were not vacuous (counts of what they exercised) can fail by chance.
// These checks draw case after case from one generator seeded by the check's own seed: every
// run checks the same cases, and a failure reproduces by running the test again.

/// Runs `body` on `count` values of `input`, drawn from a generator seeded with `seed`.
public func seededPropertyCheck<Value, Shrinks: Sequence>(
    count: Int, seed: UInt64 = 1, input: Generator<Value, Shrinks>,
    perform body: (Value) async throws -> Void,
    isolation: isolated (any Actor)? = #isolation, sourceLocation: SourceLocation = #_sourceLocation
) async {
    // The other three words are SplitMix64's constants: any fixed non-zero state will do.
    var random = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
    for index in 0..<count {
        let value = input.run(using: &random)
        do {
            try await body(value)
        } catch {
            Issue.record("case \(index) of seed \(seed), input \(value): \(error)", sourceLocation: sourceLocation)
        }
    }
}

/// `seededPropertyCheck` on two inputs.
public func seededPropertyCheck<A, SA: Sequence, B, SB: Sequence>(
    count: Int, seed: UInt64 = 1, input a: Generator<A, SA>, _ b: Generator<B, SB>,
    perform body: (A, B) async throws -> Void,
    isolation: isolated (any Actor)? = #isolation, sourceLocation: SourceLocation = #_sourceLocation
) async {
    await seededPropertyCheck(count: count, seed: seed, input: zip(a, b), perform: { try await body($0.0, $0.1) },
                              sourceLocation: sourceLocation)
}

/// `seededPropertyCheck` on three inputs.
public func seededPropertyCheck<A, SA: Sequence, B, SB: Sequence, C, SC: Sequence>(
    count: Int, seed: UInt64 = 1, input a: Generator<A, SA>, _ b: Generator<B, SB>, _ c: Generator<C, SC>,
    perform body: (A, B, C) async throws -> Void,
    isolation: isolated (any Actor)? = #isolation, sourceLocation: SourceLocation = #_sourceLocation
) async {
    await seededPropertyCheck(count: count, seed: seed, input: zip(a, b, c), perform: { try await body($0.0, $0.1, $0.2) },
                              sourceLocation: sourceLocation)
}

/// `seededPropertyCheck` on four inputs.
public func seededPropertyCheck<A, SA: Sequence, B, SB: Sequence, C, SC: Sequence, D, SD: Sequence>(
    count: Int, seed: UInt64 = 1, input a: Generator<A, SA>, _ b: Generator<B, SB>, _ c: Generator<C, SC>,
    _ d: Generator<D, SD>, perform body: (A, B, C, D) async throws -> Void,
    isolation: isolated (any Actor)? = #isolation, sourceLocation: SourceLocation = #_sourceLocation
) async {
    await seededPropertyCheck(count: count, seed: seed, input: zip(a, b, c, d),
                              perform: { try await body($0.0, $0.1, $0.2, $0.3) }, sourceLocation: sourceLocation)
}
