import SlotSolver

/// A record that can be written as a document: its fields in the seed's order (extensions
/// last), absent optional fields as nil so that an edit can tell "removed" from "unchanged".
public protocol StoredRecord: Hashable, Sendable {
    /// The collection such records live in.
    static var collection: CollectionName { get }
    var id: DocumentID { get }
    func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)]
}

extension StoredRecord {
    /// The whole document, absent fields left out.
    func document(_ mode: ExtendedJSONMode) -> JSONValue {
        .object(JSONObject(fields(mode).compactMap { field in field.value.map { JSONMember(field.key, $0) } }))
    }
}

private func encodeID(_ id: DocumentID, _ mode: ExtendedJSONMode) -> JSONValue { ExtendedJSON.encode(id: id, mode: mode) }
private func encodeInt(_ value: Int, _ mode: ExtendedJSONMode) -> JSONValue { ExtendedJSON.encode(integer: Int64(value), mode: mode) }
private func encodeDate(_ instant: Instant, _ mode: ExtendedJSONMode) -> JSONValue {
    ExtendedJSON.encode(date: instant.epochMilliseconds, mode: mode)
}

extension User: StoredRecord {
    public static var collection: CollectionName { .users }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        [("_id", encodeID(id, mode)), ("name", .string(name)), ("email", .string(email)),
         ("password", .string(password)), ("role", .string(role.rawValue))]
    }
}

extension Doctor: StoredRecord {
    public static var collection: CollectionName { .doctors }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        [("_id", encodeID(id, mode)), ("user_id", encodeID(userId, mode)),
         ("specialization", .string(specialization)), ("clinic_name", .string(clinicName)),
         ("consultation_fee", ExtendedJSON.encode(double: consultationFee, mode: mode))]
    }
}

extension Patient: StoredRecord {
    public static var collection: CollectionName { .patients }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        [("_id", encodeID(id, mode)), ("user_id", encodeID(userId, mode)), ("age", encodeInt(age, mode)),
         ("gender", .string(gender)), ("phone", .string(phone)), ("blood_type", .string(bloodType))]
    }
}

extension MedicalRep: StoredRecord {
    public static var collection: CollectionName { .medicalReps }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        [("_id", encodeID(id, mode)), ("user_id", encodeID(userId, mode)),
         ("company_name", .string(companyName)), ("company_phone", .string(companyPhone)),
         ("drug_specialty", .string(drugSpecialty)), ("phone", .string(phone))]
    }
}

extension Appointment: StoredRecord {
    public static var collection: CollectionName { .appointments }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        [("_id", encodeID(id, mode)), ("doctor_id", encodeID(doctorId, mode)),
         ("patient_id", encodeID(patientId, mode)), ("day", .string(day.name)),
         ("time", .string(time.description)), ("status", .string(status.rawValue)),
         ("date", date.map { encodeDate($0, mode) }),
         ("skip_dates", skipDates.isEmpty ? nil : .array(skipDates.map { encodeDate($0, mode) }))]
    }
}

extension RepVisit: StoredRecord {
    public static var collection: CollectionName { .repVisits }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        var summary: JSONValue?
        if let visitSummary {
            let members: [JSONMember?] = [
                visitSummary.samples.map { JSONMember("samples", encodeInt($0, mode)) },
                visitSummary.durationMin.map { JSONMember("duration_min", encodeInt($0, mode)) },
                visitSummary.discussionTopic.map { JSONMember("discussion_topic", .string($0)) },
                visitSummary.feedback.map { JSONMember("feedback", .string($0)) },
            ]
            summary = .object(JSONObject(members.compactMap { $0 }))
        }
        return [("_id", encodeID(id, mode)), ("doctor_id", encodeID(doctorId, mode)),
                ("rep_id", encodeID(repId, mode)), ("date", encodeDate(date, mode)),
                ("status", .string(status.rawValue)), ("visit_summary", summary)]
    }
}

extension Schedule: StoredRecord {
    public static var collection: CollectionName { .schedules }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        [("_id", encodeID(id, mode)), ("doctor_id", encodeID(doctorId, mode)), ("day", .string(day.name)),
         ("patient_start_time", .string(patientStart.description)), ("patient_end_time", .string(patientEnd.description)),
         ("rep_start_time", .string(repStart.description)), ("rep_end_time", .string(repEnd.description)),
         ("max_patients", encodeInt(maxPatients, mode)), ("max_reps", encodeInt(maxReps, mode)),
         ("appointment_minutes", appointmentMinutes.map { encodeInt($0, mode) })]
    }
}

extension ClinicDay: StoredRecord {
    public static var collection: CollectionName { .clinicDays }
    public func fields(_ mode: ExtendedJSONMode) -> [(key: String, value: JSONValue?)] {
        [("_id", encodeID(id, mode)), ("doctor_id", encodeID(doctorId, mode)),
         ("date", encodeDate(date, mode)), ("is_open", .bool(isOpen)), ("reason", .string(reason))]
    }
}
