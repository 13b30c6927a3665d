/// The frame of every page: the site's menu, who is signed in (with the sign-out form), and
/// the login and error pages. Plain HTML forms: everything works without JavaScript.
enum WebLayout {
    static func page(_ title: String, viewer: Viewer?, body: String) -> String {
        var menu = ""
        if let viewer {
            var links = [("/week", "Week"), ("/book", "Book"), ("/cancel", "Cancel")]
            if viewer.scope.seesEveryBooking {
                links += [("/conflicts", "Conflicts"), ("/close", "Close"), ("/rebook", "Rebook"), ("/calendar", "Calendars")]
            }
            if viewer.signedIn.role == .admin { links.append(("/reports", "Reports")) }
            menu = "<nav class=\"menu\">" + links.map { "<a href=\"\($0.0)\">\($0.1)</a>" }.joined(separator: " ")
                + "<span class=\"who\">\(HTMLText.escape(viewer.email)) (\(HTMLText.escape(viewer.signedIn.role.rawValue)))"
                + "<form method=\"post\" action=\"/logout\" class=\"inline\">\(csrfField(viewer))"
                + "<button type=\"submit\">Sign out</button></form></span></nav>"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · clinic-plan</title>
        <link rel="stylesheet" href="/static/clinic.css">
        <link rel="icon" href="data:,">
        </head>
        <body>
        \(menu)
        <h1>\(HTMLText.escape(title))</h1>
        \(body)
        </body>
        </html>

        """
    }

    static func csrfField(_ viewer: Viewer) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLText.escape(viewer.csrf))\">"
    }

    static func loginPage(csrf: String, next: String?, message: String?) -> String {
        var body = message.map { "<p class=\"alert\" id=\"message\">\(HTMLText.escape($0))</p>" } ?? ""
        body += """
        <form method="post" action="/login" class="stack">
        <input type="hidden" name="csrf" value="\(HTMLText.escape(csrf))">
        <input type="hidden" name="next" value="\(HTMLText.escape(next ?? "/"))">
        <label>Email <input type="email" name="email" id="email" required autofocus></label>
        <label>Password <input type="password" name="password" id="password" required></label>
        <button type="submit" id="signin">Sign in</button>
        </form>
        """
        return page("Sign in", viewer: nil, body: body)
    }

    static func errorPage(_ failure: ServerFailure) -> String {
        var body = "<p class=\"alert\" id=\"message\">\(HTMLText.escape(failure.detail))</p>"
        if !failure.notes.isEmpty {
            body += "<p>Nearest free slots:</p><ul>" + failure.notes.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        }
        return page("\(failure.status) \(failure.title)", viewer: nil, body: body + "<p><a href=\"/\">Back to the week</a></p>")
    }

    /// A `<select>` of (value, label) options, `selected` preselected.
    static func select(_ name: String, _ options: [(String, String)], selected: String?, empty: String? = nil) -> String {
        var out = "<select name=\"\(name)\" id=\"\(name)\">"
        if let empty { out += "<option value=\"\">\(HTMLText.escape(empty))</option>" }
        for (value, label) in options {
            let mark = value == selected ? " selected" : ""
            out += "<option value=\"\(HTMLText.escape(value))\"\(mark)>\(HTMLText.escape(label))</option>"
        }
        return out + "</select>"
    }

    static let css = """
    .menu{display:flex;gap:1em;align-items:center;border-bottom:1px solid #ccc;padding-bottom:.5em;margin-bottom:1em}
    .menu .who{margin-left:auto;color:#555}.inline{display:inline;margin-left:.5em}
    form.stack{display:grid;gap:.6em;max-width:28em}form.stack label{display:grid;gap:.2em}
    table.list{border-collapse:collapse;margin:.5em 0}table.list td,table.list th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
    .moves{stroke:#c62828;stroke-width:2}.ok{color:#2e7d32;font-weight:600}.free a{margin-right:.4em}
    pre{background:#f6f6f6;padding:.6em;overflow:auto}
    """
}
