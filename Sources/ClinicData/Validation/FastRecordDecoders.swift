import CSimdjson
import SlotSolver

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `RecordDecoders` for the loader's fast path: each reads a document simdjson has parsed and
/// returns its record only when the document is clean (every field present and valid, no
/// warning), exactly the record `RecordDecoders` would make. Anything else returns nil and the
/// document goes through `DocumentReader` and `RecordDecoders`, which report what is wrong in
/// their usual words. Clean documents are nearly all of a real export, so the careful path runs
/// only where there is something to say.
enum FastRecordDecoders {
    static func user(_ o: FastObject, _ recent: inout RecentReferences) -> User? {
        guard let id = o.id("_id"), let name = o.string("name"), let email = o.string("email"),
              let password = o.string("password"), PasswordHash.looksHashed(password),
              let role = o.choice("role", UserRole.self) else { return nil }
        return User(id: id, name: name, email: email, password: password, role: role)
    }

    static func doctor(_ o: FastObject, _ recent: inout RecentReferences) -> Doctor? {
        guard let id = o.id("_id"), let userId = o.id("user_id"), let specialization = o.string("specialization"),
              let clinicName = o.string("clinic_name"), let fee = o.double("consultation_fee"), fee >= 0, fee <= ValueDomains.maxFee else { return nil }
        return Doctor(id: id, userId: userId, specialization: specialization, clinicName: clinicName, consultationFee: fee)
    }

    static func patient(_ o: FastObject, _ recent: inout RecentReferences) -> Patient? {
        guard let id = o.id("_id"), let userId = o.id("user_id"), let age = o.integer("age"), (0...ValueDomains.maxAge).contains(age),
              let gender = o.string("gender"), let phone = o.string("phone"),
              let bloodType = o.string("blood_type") else { return nil }
        return Patient(id: id, userId: userId, age: age, gender: gender, phone: phone, bloodType: bloodType)
    }

    static func medicalRep(_ o: FastObject, _ recent: inout RecentReferences) -> MedicalRep? {
        guard let id = o.id("_id"), let userId = o.id("user_id"), let companyName = o.string("company_name"),
              let companyPhone = o.string("company_phone"), let drugSpecialty = o.string("drug_specialty"),
              let phone = o.string("phone") else { return nil }
        return MedicalRep(id: id, userId: userId, companyName: companyName, companyPhone: companyPhone,
                          drugSpecialty: drugSpecialty, phone: phone)
    }

    static func appointment(_ o: FastObject, _ recent: inout RecentReferences, timeZone: ClinicTimeZone) -> Appointment? {
        guard let id = o.id("_id"), let doctorId = o.reference("doctor_id", &recent.first),
              let patientId = o.reference("patient_id", &recent.second),
              let day = o.weekday("day"), let time = o.time("time", allowEndOfDay: false),
              let status = o.choice("status", AppointmentStatus.self),
              let date = o.optionalDate("date"), let skipDates = o.optionalDates("skip_dates") else { return nil }
        // Whatever `RecordDecoders.appointment` would warn about goes to it.
        if let date {
            guard skipDates.isEmpty, timeZone.local(epochMilliseconds: date).date.weekday == day else { return nil }
        } else {
            for skip in skipDates where timeZone.local(epochMilliseconds: skip).date.weekday != day { return nil }
        }
        return Appointment(id: id, doctorId: doctorId, patientId: patientId, day: day, time: time, status: status,
                           date: date.map(Instant.init(epochMilliseconds:)),
                           skipDates: skipDates.map(Instant.init(epochMilliseconds:)))
    }

    static func repVisit(_ o: FastObject, _ recent: inout RecentReferences) -> RepVisit? {
        guard let id = o.id("_id"), let doctorId = o.reference("doctor_id", &recent.first),
              let repId = o.reference("rep_id", &recent.second),
              let date = o.member("date").flatMap(FastExtendedJSON.date),
              let status = o.choice("status", VisitStatus.self) else { return nil }
        var summary: VisitSummary?
        if let value = o.member("visit_summary"), value.type != CSJ_NULL {
            guard value.type == CSJ_OBJECT else { return nil }
            summary = withUnsafeTemporaryAllocation(of: csj_member.self, capacity: 8) { buffer -> VisitSummary? in
                let count = csj_object_members(value.element, buffer.baseAddress, buffer.count)
                guard count <= buffer.count else { return nil }
                let inner = FastObject(UnsafeBufferPointer(rebasing: buffer[0..<count]))
                guard let samples = inner.optionalInteger("samples"), let duration = inner.optionalInteger("duration_min"),
                      let topic = inner.optionalString("discussion_topic"),
                      let feedback = inner.optionalString("feedback"),
                      samples.map({ (0...ValueDomains.maxSamples).contains($0) }) ?? true,
                      duration.map({ $0 <= ValueDomains.maxLengthMinutes }) ?? true else { return nil }
                return VisitSummary(samples: samples, durationMin: duration, discussionTopic: topic, feedback: feedback)
            }
            guard summary != nil else { return nil }
        }
        return RepVisit(id: id, doctorId: doctorId, repId: repId, date: Instant(epochMilliseconds: date),
                        status: status, visitSummary: summary)
    }

