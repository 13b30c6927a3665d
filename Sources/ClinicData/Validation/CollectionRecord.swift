import SlotSolver

/// One collection, described once: its name and files (`CollectionName`, named by
/// `StoredRecord.collection`), its record type,
/// where its records live in a `ClinicDataset`, its reference fields (with the collection, and
/// for users the role, that each must name), how a document is decoded (`decode`, one function
/// over either `FieldReader` back end) and how a record is written (`StoredRecord.fields`).
///
/// Every list of collections is derived from these conformances: the loader's jobs, the checks
/// between documents (`CrossChecks`), what each file's summary keeps (`CollectionSummary`) and
/// write-back. `CollectionName.with` is the one place that gives a name its record type.
protocol CollectionRecord: StoredRecord {
    static var records: WritableKeyPath<ClinicDataset, [Self]> { get }
    /// The reference fields, in the order `decode` reads them.
    static var references: [ReferenceField<Self>] { get }
    /// The record a document holds, or nil when a required field is missing or unreadable;
    /// problems (and whether the document may load) are the reader's.
    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> Self?
}

/// A field of a record that names a document of another collection.
struct ReferenceField<Record> {
    let field: String
    let target: CollectionName
    /// For references to users: the role the user must have.
    var role: UserRole?
    let value: (Record) -> DocumentID
}

/// Work done with one collection's record type (`CollectionName.with`).
protocol CollectionRecordVisitor {
    associatedtype Result
    func visit<Record: CollectionRecord>(_: Record.Type) -> Result
}

extension CollectionName {
    /// `visitor` run with the collection's record type, which describes it (`CollectionRecord`).
    /// The one place that pairs each name with its type. The type is passed statically, so that
    /// the visitor's generic code is specialized for it (through `recordType`, an existential,
    /// decoding a file would run unspecialized: several times slower).
    func with<Visitor: CollectionRecordVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch self {
        case .users: visitor.visit(User.self)
        case .doctors: visitor.visit(Doctor.self)
        case .patients: visitor.visit(Patient.self)
        case .medicalReps: visitor.visit(MedicalRep.self)
        case .appointments: visitor.visit(Appointment.self)
        case .repVisits: visitor.visit(RepVisit.self)
        case .schedules: visitor.visit(Schedule.self)
        case .clinicDays: visitor.visit(ClinicDay.self)
        }
    }

    /// The record type of the collection, for work that is not worth specializing.
    var recordType: any CollectionRecord.Type {
        struct TypeOf: CollectionRecordVisitor {
            func visit<Record: CollectionRecord>(_: Record.Type) -> any CollectionRecord.Type { Record.self }
        }
        return with(TypeOf())
    }

    /// The reference fields of the collection, without their record type.
    var referenceFields: [(field: String, target: CollectionName, role: UserRole?)] {
        func fields<Record: CollectionRecord>(_: Record.Type) -> [(field: String, target: CollectionName, role: UserRole?)] {
            Record.references.map { ($0.field, $0.target, $0.role) }
        }
        return fields(recordType)
    }

    /// The collection's place in `allCases`, which orders problems.
    var order: Int { Self.allCases.firstIndex(of: self)! }

    /// The collection as counts name it: "medical reps", "clinic days".
    public var noun: String { String(rawValue.lowercased().map { $0 == "_" ? " " : $0 }) }

    /// The `_id` of every record of this collection in `dataset`.
    func ids(in dataset: ClinicDataset) -> [DocumentID] {
        struct IDs: CollectionRecordVisitor {
            let dataset: ClinicDataset
            func visit<Record: CollectionRecord>(_: Record.Type) -> [DocumentID] { dataset[keyPath: Record.records].map(\.id) }
        }
        return with(IDs(dataset: dataset))
    }

    func count(in dataset: ClinicDataset) -> Int {
        struct Count: CollectionRecordVisitor {
            let dataset: ClinicDataset
            func visit<Record: CollectionRecord>(_: Record.Type) -> Int { dataset[keyPath: Record.records].count }
        }
        return with(Count(dataset: dataset))
    }
}

extension ClinicDataset {
    /// How many records each collection has, in collection order: "3 users, 1 doctors, …, 0 clinic days".
    public var countsDescription: String {
        CollectionName.allCases.map { "\($0.count(in: self)) \($0.noun)" }.joined(separator: ", ")
    }
}

// MARK: - The collections

