import ClinicData

/// The API's OpenAPI 3 document, written by hand (served at `/api/v1/openapi.json`): each route
/// below says its parameters, body, answer and error statuses once; the builders after it write
/// the parts every route shares (parameters, JSON bodies, the problem+json errors).
enum OpenAPIDocument {
    static let text = document.description

    static let document: JSONValue = .members([
        ("openapi", .string("3.0.3")),
        ("info", .object([
            "title": .string("clinic-plan serve API"),
            "version": .string("1.0.0"),
            "description": .string("The documents of the CLI's --format json, cut to what the signed-in user may see. "
                                   + "Sign in with the session cookie of POST /login (then send X-CSRF-Token on writes) "
                                   + "or with a bearer token an admin issues (POST /api/v1/tokens). "
                                   + "Errors are application/problem+json."),
        ])),
        ("servers", .array([.object(["url": .string("/")])])),
        ("security", .array([.object(["bearer": .array([])]), .object(["session": .array([])])])),
        ("paths", .members(paths)),
        ("components", .object([
            "securitySchemes": .object([
                "bearer": .object(["type": .string("http"), "scheme": .string("bearer")]),
                "session": .object(["type": .string("apiKey"), "in": .string("cookie"), "name": .string(ServeApp.sessionCookie)]),
            ]),
            "responses": .object([
                "Problem": .object([
                    "description": .string("an error (RFC 9457)"),
                    "content": .object(["application/problem+json": .object(["schema": object(
                        required: ["title", "status", "detail"],
                        ["type": string, "title": string, "status": integer, "detail": string, "suggestions": array(of: string)])])]),
                ]),
            ]),
        ])),
    ])

    /// The routes, in the order the README lists them.
    private static let paths: [(String, JSONValue)] = [
        ("/api/v1/plan", .object(["get": operation(
            "The week's plan (plan --format json)",
            parameters: [query("week", "any date of the week (YYYY-MM-DD)", date), doctorParameter],
            answer: (200, "the plan", anyObject), problems: reads)])),
        ("/api/v1/conflicts", .object(["get": operation(
            "Conflicts (conflicts --format json)",
            parameters: rangeParameters + [doctorParameter],
            answer: (200, "the conflict report", anyObject), problems: reads)])),
        ("/api/v1/reports/{name}", .object(["get": operation(
            "One of the fourteen reports (report NAME --format json)",
            parameters: [path("name")] + rangeParameters,
            answer: (200, "the report", anyObject), problems: reads)])),
        ("/api/v1/people", .object(["get": operation(
            "Doctors, and the patients and reps the user may see",
            answer: (200, "people", object(required: ["doctors", "patients", "medical_reps"],
                                           ["doctors": array(of: anyObject), "patients": array(of: anyObject),
                                            "medical_reps": array(of: anyObject)])),
            problems: reads)])),
        ("/api/v1/bookings", .object(["post": operation(
            "Book an appointment (patient) or request a rep visit (rep) after the five checks",
            body: (true, object(required: ["doctor", "date", "time"],
                                ["doctor": string, "patient": string, "rep": string, "date": date,
                                 "time": .object(["type": .string("string"), "example": .string("09:40")])])),
            answer: (201, "booked", object(required: ["_id", "message", "changes"],
                                           ["_id": string, "message": string, "changes": changeSet])),
            problems: reads + [422, 503])])),
        ("/api/v1/bookings/{id}", .object(["delete": operation(
            "Cancel an appointment or rep visit (with date: only that occurrence)",
            parameters: [path("id"), query("date", "only this occurrence", date)],
            answer: (200, "cancelled", object(required: ["_id", "message"], ["_id": string, "message": string])),
            problems: reads + [409, 503])])),
        ("/api/v1/rebookings", .object(["post": operation(
            "Preview a rebooking (nothing is written)",
            body: (true, object(["from": date, "days": .object(["type": .string("integer"), "minimum": .int(1)]), "doctor": string,
                                 "closures": array(of: object(required: ["date"], ["date": date, "reason": string]))])),
            answer: (201, "the preview", object(required: ["id", "rebooking", "changes"],
                                                ["id": string, "rebooking": anyObject, "changes": changeSet])),
            problems: reads + [503])])),
        ("/api/v1/rebookings/{id}/apply", .object(["post": operation(
            "Apply a preview as one transaction (409 when the data changed since)",
            parameters: [path("id")],
            answer: (200, "applied", object(required: ["id", "applied", "call_list"],
                                            ["id": string, "applied": integer, "call_list": string])),
            problems: reads + [409, 503])])),
        ("/api/v1/tokens", .object(["post": operation(
            "An admin issues a bearer token acting as a user",
            body: (false, object(["email": string])),
            answer: (201, "the token", object(required: ["token", "email"], ["token": string, "email": string])),
            problems: reads + [503])])),
    ]

    // MARK: - Builders

    /// The errors every route may answer: a bad parameter, not signed in, not allowed, not found.
    private static let reads = [400, 401, 403, 404]

    private static let string: JSONValue = .object(["type": .string("string")])
    private static let integer: JSONValue = .object(["type": .string("integer")])
    private static let date: JSONValue = .object(["type": .string("string"), "format": .string("date")])
    private static let anyObject: JSONValue = .object(["type": .string("object")])
    private static let changeSet: JSONValue = .object([
        "type": .string("array"), "items": anyObject, "description": .string("the change set, as book --format json prints it"),
    ])

    private static let doctorParameter = query("doctor", "a doctor's _id", string)
    private static let rangeParameters = [query("from", "first date", date), query("days", "number of days", integer)]

    private static func array(of items: JSONValue) -> JSONValue { .object(["type": .string("array"), "items": items]) }

    private static func object(required: [String] = [], _ properties: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string("object"))]
        if !required.isEmpty { members.append(("required", .strings(required))) }
        members.append(("properties", .members(properties.map { ($0.key, $0.value) })))
        return .members(members)
    }

    private static func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        .object(["name": .string(name), "in": .string("query"), "required": .bool(false), "description": .string(description),
                 "schema": schema])
    }

    private static func path(_ name: String) -> JSONValue {
        .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": string])
    }

    private static func json(_ schema: JSONValue) -> JSONValue {
        .object(["application/json": .object(["schema": schema])])
    }

    /// One operation: its parameters, its JSON body (whether required, its schema), its answer
    /// and the statuses it answers with a problem.
    private static func operation(_ summary: String, parameters: [JSONValue] = [], body: (Bool, JSONValue)? = nil,
                                  answer: (Int, String, JSONValue), problems: [Int]) -> JSONValue {
        var members: [(String, JSONValue)] = [("summary", .string(summary))]
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let (required, schema) = body {
            members.append(("requestBody", .object(["required": .bool(required), "content": json(schema)])))
        }
        let problem: JSONValue = .object(["$ref": .string("#/components/responses/Problem")])
        let responses = [(String(answer.0), JSONValue.object(["description": .string(answer.1), "content": json(answer.2)]))]
            + problems.map { (String($0), problem) }
        members.append(("responses", .members(responses)))
        return .members(members)
    }
}
