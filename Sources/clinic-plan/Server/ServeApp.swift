import ClinicData
import Dispatch
import Foundation
import Hummingbird
import SlotSolver

/// Everything the server keeps between requests, and the route table.
final class ServeApp: Sendable {
    let live: LiveClinic
    let sessions: SessionStore
    let throttle: LoginThrottle
    let secrets: ServerSecrets
    let previews: RebookPreviews
    let answers = AnswerCache()
    /// Where the routes that write run, one at a time (see `route`).
    let writes = DispatchQueue(label: "clinic-plan serve writes")
    let lockTimeout: Double
    /// The earliest moment a suggested or rebooked slot may start (nil: now).
    let fixedNotBefore: LocalMoment?

    init(data: DataOptions, sessionLifetime: TimeInterval, loginLimit: Int, loginWindow: TimeInterval,
         lockTimeout: Double, notBefore: LocalMoment?) {
        live = LiveClinic(data: data)
        sessions = SessionStore(lifetime: sessionLifetime)
        throttle = LoginThrottle(limit: loginLimit, window: loginWindow)
        secrets = ServerSecrets(folder: data.folderURL)
        previews = RebookPreviews()
        self.lockTimeout = lockTimeout
        fixedNotBefore = notBefore
    }

    func notBefore(_ clinic: Clinic) -> LocalMoment { fixedNotBefore ?? LocalMoment.now(in: clinic.timeZone) }

    /// A read route's answer for the viewer's snapshot and audience: rendered once, then kept
    /// until the folder changes. `parameters` are the route's, as the handler resolved them.
    func cached<Value>(_ viewer: Viewer, _ route: String, _ parameters: [String], _ render: () throws -> Value) rethrows -> Value {
        try answers.answer(AnswerKey(route: route, parameters: parameters, audience: viewer.scope.audience),
                           generation: viewer.snapshot.generation, render: render)
    }

    static let sessionCookie = "clinic_session"
    static let loginCookie = "clinic_login"

    func router() -> Router<ServeContext> {
        let router = Router(context: ServeContext.self)
        // Pages.
        route(router, .get, "/login") { try self.loginPage($0) }
        route(router, .post, "/login") { try self.login($0) }
        route(router, .post, "/logout") { try self.logout($0) }
        route(router, .get, "/static/clinic.css") { _ in
            Reply(status: 200, headers: [("Content-Type", "text/css; charset=utf-8"), ("Cache-Control", "max-age=3600")],
                  body: Array((HTMLPage.css + WebLayout.css).utf8))
        }
        route(router, .get, "/") { try self.weekPage($0, self.viewer($0)) }
        route(router, .get, "/week") { try self.weekPage($0, self.viewer($0)) }
        route(router, .get, "/conflicts") { try self.conflictsPage($0, self.viewer($0)) }
        route(router, .get, "/reports") { try self.reportsPage($0, self.viewer($0)) }
        route(router, .get, "/book") { try self.bookPage($0, self.viewer($0)) }
        route(router, .post, "/book", writes: true) { try self.bookForm($0, self.writer($0)) }
        route(router, .get, "/cancel") { try self.cancelPage($0, self.viewer($0)) }
        route(router, .post, "/cancel", writes: true) { try self.cancelForm($0, self.writer($0)) }
        route(router, .get, "/close") { try self.closePage($0, self.viewer($0)) }
        route(router, .post, "/close", writes: true) { try self.closeForm($0, self.writer($0)) }
        route(router, .get, "/rebook") { try self.rebookPage($0, self.viewer($0)) }
        route(router, .post, "/rebook") { try self.rebookPreviewForm($0, self.writer($0)) }
        route(router, .post, "/rebook/:id/apply", writes: true) { try self.rebookApplyForm($0, self.writer($0), id: $1) }
        route(router, .get, "/rebook/:id/mongosh.js") { try self.rebookDownload($0, self.viewer($0), id: $1, file: .mongosh) }
        route(router, .get, "/rebook/:id/calls.csv") { try self.rebookDownload($0, self.viewer($0), id: $1, file: .callList) }
        route(router, .get, "/calendar") { try self.calendarPage($0, self.viewer($0)) }
        route(router, .post, "/calendar/:id/rotate") { try self.rotateFeed($0, self.writer($0), doctor: $1) }
        route(router, .get, "/calendar/:id") { try self.feed($0, file: $1) }
        // API.
        route(router, .get, "/api/v1/openapi.json") { _ in .json(OpenAPIDocument.text) }
        route(router, .get, "/api/v1/plan") { try self.apiPlan($0, self.viewer($0)) }
        route(router, .get, "/api/v1/conflicts") { try self.apiConflicts($0, self.viewer($0)) }
        route(router, .get, "/api/v1/reports/:id") { try self.apiReport($0, self.viewer($0), name: $1) }
        route(router, .get, "/api/v1/people") { try self.apiPeople($0, self.viewer($0)) }
        route(router, .post, "/api/v1/bookings", writes: true) { try self.apiBook($0, self.writer($0)) }
        route(router, .delete, "/api/v1/bookings/:id", writes: true) { try self.apiCancel($0, self.writer($0), id: $1) }
        route(router, .post, "/api/v1/rebookings") { try self.apiRebookPreview($0, self.writer($0)) }
        route(router, .post, "/api/v1/rebookings/:id/apply", writes: true) { try self.apiRebookApply($0, self.writer($0), id: $1) }
        route(router, .post, "/api/v1/tokens") { try self.apiIssueToken($0, self.writer($0)) }
        return router
    }

