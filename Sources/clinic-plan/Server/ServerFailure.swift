/// Why a request could not be answered as asked: each case is one HTTP status, and the
/// sentence says what was wrong (shown on a page, or as a problem+json `detail`).
enum ServerFailure: Error {
    /// 400: a missing or malformed parameter.
    case badRequest(String)
    /// 401: not signed in (or a wrong feed token).
    case unauthorized(String)
    /// 403: signed in, but not allowed (a role, or a missing CSRF token).
    case forbidden(String)
    /// 404.
    case notFound(String)
    /// 409: the data changed since a preview.
    case conflict(String)
    /// 422: the request is well formed but its checks refused it; `notes` are the nearest free slots.
    case rejected(String, notes: [String])
    /// 429: too many failed sign-ins.
    case tooManyAttempts(String, retryAfter: Int)
    /// 503: the data folder cannot be read or is locked too long.
    case unavailable(String)

    var status: Int {
        switch self {
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .rejected: 422
        case .tooManyAttempts: 429
        case .unavailable: 503
        }
    }

    var title: String {
        switch self {
        case .badRequest: "Bad request"
        case .unauthorized: "Not signed in"
        case .forbidden: "Forbidden"
        case .notFound: "Not found"
        case .conflict: "Conflict"
        case .rejected: "Refused by the booking checks"
        case .tooManyAttempts: "Too many sign-in attempts"
        case .unavailable: "Data folder unavailable"
        }
    }

    var detail: String {
        switch self {
        case .badRequest(let text), .unauthorized(let text), .forbidden(let text), .notFound(let text),
             .conflict(let text), .unavailable(let text): text
        case .rejected(let text, _), .tooManyAttempts(let text, _): text
        }
    }

    var notes: [String] {
        if case .rejected(_, let notes) = self { return notes }
        return []
    }
}
