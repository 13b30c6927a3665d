/// Rewrites one document's text for an edit while keeping everything the edit did not touch:
/// other fields' exact text, key order, spacing and line breaks. Changed values are replaced in
/// place, removed fields are cut out with their comma, new fields are appended after the last
/// one using the document's own separators.
enum DocumentSplicer {
    /// Where one member of an object sits in the file.
    struct MemberSpan {
        var key: String
        var keyStart: Int
        var keyEnd: Int
        var valueStart: Int
        var valueEnd: Int
    }

    /// A field the edit changes: its new value, or nil to remove it. An embedded document
    /// (`visit_summary`) whose fields changed carries those as `nested`, so that its other
    /// fields, including ones this tool does not know, are kept too.
    struct Change {
        var key: String
        var value: JSONValue?
        var nested: [Change]? = nil

        /// The change from `old` to `new` of field `key`.
        static func between(_ key: String, _ old: JSONValue?, _ new: JSONValue?) -> Change {
            guard case .object(let before)? = old, case .object(let after)? = new else {
                return Change(key: key, value: new)
            }
            var nested: [Change] = []
            for key in before.keys + after.keys.filter({ before[$0] == nil }) where before[key] != after[key] {
                nested.append(between(key, before[key], after[key]))
            }
            return Change(key: key, value: new, nested: nested)
        }
    }

    /// The new text of the document at `range` of `bytes` after `changes`.
    static func splice(_ bytes: [UInt8], _ range: Range<Int>, _ changes: [Change]) -> [UInt8] {
        let original = Array(bytes[range])
        guard let spans = members(of: original), !spans.isEmpty else { return rewrite(original, changes) }
        var edits: [(range: Range<Int>, text: [UInt8])] = []
        var insertions: [Change] = []
        var removed: [Int] = []
        for change in changes {
            guard let i = spans.firstIndex(where: { $0.key == change.key }) else {
                if change.value != nil { insertions.append(change) }
                continue
            }
            if let nested = change.nested, original[spans[i].valueStart] == UInt8(ascii: "{") {
                edits.append((spans[i].valueStart..<spans[i].valueEnd,
                              splice(original, spans[i].valueStart..<spans[i].valueEnd, nested)))
            } else if let value = change.value {
                var text: [UInt8] = []
                JSONWriter.write(value, into: &text)
                edits.append((spans[i].valueStart..<spans[i].valueEnd, text))
            } else {
                removed.append(i)
            }
        }
        // Removing the first member cuts up to the second key; combined with other removals or
        // insertions the cuts could overlap, so such edits rewrite the document compactly.
        if removed.contains(0) && (removed.count > 1 || !insertions.isEmpty || spans.count == 1) {
            return rewrite(original, changes)
        }
        for i in removed {
            let cut = i == 0 ? spans[0].keyStart..<spans[1].keyStart : spans[i - 1].valueEnd..<spans[i].valueEnd
            edits.append((cut, []))
        }
        if !insertions.isEmpty {
            let last = spans[spans.count - 1]
            let separator = spans.count >= 2 ? Array(original[spans[spans.count - 2].valueEnd..<last.keyStart]) : Array(",".utf8)
            let colon = Array(original[last.keyEnd..<last.valueStart])
            var text: [UInt8] = []
            for change in insertions {
                text += separator
                JSONWriter.writeString(change.key, into: &text)
                text += colon
                JSONWriter.write(change.value!, into: &text)
            }
            edits.append((last.valueEnd..<last.valueEnd, text))
        }
        edits.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        var out: [UInt8] = []
        out.reserveCapacity(original.count + 64)
        var cursor = 0
        for edit in edits {
            out += original[cursor..<edit.range.lowerBound]
            out += edit.text
            cursor = edit.range.upperBound
        }
        out += original[cursor...]
        return out
    }

    /// The compact text of the document with `changes` applied to its parsed members.
    private static func rewrite(_ original: [UInt8], _ changes: [Change]) -> [UInt8] {
        var object = JSONObject()
        original.withUnsafeBytes { buffer in
            var parser = JSONParser(bytes: buffer)
            if case .object(let parsed)? = try? parser.parseValue() { object = parsed }
        }
        for change in changes {
            if let i = object.index(of: change.key) {
                if let value = change.value { object.members[i].value = value } else { object.members.remove(at: i) }
            } else if let value = change.value {
                object.members.append(JSONMember(change.key, value))
            }
        }
        var out: [UInt8] = []
        JSONWriter.write(.object(object), into: &out)
        return out
    }

    /// The spans of the top-level members of the object `text`, or nil when it is not one.
    static func members(of text: [UInt8]) -> [MemberSpan]? {
        text.withUnsafeBytes { buffer -> [MemberSpan]? in
            var parser = JSONParser(bytes: buffer)
            parser.skipWhitespace()
            guard !parser.atEnd, buffer[parser.position] == UInt8(ascii: "{") else { return nil }
            parser.position += 1
            var spans: [MemberSpan] = []
            do {
                while true {
                    parser.skipWhitespace()
                    guard !parser.atEnd else { return nil }
                    if buffer[parser.position] == UInt8(ascii: "}") { return spans }
                    if buffer[parser.position] == UInt8(ascii: ",") { parser.position += 1; continue }
                    let keyStart = parser.position
                    let key = try parser.parseString()
                    let keyEnd = parser.position
                    parser.skipWhitespace()
                    guard !parser.atEnd, buffer[parser.position] == UInt8(ascii: ":") else { return nil }
                    parser.position += 1
                    parser.skipWhitespace()
                    let valueStart = parser.position
                    _ = try parser.parseValue()
                    spans.append(MemberSpan(key: key, keyStart: keyStart, keyEnd: keyEnd, valueStart: valueStart,
                                            valueEnd: parser.position))
                }
            } catch {
                return nil
            }
        }
    }
}