    private func route(_ router: Router<ServeContext>, _ method: HTTPRequest.Method, _ path: String, writes: Bool = false,
                       _ handler: @escaping @Sendable (Incoming) throws -> Reply) {
        route(router, method, path, writes: writes) { incoming, _ in try handler(incoming) }
    }

    private func route(_ router: Router<ServeContext>, _ method: HTTPRequest.Method, _ path: String, writes: Bool = false,
                       _ handler: @escaping @Sendable (Incoming, String) throws -> Reply) {
        router.on(RouterPath(path), method: method) { request, context -> Response in
            let incoming: Incoming
            do {
                incoming = try await Incoming.read(request, context)
            } catch {
                return self.failure(.badRequest("the request body is larger than \(Incoming.maximumBody) bytes"),
                                    api: request.uri.path.hasPrefix("/api/")).response
            }
            let parameter = context.parameters.get("id") ?? ""
            // Handlers block (on the folder's lock, password hashing, the solver): they run on
            // Dispatch's threads, never on the few threads Swift's concurrency shares. Writes
            // queue on a thread of their own, one after the other: they wait for the folder's
            // lock there, and never take the few threads Dispatch gives the readers.
            let queue = writes ? self.writes : DispatchQueue.global()
            let reply = await withCheckedContinuation { (done: CheckedContinuation<Reply, Never>) in
                queue.async {
                    do {
                        done.resume(returning: try handler(incoming, parameter))
                    } catch let failure as ServerFailure {
                        done.resume(returning: self.failure(failure, api: incoming.wantsJSON, incoming: incoming))
                    } catch {
                        done.resume(returning: self.failure(.unavailable("\(error)"), api: incoming.wantsJSON))
                    }
                }
            }
            return reply.response
        }
    }

    /// A failure as the client reads it: problem+json for the API, a page for a browser, where
    /// "not signed in" is a redirect to the login form.
    func failure(_ failure: ServerFailure, api: Bool, incoming: Incoming? = nil) -> Reply {
        var reply: Reply
        if api {
            reply = Problem(failure).reply
        } else if case .unauthorized = failure, incoming?.path.hasPrefix("/calendar/") != true {
            // After signing in, back to the page asked for (a form's POST: to its page).
            let back = incoming.map { $0.path + ($0.method == "GET" ? $0.rawQuery.map { "?" + $0 } ?? "" : "") } ?? "/"
            reply = .redirect("/login?" + FormFields.query([("next", back)]))
        } else {
            reply = .html(WebLayout.errorPage(failure), status: failure.status)
        }
        if case .tooManyAttempts(_, let seconds) = failure { reply = reply.with("Retry-After", String(seconds)) }
        return reply
    }
}
