import Dispatch
import SlotSolver

/// The password hashes of generated users: bcrypt of the demo password, each with its own salt.
///
/// A shared salt would give every user the same hash string, which tells anyone reading
/// users.json that all accounts share one password, and lets one guess test them all at once.
/// The salts are derived from the seed and the user's `_id` (a SplitMix64 stream of its own, so
/// the generator's main random stream, and with it everything else in the folder, is untouched),
/// which keeps a folder the same byte for byte for the same options.
///
/// The default cost is bcrypt's lowest (4, 2^4 rounds, about 1.3 ms a hash): the password is
/// published anyway, and at cost 10 (70 ms) a 200,000-patient clinic would take hours to
/// generate. `generate --password-cost 10` makes production-strength hashes for small clinics.
public enum DemoPasswordHashes {
    /// The password of every generated user.
    public static let password = "clinic-demo"
    public static let defaultCost = 4

    /// The hash of user `userID`: `$2b$<cost>$` + 22 salt characters + 31 hash characters.
    /// - Complexity: one bcrypt computation (2^cost rounds).
    public static func hash(userID: Int64, seed: UInt64, cost: Int = defaultCost) throws(PasswordHashError) -> String {
        let setting = try CryptLibrary.makeSetting(prefix: PasswordScheme.bcrypt.gensaltPrefix, count: cost,
                                                   randomBytes: saltBytes(userID: userID, seed: seed))
        guard let hash = CryptLibrary.hash(password, setting: setting) else {
            throw PasswordHashError(.cryptFailed, "libxcrypt could not hash with the setting \(setting)")
        }
        return hash
    }

    /// The hashes of `userIDs`, in order, computed on every core (hashing dominates generating
    /// the users).
    /// - Complexity: O(n) bcrypt computations, spread over the cores.
    public static func hashes(userIDs: [Int64], seed: UInt64, cost: Int = defaultCost) throws(PasswordHashError) -> [String] {
        guard PasswordScheme.bcrypt.costRange.contains(cost) else {
            throw PasswordHashError(.badCost, "bcrypt cost must be in \(PasswordScheme.bcrypt.costRange.lowerBound)..."
                                    + "\(PasswordScheme.bcrypt.costRange.upperBound), not \(cost)")
        }
        let results = Results(count: userIDs.count)
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (userIDs.count + chunk - 1) / chunk) { part in
            for k in (part * chunk)..<min(userIDs.count, (part + 1) * chunk) {
                results.set(k, Result { () throws(PasswordHashError) in try hash(userID: userIDs[k], seed: seed, cost: cost) })
            }
        }
        return try results.values.map { result throws(PasswordHashError) in try result.get() }
    }

    /// 16 salt bytes (bcrypt's salt size) from the seed and the user.
    static func saltBytes(userID: Int64, seed: UInt64) -> [UInt8] {
        // A different stream per user: mix the user into the seed, then draw two words.
        var random = SplitMix64(seed: seed ^ (UInt64(bitPattern: userID) &* 0xD6E8_FEB8_6659_FD93))
        let words = [random.next(), random.next()]
        return words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
    }

    /// Per-slot results written by the worker threads; each slot is written by one thread only,
    /// into memory allocated once (no array copy-on-write check races another thread).
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Result<String, PasswordHashError>>
        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: .success(""))
        }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
        func set(_ k: Int, _ value: Result<String, PasswordHashError>) { slots[k] = value }
        var values: [Result<String, PasswordHashError>] { Array(slots) }
    }
}