extension User: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [User]> { \.users }
    static var references: [ReferenceField<User>] { [] }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> User? {
        let id = r.id()
        let name = r.string("name")
        let email = r.string("email")
        let password = r.string("password", sensitive: true)
        let role = r.choice("role", UserRole.self)
        if let password, !PasswordHash.looksHashed(password) {
            // Never echo the password itself: the message may end up in logs.
            r.warning("password", "does not look like a hash; security risk: user "
                      + (id?.description ?? "?") + (email.map { " (\($0))" } ?? "")
                      + " may have a plain-text password stored")
        }
        guard let id, let name, let email, let password, let role else { return nil }
        return User(id: id, name: name, email: email, password: password, role: role)
    }
}

extension Doctor: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [Doctor]> { \.doctors }
    static var references: [ReferenceField<Doctor>] {
        [ReferenceField(field: "user_id", target: .users, role: .doctor) { $0.userId }]
    }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> Doctor? {
        let id = r.id()
        let userId = r.reference("user_id")
        let specialization = r.string("specialization")
        let clinicName = r.string("clinic_name")
        let fee = r.number("consultation_fee")
        if let fee, fee < 0 {
            let found = r.found("consultation_fee")
            r.error("consultation_fee", "must not be negative (found \(found))")
        }
        if let fee, fee > ValueDomains.maxFee {
            let found = r.found("consultation_fee")
            r.error("consultation_fee", "must be at most \(Int(ValueDomains.maxFee)) (found \(found))")
        }
        guard let id, let userId, let specialization, let clinicName, let fee else { return nil }
        return Doctor(id: id, userId: userId, specialization: specialization, clinicName: clinicName, consultationFee: fee)
    }
}

extension Patient: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [Patient]> { \.patients }
    static var references: [ReferenceField<Patient>] {
        [ReferenceField(field: "user_id", target: .users, role: .patient) { $0.userId }]
    }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> Patient? {
        let id = r.id()
        let userId = r.reference("user_id")
        let age = r.integer("age")
        if let age, let problem = ValueDomains.countProblem(age, max: ValueDomains.maxAge) { r.error("age", problem) }
        let gender = r.string("gender")
        let phone = r.string("phone")
        let bloodType = r.string("blood_type")
        guard let id, let userId, let age, let gender, let phone, let bloodType else { return nil }
        return Patient(id: id, userId: userId, age: age, gender: gender, phone: phone, bloodType: bloodType)
    }
}

extension MedicalRep: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [MedicalRep]> { \.medicalReps }
    static var references: [ReferenceField<MedicalRep>] {
        [ReferenceField(field: "user_id", target: .users, role: .medicalRep) { $0.userId }]
    }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> MedicalRep? {
        let id = r.id()
        let userId = r.reference("user_id")
        let companyName = r.string("company_name")
        let companyPhone = r.string("company_phone")
        let drugSpecialty = r.string("drug_specialty")
        let phone = r.string("phone")
        guard let id, let userId, let companyName, let companyPhone, let drugSpecialty, let phone else { return nil }
        return MedicalRep(id: id, userId: userId, companyName: companyName, companyPhone: companyPhone,
                          drugSpecialty: drugSpecialty, phone: phone)
    }
}

extension Appointment: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [Appointment]> { \.appointments }
    static var references: [ReferenceField<Appointment>] {
        [ReferenceField(field: "doctor_id", target: .doctors) { $0.doctorId },
         ReferenceField(field: "patient_id", target: .patients) { $0.patientId }]
    }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> Appointment? {
        let timeZone = context.timeZone
        let id = r.id()
        let doctorId = r.reference("doctor_id")
        let patientId = r.reference("patient_id")
        let day = r.weekday("day")
        let time = r.time("time")
        let status = r.choice("status", AppointmentStatus.self)
        let date = r.optionalDate("date")
        let skipDates = r.optionalDates("skip_dates")
        if let day, let date {
            let local = timeZone.local(epochMilliseconds: date).date
            if local.weekday != day {
                r.warning("day", "\"\(day.name)\" does not match date \(local), a \(local.weekday.name) in \(timeZone.identifier)")
            }
        }
        if date != nil, let skipDates, !skipDates.isEmpty {
            r.warning("skip_dates", "is ignored: the appointment has a date, so it happens only once")
        } else if let day, let skipDates {
            for skip in skipDates {
                let local = timeZone.local(epochMilliseconds: skip).date
                if local.weekday != day {
                    r.warning("skip_dates", "\(local) is a \(local.weekday.name) in \(timeZone.identifier), not a \(day.name), so it skips nothing")
                }
            }
        }
        guard let id, let doctorId, let patientId, let day, let time, let status, let skipDates else { return nil }
        return Appointment(id: id, doctorId: doctorId, patientId: patientId, day: day, time: time, status: status,
                           date: date.map(Instant.init(epochMilliseconds:)),
                           skipDates: skipDates.isEmpty ? [] : skipDates.map(Instant.init(epochMilliseconds:)))
    }
}

