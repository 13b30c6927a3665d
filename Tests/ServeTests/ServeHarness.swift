import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP answer, as the raw client read it.
struct HTTPAnswer {
    var status: Int
    var headers: [(String, String)]
    var body: String

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
}

/// `clinic-plan serve` on a free loopback port, in a fresh copy of the sample, stopped by `stop()`.
final class ServedClinic {
    let folder: URL
    let port: Int
    private let process: Process

    /// Serves a copy of `source` (the sample by default).
    init(copying source: String = Tool.sample, extra: [String] = []) throws {
        folder = try Tool.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder.path + "/" + name)
        }
        process = Process()
        process.executableURL = Tool.productsDirectory.appendingPathComponent("clinic-plan")
        // The sample's weeks are fixed: suggestions and rebookings start where the CLI tests' do.
        process.arguments = ["serve", "--data", folder.path, "--port", "0", "--not-before", "2026-12-01"] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line that names the port; the rest of the output is drained and dropped.
        var seen = ""
        var found: Int?
        let handle = out.fileHandleForReading
        while found == nil {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: "listening on http://127.0.0.1:") {
                let digits = seen[range.upperBound...].prefix { $0.isNumber }
                if seen[range.upperBound...].dropFirst(digits.count).first == "\n" { found = Int(digits) }
            }
        }
        Thread.detachNewThread { while !handle.availableData.isEmpty {} }
        guard let found else {
            process.terminate()
            throw ServeTestError("the server did not start: \(seen)")
        }
        port = found
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    func file(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// The data files' contents: compared before and after a refused request.
    var dataFiles: [String: String] {
        var files: [String: String] = [:]
        for name in ["appointments.json", "rep_visits.json", "clinic_days.json", "users.json", "schedules.json"] {
            files[name] = file(name)
        }
        return files
    }

    var auditLines: [String] { file("audit.jsonl").split(separator: "\n").map(String.init) }

    func client() -> WebClient { WebClient(port: port) }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A browser's share of HTTP: one connection per request (`Connection: close`), cookies kept,
/// redirects not followed (the tests check them).
final class WebClient {
    let port: Int
    var cookies: [String: String] = [:]
    var bearer: String?

    init(port: Int) { self.port = port }

    func get(_ path: String, headers: [(String, String)] = []) throws -> HTTPAnswer {
        try send("GET", path, headers: headers)
    }

    func post(_ path: String, form: [(String, String)]) throws -> HTTPAnswer {
        let body = form.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
        return try send("POST", path, body: body, headers: [("Content-Type", "application/x-www-form-urlencoded")])
    }

    func send(_ method: String, _ path: String, json: Any, headers: [(String, String)] = []) throws -> HTTPAnswer {
        let data = try JSONSerialization.data(withJSONObject: json)
        return try send(method, path, body: String(decoding: data, as: UTF8.self),
                        headers: [("Content-Type", "application/json")] + headers)
    }

    func send(_ method: String, _ path: String, body: String = "", headers: [(String, String)] = []) throws -> HTTPAnswer {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if !cookies.isEmpty {
            request += "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n"
        }
        if let bearer { request += "Authorization: Bearer \(bearer)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        let raw = try exchange(Array(request.utf8))
        let answer = try parse(raw)
        for line in answer.headers("Set-Cookie") {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return answer
    }

    /// GET /login, then POST the form with its CSRF token.
    func signIn(_ email: String, password: String = "clinic-demo") throws -> HTTPAnswer {
        let form = try get("/login")
        let csrf = try Self.field("csrf", in: form.body)
        return try post("/login", form: [("csrf", csrf), ("email", email), ("password", password), ("next", "/")])
    }

    /// The value of the hidden field `name` in a page's first form that has one.
    static func field(_ name: String, in page: String) throws -> String {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { throw ServeTestError("no field \(name) in the page") }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    private func exchange(_ bytes: [UInt8]) throws -> [UInt8] {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServeTestError("socket failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServeTestError("cannot connect to port \(port)") }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw ServeTestError("send failed") }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return received
    }

    private func parse(_ raw: [UInt8]) throws -> HTTPAnswer {
        let text = String(decoding: raw, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ServeTestError("no HTTP answer: \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = String(text[split.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }) {
            body = Self.unchunk(body)
        }
        return HTTPAnswer(status: status, headers: headers, body: body)
    }

    private static func unchunk(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let line = rest.range(of: "\r\n"), let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 {
            let start = line.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return out
    }
}
