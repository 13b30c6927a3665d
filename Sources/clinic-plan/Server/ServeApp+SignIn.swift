import ClinicData
import Foundation
import SlotSolver

/// The signed-in user of a request, with the clinic as the folder held it when the request came.
struct Viewer {
    let signedIn: SignedInUser
    let snapshot: ClinicSnapshot
    /// nil for a bearer token (no forms, no CSRF token).
    let session: WebSession?

    var clinic: Clinic { snapshot.clinic }
    var email: String { signedIn.user.email }
    var csrf: String { session?.csrf ?? "" }
    var scope: ViewScope { ViewScope(signedIn: signedIn, clinic: clinic) }
}

extension ServeApp {
    /// The signed-in user, by session cookie or bearer token; 401 otherwise.
    func viewer(_ incoming: Incoming) throws -> Viewer {
        let snapshot = try live.snapshot()
        var email: String?
        var session: WebSession?
        if let token = incoming.bearer {
            guard let found = secrets.bearerEmail(token) else { throw ServerFailure.unauthorized("unknown bearer token") }
            email = found
        } else if let id = incoming.cookies[ServeApp.sessionCookie] {
            session = sessions.find(id)
            email = session?.email
            if session == nil { throw ServerFailure.unauthorized("the session has expired; sign in again") }
        }
        guard let email else { throw ServerFailure.unauthorized("sign in first") }
        guard let signedIn = snapshot.signedIn(email: email), session == nil || signedIn.user.id == session!.userID else {
            throw ServerFailure.unauthorized("the account \(email) no longer exists")
        }
        return Viewer(signedIn: signedIn, snapshot: snapshot, session: session)
    }

    /// A viewer for a request that changes something: a browser session must also send its CSRF
    /// token (the form's `csrf` field, or the `X-CSRF-Token` header for the API).
    func writer(_ incoming: Incoming) throws -> Viewer {
        let viewer = try viewer(incoming)
        if let session = viewer.session {
            let sent = incoming.form["csrf"] ?? incoming.csrfHeader ?? ""
            guard Secret.equal(sent, session.csrf) else {
                throw ServerFailure.forbidden("the form's CSRF token is missing or wrong; reload the page and try again")
            }
        }
        return viewer
    }

    // MARK: - routes

    func loginPage(_ incoming: Incoming) throws -> Reply {
        let token = Secret.make()
        return .html(WebLayout.loginPage(csrf: token, next: incoming.query["next"], message: nil))
            .with("Set-Cookie", cookie(ServeApp.loginCookie, token))
    }

    func login(_ incoming: Incoming) throws -> Reply {
        let email = incoming.form["email"] ?? ""
        let password = incoming.form["password"] ?? ""
        let log = AuditLog(folder: live.data.folderURL)
        func audit(_ outcome: AuditEntry.Outcome, _ detail: String) {
            try? log.append(AuditEntry(user: email, action: "login", ids: [("address", incoming.address)],
                                       outcome: outcome, detail: detail))
        }
        guard let sent = incoming.form["csrf"], let expected = incoming.cookies[ServeApp.loginCookie],
              Secret.equal(sent, expected) else {
            audit(.loginFailed, "missing or wrong CSRF token")
            throw ServerFailure.forbidden("the sign-in form's CSRF token is missing or wrong; reload the form")
        }
        if let seconds = throttle.wait(email: email, address: incoming.address) {
            audit(.loginFailed, "rate limited")
            throw ServerFailure.tooManyAttempts("too many failed sign-ins; try again in \(seconds) s", retryAfter: seconds)
        }
        switch Authenticator.signIn(email: email, password: password, users: try live.snapshot().clinic.dataset.users) {
        case .signedIn(let user):
            audit(.confirmed, "signed in")
            let session = sessions.create(for: user)
            let next = incoming.form["next"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
            return Reply.redirect(next).with("Set-Cookie", cookie(ServeApp.sessionCookie, session.id))
                .with("Set-Cookie", cookie(ServeApp.loginCookie, "", expire: true))
        case .refused(let failure):
            audit(.loginFailed, failure.reason.rawValue)
            throttle.recordFailure(email: email, address: incoming.address)
            let token = Secret.make()
            return .html(WebLayout.loginPage(csrf: token, next: incoming.form["next"], message: "Wrong email or password."),
                         status: 401)
                .with("Set-Cookie", cookie(ServeApp.loginCookie, token))
        }
    }

    func logout(_ incoming: Incoming) throws -> Reply {
        let viewer = try writer(incoming)
        if let session = viewer.session { sessions.end(session.id) }
        try? AuditLog(folder: live.data.folderURL).append(
            AuditEntry(user: viewer.email, action: "logout", ids: [("address", incoming.address)], outcome: .confirmed,
                       detail: "signed out"))
        return Reply.redirect("/login").with("Set-Cookie", cookie(ServeApp.sessionCookie, "", expire: true))
    }

    /// A cookie only this site's own pages send back (`SameSite=Strict`), out of scripts' reach.
    private func cookie(_ name: String, _ value: String, expire: Bool = false) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict" + (expire ? "; Max-Age=0" : "")
    }
}
