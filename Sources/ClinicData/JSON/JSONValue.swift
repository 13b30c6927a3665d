/// A JSON value that remembers what a generic decoder forgets: objects keep their key order and
/// numbers keep their original lexeme, so a document can be written back as it was read
/// (`5.0` stays `5.0`, `"name"` stays before `"email"`).
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written in the source (`5`, `5.0`, `-1.5e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member named `key` when this is an object (the first one if the key repeats).
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// An object's members in source order. Documents have a handful of keys, so a linear scan
/// beats hashing and keeps the order for free.
public struct JSONObject: Hashable, Sendable {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) { self.members = members }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        for i in members.indices where members[i].key == key { return members[i].value }
        return nil
    }

    /// The position of the first member named `key`.
    public func index(of key: String) -> Int? {
        members.firstIndex { $0.key == key }
    }

    public var keys: [String] { members.map(\.key) }
}
