import Foundation
import HTTPTypes
import Hummingbird

/// The request context: Hummingbird's, plus the client's address (for the sign-in rate limit
/// and the audit log).
struct ServeContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// One request, read whole: the handlers are plain synchronous functions of it, so that the
/// engine's values never cross a suspension point.
struct Incoming: Sendable {
    var method: String
    var path: String
    var query: FormFields
    /// The query as sent, for the way back after signing in.
    var rawQuery: String?
    /// The form fields of a urlencoded body (empty for other bodies).
    var form: FormFields
    /// The body as JSON, when it is JSON.
    var json: JSONBody?
    var cookies: [String: String]
    var bearer: String?
    var csrfHeader: String?
    var address: String
    var wantsJSON: Bool { path.hasPrefix("/api/") }

    static let maximumBody = 1 << 20

    static func read(_ request: Request, _ context: ServeContext) async throws -> Incoming {
        let buffer = try await request.body.collect(upTo: maximumBody)
        let bytes = Array(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        var cookies: [String: String] = [:]
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let name = pair[0].trimmingCharacters(in: .whitespaces)
                if cookies[name] == nil { cookies[name] = pair[1].trimmingCharacters(in: .whitespaces) }
            }
        }
        var bearer: String?
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            bearer = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        let isForm = type.lowercased().hasPrefix("application/x-www-form-urlencoded")
        let isJSON = type.lowercased().contains("json")
        return Incoming(method: request.method.rawValue, path: request.uri.path, query: FormFields(request.uri.query), rawQuery: request.uri.query,
                        form: FormFields(isForm ? String(decoding: bytes, as: UTF8.self) : nil),
                        json: isJSON && !bytes.isEmpty ? JSONBody(bytes) : nil,
                        cookies: cookies, bearer: bearer,
                        csrfHeader: request.headers[HTTPField.Name("X-CSRF-Token")!],
                        address: context.clientAddress)
    }
}

/// A JSON request body (an object), or why it is not one.
struct JSONBody: @unchecked Sendable {
    let object: [String: Any]?

    init(_ bytes: [UInt8]) {
        object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    func string(_ key: String) -> String? {
        if let text = object?[key] as? String, !text.isEmpty { return text }
        return nil
    }

    func int(_ key: String) -> Int? {
        guard let value = object?[key], !(value is String), !(value is Bool) else { return nil }
        return (value as? NSNumber).flatMap { $0.doubleValue == Double($0.intValue) ? $0.intValue : nil }
    }

    func objects(_ key: String) -> [[String: Any]]? { object?[key] as? [[String: Any]] }
}

/// What a handler answers.
struct Reply: Sendable {
    var status: Int = 200
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static func html(_ text: String, status: Int = 200) -> Reply {
        Reply(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }

    static func json(_ text: String, status: Int = 200, type: String = "application/json") -> Reply {
        Reply(status: status, headers: [("Content-Type", type)], body: Array(text.utf8))
    }

    static func file(_ text: String, type: String, name: String) -> Reply {
        Reply(status: 200, headers: [("Content-Type", type), ("Content-Disposition", "attachment; filename=\"\(name)\"")],
              body: Array(text.utf8))
    }

    /// 303 See Other: after a form's POST, the browser GETs `location`.
    static func redirect(_ location: String) -> Reply {
        Reply(status: 303, headers: [("Location", location)])
    }

    func with(_ name: String, _ value: String) -> Reply {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }

    var response: Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        fields[.cacheControl] = fields[.cacheControl] ?? "no-store"
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return Response(status: HTTPResponse.Status(code: status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