    static func schedule(_ o: FastObject, _ recent: inout RecentReferences) -> Schedule? {
        guard let id = o.id("_id"), let doctorId = o.reference("doctor_id", &recent.first), let day = o.weekday("day"),
              let patientStart = o.time("patient_start_time", allowEndOfDay: false),
              let patientEnd = o.time("patient_end_time", allowEndOfDay: true),
              let repStart = o.time("rep_start_time", allowEndOfDay: false),
              let repEnd = o.time("rep_end_time", allowEndOfDay: true),
              let maxPatients = o.integer("max_patients"), let maxReps = o.integer("max_reps"),
              let minutes = o.optionalInteger("appointment_minutes"),
              patientStart < patientEnd, repStart < repEnd,
              (0...ValueDomains.maxCapacity).contains(maxPatients), (0...ValueDomains.maxCapacity).contains(maxReps)
        else { return nil }
        if let minutes, !(1...ValueDomains.maxLengthMinutes).contains(minutes) { return nil }
        return Schedule(id: id, doctorId: doctorId, day: day, patientStart: patientStart, patientEnd: patientEnd,
                        repStart: repStart, repEnd: repEnd, maxPatients: maxPatients, maxReps: maxReps,
                        appointmentMinutes: minutes)
    }

    static func clinicDay(_ o: FastObject, _ recent: inout RecentReferences) -> ClinicDay? {
        guard let id = o.id("_id"), let doctorId = o.reference("doctor_id", &recent.first),
              let date = o.member("date").flatMap(FastExtendedJSON.date),
              let isOpen = o.bool("is_open"), let reason = o.optionalString("reason") else { return nil }
        return ClinicDay(id: id, doctorId: doctorId, date: Instant(epochMilliseconds: date), isOpen: isOpen,
                         reason: reason ?? "")
    }
}

// MARK: - Fields

/// The ObjectId last read for each reference field of a collection, with its text. Consecutive
/// documents often name the same doctor (exports keep insertion order, and clinics book by
/// doctor), so its id is reused rather than made again.
struct RecentReferences {
    struct Entry {
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var id: DocumentID?
    }

    var first = Entry()
    var second = Entry()
}

/// Field readers in `DocumentReader`'s terms: a required field is present (null included) and of
/// the right form; an optional one is absent, null, or of the right form. nil means "not clean".
/// Optional readers return `.some(nil)` for an absent field.
extension FastObject {
    @inline(__always) func id(_ key: StaticString) -> DocumentID? {
        member(key).flatMap(FastExtendedJSON.documentID)
    }

    /// A reference field, as `id`, reusing the id of `recent` when the text is the same.
    @inline(__always) func reference(_ key: StaticString, _ recent: inout RecentReferences.Entry) -> DocumentID? {
        guard let value = member(key) else { return nil }
        guard value.type == CSJ_OBJECT, value.size == 1, value.inner_type == CSJ_STRING,
              value.inner_string_length == 24, let pointer = value.inner_string else {
            return FastExtendedJSON.documentID(value)
        }
        let raw = UnsafeRawPointer(pointer)
        let text = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                    raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        if let id = recent.id, text == recent.text, value.inner_key_length == 4,
           memcmp(value.inner_key, "$oid", 4) == 0 {
            return id
        }
        let id = FastExtendedJSON.documentID(value)
        if case .objectId? = id { recent = RecentReferences.Entry(text: text, id: id) }
        return id
    }

    @inline(__always) func string(_ key: StaticString) -> String? {
        guard let value = member(key), value.type == CSJ_STRING else { return nil }
        return value.text
    }

