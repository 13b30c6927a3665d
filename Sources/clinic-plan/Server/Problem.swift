import ClinicData

/// An API error as RFC 9457 `application/problem+json`: type, title, status, detail, and for a
/// refused booking the nearest free slots.
struct Problem {
    let failure: ServerFailure

    init(_ failure: ServerFailure) { self.failure = failure }

    var reply: Reply {
        var members: [(String, JSONValue)] = [("type", .string("about:blank")), ("title", .string(failure.title)),
                                              ("status", .int(failure.status)), ("detail", .string(failure.detail))]
        if case .rejected(_, let notes) = failure { members.append(("suggestions", .strings(notes))) }
        return .json(JSONValue.members(members).description, status: failure.status, type: "application/problem+json")
    }
}