extension RepVisit: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [RepVisit]> { \.repVisits }
    static var references: [ReferenceField<RepVisit>] {
        [ReferenceField(field: "doctor_id", target: .doctors) { $0.doctorId },
         ReferenceField(field: "rep_id", target: .medicalReps) { $0.repId }]
    }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> RepVisit? {
        let id = r.id()
        let doctorId = r.reference("doctor_id")
        let repId = r.reference("rep_id")
        let date = r.date("date")
        let status = r.choice("status", VisitStatus.self)
        let summary = r.optionalObject("visit_summary") { inner -> VisitSummary in
            let samples = inner.optionalInteger("samples")
            let duration = inner.optionalInteger("duration_min")
            // Not positive means the default length (the spec's rule); too long cannot be one visit.
            if let samples, let problem = ValueDomains.countProblem(samples, max: ValueDomains.maxSamples) {
                inner.error("samples", problem)
            }
            if let duration, duration > ValueDomains.maxLengthMinutes {
                inner.error("duration_min", "must be at most \(ValueDomains.maxLengthMinutes) minutes (found \(duration))")
            }
            let topic = inner.optionalString("discussion_topic")
            let feedback = inner.optionalString("feedback")
            return VisitSummary(samples: samples, durationMin: duration, discussionTopic: topic, feedback: feedback)
        }
        guard let id, let doctorId, let repId, let date, let status, let summary else { return nil }
        return RepVisit(id: id, doctorId: doctorId, repId: repId, date: Instant(epochMilliseconds: date),
                        status: status, visitSummary: summary)
    }
}

extension Schedule: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [Schedule]> { \.schedules }
    static var references: [ReferenceField<Schedule>] {
        [ReferenceField(field: "doctor_id", target: .doctors) { $0.doctorId }]
    }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> Schedule? {
        let id = r.id()
        let doctorId = r.reference("doctor_id")
        let day = r.weekday("day")
        let patientStart = r.time("patient_start_time")
        let patientEnd = r.time("patient_end_time", allowEndOfDay: true)
        let repStart = r.time("rep_start_time")
        let repEnd = r.time("rep_end_time", allowEndOfDay: true)
        let maxPatients = r.integer("max_patients")
        let maxReps = r.integer("max_reps")
        let minutes = r.optionalInteger("appointment_minutes")
        if let patientStart, let patientEnd, patientEnd <= patientStart {
            r.error("patient_end_time", "\"\(patientEnd)\" is not after patient_start_time \"\(patientStart)\"")
        }
        if let repStart, let repEnd, repEnd <= repStart {
            r.error("rep_end_time", "\"\(repEnd)\" is not after rep_start_time \"\(repStart)\"")
        }
        if let maxPatients, let problem = ValueDomains.countProblem(maxPatients, max: ValueDomains.maxCapacity) {
            r.error("max_patients", problem)
        }
        if let maxReps, let problem = ValueDomains.countProblem(maxReps, max: ValueDomains.maxCapacity) { r.error("max_reps", problem) }
        if let minutes, minutes <= 0 { r.error("appointment_minutes", "must be positive (found \(minutes))") }
        if let minutes, minutes > ValueDomains.maxLengthMinutes {
            r.error("appointment_minutes", "must be at most \(ValueDomains.maxLengthMinutes) minutes (found \(minutes))")
        }
        guard let id, let doctorId, let day, let patientStart, let patientEnd, let repStart, let repEnd,
              let maxPatients, let maxReps else { return nil }
        return Schedule(id: id, doctorId: doctorId, day: day, patientStart: patientStart, patientEnd: patientEnd,
                        repStart: repStart, repEnd: repEnd, maxPatients: maxPatients, maxReps: maxReps,
                        appointmentMinutes: minutes)
    }
}

extension ClinicDay: CollectionRecord {
    static var records: WritableKeyPath<ClinicDataset, [ClinicDay]> { \.clinicDays }
    static var references: [ReferenceField<ClinicDay>] {
        [ReferenceField(field: "doctor_id", target: .doctors) { $0.doctorId }]
    }

    static func decode<Reader: FieldReader>(_ r: inout Reader, _ context: DecodingContext) -> ClinicDay? {
        let id = r.id()
        let doctorId = r.reference("doctor_id")
        let date = r.date("date")
        let isOpen = r.bool("is_open")
        // The reason is descriptive only; an opening often has none.
        let reason = r.optionalString("reason") ?? ""
        guard let id, let doctorId, let date, let isOpen else { return nil }
        return ClinicDay(id: id, doctorId: doctorId, date: Instant(epochMilliseconds: date), isOpen: isOpen, reason: reason)
    }
}
