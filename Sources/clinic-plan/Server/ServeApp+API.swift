import ClinicData
import Foundation
import SlotSolver

/// `/api/v1/…`: the CLI's `--format json` documents, cut to what the user may see, and the
/// writes as JSON. Described by `OpenAPIDocument`.
extension ServeApp {
    func apiPlan(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let scope = viewer.scope
        let date = try parseDate(incoming.query["week"], name: "week") ?? LocalDate.today(in: viewer.clinic.timeZone)
        let range = DateRange(first: date.startOfWeek, count: 7)
        let doctor = try scope.doctor(incoming.query["doctor"])
        return .json(cached(viewer, "api plan", [range.first.description, doctorParameter(doctor, viewer)]) {
            let plan = scope.plan(range: range, doctor: doctor)
            let conflicts = scope.conflicts(range: range, doctor: doctor)
            return PlanRenderer(clinic: viewer.clinic, plan: plan, conflicts: conflicts).json().description
        })
    }

    /// A doctor as an answer's cache key names it ("" for every doctor the user sees).
    func doctorParameter(_ doctor: Int32?, _ viewer: Viewer) -> String {
        doctor.map { viewer.clinic.model.doctorIDs[Int($0)] } ?? ""
    }

    func apiConflicts(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        try viewer.scope.requireConflicts()
        let range = try parseRange(incoming, viewer: viewer)
        let doctor = try viewer.scope.doctor(incoming.query["doctor"])
        return .json(cached(viewer, "api conflicts", range.parameters + [doctorParameter(doctor, viewer)]) {
            let report = viewer.scope.conflicts(range: range, doctor: doctor)
            return ConflictRenderer(clinic: viewer.clinic, range: range).json(report).description
        })
    }

    func apiReport(_ incoming: Incoming, _ viewer: Viewer, name text: String) throws -> Reply {
        try viewer.scope.requireReports()
        guard let name = ReportName(rawValue: text.lowercased()) else {
            throw ServerFailure.notFound("no report \(text) (reports: \(ReportName.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let clinic = viewer.clinic
        let range = try parseRange(incoming, viewer: viewer)
        return .json(cached(viewer, "api report", [name.rawValue] + range.parameters) {
            let analytics = ClinicAnalytics(dataset: clinic.dataset, model: clinic.model, calendar: clinic.calendar,
                                            range: range, doctor: nil)
            let table = ReportTables(clinic: clinic, analytics: analytics, threshold: 0.5).table(name)
            return ReportRenderer(clinic: clinic, range: range, doctor: nil).json(table).description
        })
    }

    /// The people the user may see: every doctor (to book with), and the patients and reps
    /// whose bookings they see (their own only, for a patient or a rep).
    func apiPeople(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        .json(cached(viewer, "api people", []) { people(viewer) })
    }

    private func people(_ viewer: Viewer) -> String {
        let scope = viewer.scope, clinic = viewer.clinic
        let doctors = clinic.dataset.doctors.indices.map { d -> JSONValue in
            .members([("_id", .string(clinic.dataset.doctors[d].id.description)), ("name", .string(clinic.names.doctorNames[d])),
                      ("detail", .string(clinic.names.doctorDetails[d]))])
        }
        let patients = scope.patients.map { p -> JSONValue in
            .members([("_id", .string(clinic.dataset.patients[Int(p)].id.description)), ("name", .string(clinic.names.patientNames[Int(p)]))])
        }
        let reps = scope.reps.map { r -> JSONValue in
            .members([("_id", .string(clinic.dataset.medicalReps[Int(r)].id.description)), ("name", .string(clinic.names.repNames[Int(r)])),
                      ("company", .string(clinic.names.repCompanies[Int(r)]))])
        }
        return JSONValue.members([("doctors", .array(doctors)), ("patients", .array(patients)),
                                  ("medical_reps", .array(reps))]).description
    }

    func apiBook(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let body = try jsonBody(incoming)
        let booked = try book(BookingInput(doctor: body.string("doctor"), patient: body.string("patient"), rep: body.string("rep"),
                                           date: body.string("date"), time: body.string("time")), by: viewer)
        return .json(JSONValue.members([("_id", .string(booked.id)), ("message", .string(booked.sentence)),
                                        ("changes", booked.changes.json)]).description, status: 201)
            .with("Location", "/api/v1/bookings/\(booked.id)")
    }

    func apiCancel(_ incoming: Incoming, _ viewer: Viewer, id: String) throws -> Reply {
        let sentence = try cancel(id, date: incoming.query["date"], by: viewer)
        return .json(JSONValue.members([("_id", .string(id)), ("message", .string(sentence))]).description)
    }

    func apiRebookPreview(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        let body = try jsonBody(incoming)
        var closures: [(String, String)] = []
        for item in body.objects("closures") ?? [] {
            guard let date = item["date"] as? String else { throw ServerFailure.badRequest("each closure needs a date") }
            closures.append((date, item["reason"] as? String ?? "Closed"))
        }
        if body.object?["days"] != nil && body.int("days") == nil { throw ServerFailure.badRequest("days must be a whole number") }
        let preview = try rebookPreview(RebookInput(from: body.string("from"), days: body.int("days"), doctor: body.string("doctor"),
                                                    closures: closures), by: viewer)
        return .json(JSONValue.members([("id", .string(preview.id)), ("rebooking", preview.renderer.json()),
                                        ("changes", preview.changes.json)]).description, status: 201)
    }

    func apiRebookApply(_ incoming: Incoming, _ viewer: Viewer, id: String) throws -> Reply {
        let preview = try rebookApply(id, by: viewer)
        return .json(JSONValue.members([("id", .string(id)), ("applied", .int(preview.changes.count)),
                                        ("call_list", .string(preview.callList))]).description)
    }

    /// An admin issues a bearer token that acts as the given user (default: themselves).
    func apiIssueToken(_ incoming: Incoming, _ viewer: Viewer) throws -> Reply {
        guard viewer.signedIn.role == .admin else {
            throw ServerFailure.forbidden("\(viewer.email) (\(viewer.signedIn.role.rawValue)) may not issue API tokens")
        }
        let email = incoming.json?.string("email") ?? viewer.email
        guard viewer.clinic.dataset.users.contains(where: { $0.email.lowercased() == email.lowercased() }) else {
            throw ServerFailure.notFound("no user with email \(email)")
        }
        let token = try secrets.issueBearer(email: email)
        try? AuditLog(folder: live.data.folderURL).append(
            AuditEntry(user: viewer.email, action: "issue api token", ids: [("email", email)], outcome: .confirmed,
                       detail: "bearer token issued"))
        return .json(JSONValue.members([("token", .string(token)), ("email", .string(email))]).description, status: 201)
    }

    private func jsonBody(_ incoming: Incoming) throws(ServerFailure) -> JSONBody {
        guard let body = incoming.json, body.object != nil else {
            throw .badRequest("the body must be a JSON object (Content-Type: application/json)")
        }
        return body
    }
}
