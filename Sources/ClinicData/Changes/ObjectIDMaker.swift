import Foundation

/// Makes fresh ObjectIds the way MongoDB drivers do: 4 bytes of Unix seconds, 5 random bytes
/// chosen once per maker, and a 3-byte counter, so ids made here never collide with the
/// database's own.
public struct ObjectIDMaker: Sendable {
    private let processBytes: UInt64
    private var counter: UInt32
    private let fixedSeconds: UInt32?

    /// A test hook, not a feature: `CLINIC_PLAN_TEST_OBJECT_IDS=N` makes every maker of the
    /// process produce the same ids (time 0x6a000000, random part N, counter from 1), so that
    /// the crash tests can compare a killed writer's folder with a finished one byte for byte.
    private static let testSeed: UInt64? = ProcessInfo.processInfo.environment["CLINIC_PLAN_TEST_OBJECT_IDS"].flatMap { UInt64($0) }

    public init() {
        if let seed = Self.testSeed {
            processBytes = seed & 0xFF_FFFF_FFFF
            counter = 0
            fixedSeconds = 0x6a00_0000
            return
        }
        fixedSeconds = nil
        var random = SystemRandomNumberGenerator()
        processBytes = random.next() & 0xFF_FFFF_FFFF
        counter = UInt32.random(in: 0..<0xFF_FFFF, using: &random)
    }

    public mutating func next() -> DocumentID {
        let seconds = fixedSeconds ?? UInt32(truncatingIfNeeded: Int64(Date().timeIntervalSince1970))
        counter = (counter + 1) & 0xFF_FFFF
        return .objectId(Self.hex(UInt64(seconds), 8) + Self.hex(processBytes, 10) + Self.hex(UInt64(counter), 6))
    }

    private static func hex(_ value: UInt64, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
