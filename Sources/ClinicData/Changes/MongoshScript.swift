/// Renders a change set as mongosh statements (`updateOne` with `$set` of just the changed
/// fields, `insertOne` of whole documents in the seed's field order), so a change computed on an
/// export can be carried to the live database.
public enum MongoshScript {
    /// - Parameter original: the data the changes were computed against; updates `$set` only the
    ///   fields that differ from it.
    public static func render(_ changeSet: ChangeSet, original: ClinicDataset) -> String {
        let appointments = Dictionary(original.appointments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let visits = Dictionary(original.repVisits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for change in changeSet.changes {
            switch change {
            case .updateAppointment(let new):
                let old = appointments[new.id]
                lines.append(update("appointments", new.id, [
                    field("day", old?.day, new.day, Literal.string(new.day.name)),
                    field("time", old?.time, new.time, Literal.string(new.time.description)),
                    field("status", old?.status, new.status, Literal.string(new.status.rawValue)),
                    field("date", old?.date, new.date, new.date.map(Literal.date) ?? "null"),
                    field("skip_dates", old?.skipDates, new.skipDates, Literal.dates(new.skipDates)),
                ]))
            case .updateRepVisit(let new):
                let old = visits[new.id]
                lines.append(update("rep_visits", new.id, [
                    field("date", old?.date, new.date, Literal.date(new.date)),
                    field("status", old?.status, new.status, Literal.string(new.status.rawValue)),
                ]))
            case .insertAppointment(let a):
                var members = [("_id", Literal.id(a.id)), ("doctor_id", Literal.id(a.doctorId)),
                               ("patient_id", Literal.id(a.patientId)), ("day", Literal.string(a.day.name)),
                               ("time", Literal.string(a.time.description)), ("status", Literal.string(a.status.rawValue))]
                if let date = a.date { members.append(("date", Literal.date(date))) }
                if !a.skipDates.isEmpty { members.append(("skip_dates", Literal.dates(a.skipDates))) }
                lines.append(insert("appointments", members))
            case .insertRepVisit(let v):
                var members = [("_id", Literal.id(v.id)), ("doctor_id", Literal.id(v.doctorId)),
                               ("rep_id", Literal.id(v.repId)), ("date", Literal.date(v.date)),
                               ("status", Literal.string(v.status.rawValue))]
                if let summary = v.visitSummary, let minutes = summary.durationMin {
                    members.append(("visit_summary", "{duration_min: \(minutes)}"))
                }
                lines.append(insert("rep_visits", members))
            case .insertClinicDay(let d):
                lines.append(insert("clinic_days", [
                    ("_id", Literal.id(d.id)), ("doctor_id", Literal.id(d.doctorId)), ("date", Literal.date(d.date)),
                    ("is_open", d.isOpen ? "true" : "false"), ("reason", Literal.string(d.reason)),
                ]))
            }
        }
        return lines.filter { !$0.isEmpty }.map { $0 + "\n" }.joined()
    }

    /// `name: value` when the field changed (or the original is unknown), else nil.
    private static func field<T: Equatable>(_ name: String, _ old: T?, _ new: T, _ literal: String) -> (String, String)? {
        old == new ? nil : (name, literal)
    }

    private static func update(_ collection: String, _ id: DocumentID, _ fields: [(String, String)?]) -> String {
        let set = fields.compactMap { $0 }
        guard !set.isEmpty else { return "" }
        let body = set.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return "db.\(collection).updateOne({_id: \(Literal.id(id))}, {$set: {\(body)}});"
    }

    private static func insert(_ collection: String, _ members: [(String, String)]) -> String {
        "db.\(collection).insertOne({" + members.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "});"
    }
}

/// mongosh literals for the values clinic-plan writes.
enum Literal {
    static func string(_ text: String) -> String {
        JSONWriter.text(.string(text))
    }

    static func id(_ id: DocumentID) -> String {
        switch id {
        case .objectId(let hex): "ObjectId(\"\(hex)\")"
        case .int(let value): String(value)
        case .string(let text): string(text)
        }
    }

    static func date(_ instant: Instant) -> String { "ISODate(\"\(instant)\")" }

    static func dates(_ instants: [Instant]) -> String { "[" + instants.map(date).joined(separator: ", ") + "]" }
}
