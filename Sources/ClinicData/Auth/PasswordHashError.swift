/// Why a password could not be hashed.
public struct PasswordHashError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The password is empty, longer than libxcrypt takes (512 bytes) or contains a NUL byte.
        case unusablePassword
        /// The cost is outside the scheme's range.
        case badCost
        /// libxcrypt refused to make a salt or a hash (its `errno` is in the message).
        case cryptFailed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
