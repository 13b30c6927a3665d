import CSimdjson

/// The Extended JSON readers of `ExtendedJSON`, over values simdjson has parsed, for the loader's
/// fast path. Each returns nil whenever `ExtendedJSON` would report a problem *or* the value is
/// in a form this path does not handle, so that the caller can hand the document to the general
/// path, which then reports exactly what it always has. A non-nil result is always the one
/// `ExtendedJSON` gives for the same text.
enum FastExtendedJSON {
    /// The single `$`-key member of a wrapper such as `{"$numberInt": "5"}` (as `ExtendedJSON.wrapper`).
    @inline(__always) static func wrapper(_ value: csj_member) -> csj_member? {
        guard value.type == CSJ_OBJECT, value.size == 1 else { return nil }
        var inner = csj_member()
        if value.inner_type.rawValue != 0 {
            // Read out already by `csj_object_members`.
            inner.key = value.inner_key
            inner.key_length = value.inner_key_length
            inner.type = value.inner_type
            inner.string = value.inner_string
            inner.string_length = value.inner_string_length
            inner.int64 = value.inner_int64
            inner.number = value.inner_number
            inner.element = value.inner_element
            inner.size = value.inner_size
        } else {
            guard csj_object_members(value.element, &inner, 1) == 1 else { return nil }
        }
        guard inner.key_length > 0, inner.key.pointee == CChar(UInt8(ascii: "$")) else { return nil }
        return inner
    }

    /// A plain JSON number read as an integer, as `ExtendedJSON.integer(lexeme:)` does: an
    /// integral value within Int64's range.
    @inline(__always) static func plainInteger(_ value: csj_member) -> Int64? {
        switch value.type {
        case CSJ_INT64: return value.int64
        case CSJ_DOUBLE:
            let double = value.number
            guard double.isFinite, double == double.rounded(), abs(double) < 9.2e18 else { return nil }
            return Int64(double)
        default: return nil  // unsigned 64-bit values beyond Int64: the general path explains
        }
    }

    /// An integer in any of the forms `ExtendedJSON.integer` accepts.
    static func integer(_ value: csj_member) -> Int64? {
        if let int = plainInteger(value) { return int }
        guard let member = wrapper(value), member.type == CSJ_STRING else { return nil }
        if member.keyIs("$numberInt") { return Int32(member.text).map(Int64.init) }
        if member.keyIs("$numberLong") { return Int64(member.text) }
        if member.keyIs("$numberDouble") || member.keyIs("$numberDecimal") {
            if case .success(let int) = ExtendedJSON.integer(lexeme: member.text) { return int }
        }
        return nil
    }

    /// A finite number in any numeric form (as `ExtendedJSON.double`).
    static func double(_ value: csj_member) -> Double? {
        switch value.type {
        case CSJ_INT64: return Double(value.int64)
        case CSJ_DOUBLE: return value.number.isFinite ? value.number : nil
        case CSJ_OBJECT:
            guard let member = wrapper(value), member.type == CSJ_STRING,
                  member.keyIs("$numberInt") || member.keyIs("$numberLong") || member.keyIs("$numberDouble")
                    || member.keyIs("$numberDecimal"),
                  let double = Double(member.text), double.isFinite else { return nil }
            return double
        default: return nil
        }
    }

    /// An `_id` or reference (as `ExtendedJSON.documentID`).
    static func documentID(_ value: csj_member) -> DocumentID? {
        switch value.type {
        case CSJ_STRING: return .string(value.text)
        case CSJ_INT64, CSJ_DOUBLE: return plainInteger(value).map { .int($0) }
        case CSJ_OBJECT:
            guard let member = wrapper(value) else { return nil }
            if member.keyIs("$oid") {
                guard member.type == CSJ_STRING, let oid = ObjectID(hexBytes: UnsafeRawBufferPointer(member.stringBytes))
                else { return nil }
                return .objectId(oid)
            }
            return integer(value).map { .int($0) }
        default: return nil
        }
    }

    /// An ISODate in milliseconds (as `ExtendedJSON.date`), within `ValueDomains.dates` (the
    /// general path reports one outside).
    static func date(_ value: csj_member) -> Int64? {
        guard let ms = anyDate(value), ValueDomains.dates.contains(ms) else { return nil }
        return ms
    }

    private static func anyDate(_ value: csj_member) -> Int64? {
        var candidate = value
        if let member = wrapper(value), member.keyIs("$date") {
            candidate = member
            if candidate.type == CSJ_INT64 || candidate.type == CSJ_DOUBLE || candidate.type == CSJ_UINT64 {
                return plainInteger(candidate)
            }
            if let inner = wrapper(candidate) {
                guard inner.keyIs("$numberLong"), inner.type == CSJ_STRING else { return nil }
                return Int64(inner.text)
            }
        }
        guard candidate.type == CSJ_STRING else { return nil }
        return ISODate.parse(bytes: UnsafeBufferPointer(
            start: UnsafeRawPointer(candidate.string)?.assumingMemoryBound(to: UInt8.self), count: candidate.string_length))
    }

    // MARK: - Detecting the mode

    /// The mode a parsed document shows, as `ExtendedJSON.modeEvidence` finds it in the same
    /// document: relaxed when any plain number or `$date` string appears, canonical when only
    /// `$number…` wrappers do, nil when neither.
    static func modeEvidence(in object: FastObject) -> ExtendedJSONMode? {
        var sawCanonical = false
        if object.members.contains(where: { relaxedEvidence($0, &sawCanonical) }) { return .relaxed }
        return sawCanonical ? .canonical : nil
    }

    /// Whether `value` holds relaxed evidence (as `ExtendedJSON.modeEvidence`'s walk).
    private static func relaxedEvidence(_ value: csj_member, _ sawCanonical: inout Bool) -> Bool {
        switch value.type {
        case CSJ_INT64, CSJ_UINT64, CSJ_DOUBLE:
            return true
        case CSJ_ARRAY:
            return members(of: value, csj_array_elements) { relaxedEvidence($0, &sawCanonical) }
        case CSJ_OBJECT:
            if let member = wrapper(value) {
                if member.keyIs("$numberInt") || member.keyIs("$numberLong") || member.keyIs("$numberDouble")
                    || member.keyIs("$numberDecimal") {
                    sawCanonical = true
                    return false
                }
                if member.keyIs("$date"), member.type == CSJ_STRING { return true }
                return relaxedEvidence(member, &sawCanonical)
            }
            return members(of: value, csj_object_members) { relaxedEvidence($0, &sawCanonical) }
        default:
            return false
        }
    }

    /// Whether any member (or element) of `container` satisfies `predicate`.
    private static func members(of container: csj_member,
                                _ read: (csj_element, UnsafeMutablePointer<csj_member>?, Int) -> Int,
                                _ predicate: (csj_member) -> Bool) -> Bool {
        let count = container.size
        guard count > 0 else { return false }
        return withUnsafeTemporaryAllocation(of: csj_member.self, capacity: count) { buffer in
            let read = read(container.element, buffer.baseAddress, count)
            return buffer[0..<min(read, count)].contains(where: predicate)
        }
    }
}
