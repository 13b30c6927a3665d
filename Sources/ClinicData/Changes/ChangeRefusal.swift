/// Why a writing command's change cannot be made: a rule refused it (`rejected`: exit 1), or
/// the request does not fit the data (`invalid`: exit 2). Nothing is changed.
public struct ChangeRefusal: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case rejected, invalid }
    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