    @inline(__always) func integer(_ key: StaticString) -> Int? {
        member(key).flatMap(FastExtendedJSON.integer).map { Int($0) }
    }

    @inline(__always) func double(_ key: StaticString) -> Double? {
        member(key).flatMap(FastExtendedJSON.double)
    }

    @inline(__always) func bool(_ key: StaticString) -> Bool? {
        guard let value = member(key) else { return nil }
        if value.type == CSJ_TRUE { return true }
        if value.type == CSJ_FALSE { return false }
        return nil
    }

    private func optional(_ key: StaticString) -> csj_member? {
        guard let value = member(key), value.type != CSJ_NULL else { return nil }
        return value
    }

    func optionalString(_ key: StaticString) -> String?? {
        guard let value = optional(key) else { return .some(nil) }
        return value.type == CSJ_STRING ? .some(value.text) : nil
    }

    func optionalInteger(_ key: StaticString) -> Int?? {
        guard let value = optional(key) else { return .some(nil) }
        return FastExtendedJSON.integer(value).map { .some(Int($0)) } ?? nil
    }

    func optionalDate(_ key: StaticString) -> Int64?? {
        guard let value = optional(key) else { return .some(nil) }
        return FastExtendedJSON.date(value).map { .some($0) } ?? nil
    }

    /// An optional array of ISODates: empty when absent.
    func optionalDates(_ key: StaticString) -> [Int64]? {
        guard let value = optional(key) else { return [] }
        guard value.type == CSJ_ARRAY else { return nil }
        var elements = [csj_member](repeating: csj_member(), count: 16)
        var count = csj_array_elements(value.element, &elements, elements.count)
        if count > elements.count {
            elements = [csj_member](repeating: csj_member(), count: count)
            count = csj_array_elements(value.element, &elements, elements.count)
        }
        var dates: [Int64] = []
        dates.reserveCapacity(count)
        for element in elements[0..<count] {
            guard let ms = FastExtendedJSON.date(element) else { return nil }
            dates.append(ms)
        }
        return dates
    }

    func weekday(_ key: StaticString) -> Weekday? {
        guard let value = member(key), value.type == CSJ_STRING else { return nil }
        // The seed's capitalised names, compared as bytes; other spellings the general way.
        for (i, name) in Self.weekdayNames.enumerated() where value.string_length == name.utf8CodeUnitCount {
            if memcmp(value.string, name.utf8Start, name.utf8CodeUnitCount) == 0 { return Weekday(rawValue: i) }
        }
        let text = value.text
        return DocumentReader.weekdays[text] ?? Weekday(name: text)
    }

    private static let weekdayNames: [StaticString] = [
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    ]

    /// An "HH:MM" time, as `MinuteOfDay(hhmm:allowEndOfDay:)` reads it.
    func time(_ key: StaticString, allowEndOfDay: Bool) -> MinuteOfDay? {
        guard let value = member(key), value.type == CSJ_STRING else { return nil }
        let bytes = value.stringBytes
        if bytes.count == 5, bytes[2] == UInt8(ascii: ":") {
            let h1 = bytes[0] &- 48, h2 = bytes[1] &- 48, m1 = bytes[3] &- 48, m2 = bytes[4] &- 48
            guard h1 <= 9, h2 <= 9, m1 <= 9, m2 <= 9 else { return nil }
            let hour = Int(h1) * 10 + Int(h2), minute = Int(m1) * 10 + Int(m2)
            if hour == 24 && minute == 0 && allowEndOfDay { return MinuteOfDay(1440) }
            guard hour < 24, minute < 60 else { return nil }
            return MinuteOfDay(hour: hour, minute: minute)
        }
        return MinuteOfDay(hhmm: value.text, allowEndOfDay: allowEndOfDay)
    }

    func choice<Value: RawRepresentable & CaseIterable>(_ key: StaticString, _: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let value = member(key), value.type == CSJ_STRING else { return nil }
        // Exact raw values compared as bytes first: no string to make for the usual spelling.
        for candidate in Value.allCases {
            var raw = candidate.rawValue
            let same = raw.withUTF8 { raw in
                raw.count == value.string_length && (raw.isEmpty || memcmp(raw.baseAddress!, value.string, raw.count) == 0)
            }
            if same { return candidate }
        }
        let lowered = value.text.lowercased()
        return Value.allCases.first { $0.rawValue == lowered }
    }
}
