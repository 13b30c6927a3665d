/// A document's `_id` or a reference to one, in whichever of the three forms the data uses:
/// an ObjectId, an integer (the seed's users) or a string.
public enum DocumentID: Hashable, Sendable, CustomStringConvertible {
    /// The 24 lowercase hex digits of an ObjectId.
    case objectId(String)
    case int(Int64)
    case string(String)

    /// The id as results print it: the hex of an ObjectId, the digits of an integer, the string.
    public var description: String {
        switch self {
        case .objectId(let hex): hex
        case .int(let value): String(value)
        case .string(let text): text
        }
    }
}
