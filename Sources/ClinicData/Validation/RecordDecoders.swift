import SlotSolver

/// Turns each collection's documents into typed records, reporting field problems that can be
/// seen within one document (types, formats, enumerations, windows, capacities) and the
/// document-level warnings. Problems between documents are `CrossChecks`' job.
enum RecordDecoders {
    static func user(_ r: inout DocumentReader) -> User? {
        let id = r.readID()
        let name = r.string("name")
        let email = r.string("email")
        let password = r.string("password", sensitive: true)
        let role = r.choice("role", UserRole.self)
        if let password, !PasswordHash.looksHashed(password) {
            // Never echo the password itself: the message may end up in logs.
            let who = (id?.description ?? "?") + (email.map { " (\($0))" } ?? "")
            r.warning("password", "does not look like a hash; security risk: user \(who) may have a plain-text password stored")
        }
        guard let id, let name, let email, let password, let role else { return nil }
        return User(id: id, name: name, email: email, password: password, role: role)
    }

    static func doctor(_ r: inout DocumentReader) -> Doctor? {
        let id = r.readID()
        let userId = r.reference("user_id")
        let specialization = r.string("specialization")
        let clinicName = r.string("clinic_name")
        let fee = r.number("consultation_fee")
        if let fee, fee < 0 { r.error("consultation_fee", "must not be negative (found \(foundText(r.object["consultation_fee"]!)))") }
        if let fee, fee > ValueDomains.maxFee {
            r.error("consultation_fee", "must be at most \(Int(ValueDomains.maxFee)) (found \(foundText(r.object["consultation_fee"]!)))")
        }
        guard let id, let userId, let specialization, let clinicName, let fee else { return nil }
        return Doctor(id: id, userId: userId, specialization: specialization, clinicName: clinicName, consultationFee: fee)
    }

    static func patient(_ r: inout DocumentReader) -> Patient? {
        let id = r.readID()
        let userId = r.reference("user_id")
        let age = r.integer("age")
        if let age, let problem = ValueDomains.countProblem(age, max: ValueDomains.maxAge) { r.error("age", problem) }
        let gender = r.string("gender")
        let phone = r.string("phone")
        let bloodType = r.string("blood_type")
        guard let id, let userId, let age, let gender, let phone, let bloodType else { return nil }
        return Patient(id: id, userId: userId, age: age, gender: gender, phone: phone, bloodType: bloodType)
    }

    static func medicalRep(_ r: inout DocumentReader) -> MedicalRep? {
        let id = r.readID()
        let userId = r.reference("user_id")
        let companyName = r.string("company_name")
        let companyPhone = r.string("company_phone")
        let drugSpecialty = r.string("drug_specialty")
        let phone = r.string("phone")
        guard let id, let userId, let companyName, let companyPhone, let drugSpecialty, let phone else { return nil }
        return MedicalRep(id: id, userId: userId, companyName: companyName, companyPhone: companyPhone,
                          drugSpecialty: drugSpecialty, phone: phone)
    }

    static func appointment(_ r: inout DocumentReader, timeZone: ClinicTimeZone) -> Appointment? {
        let id = r.readID()
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
                           skipDates: skipDates.map(Instant.init(epochMilliseconds:)))
    }

    static func repVisit(_ r: inout DocumentReader) -> RepVisit? {
        let id = r.readID()
        let doctorId = r.reference("doctor_id")
        let repId = r.reference("rep_id")
        let date = r.date("date")
        let status = r.choice("status", VisitStatus.self)
        var summary: VisitSummary?
        var summaryOK = true
        if let value = r.optional("visit_summary") {
            if case .object(let object) = value {
                var inner = DocumentReader(object: object, file: r.file, position: r.position)
                let samples = inner.optionalInteger("samples", label: "visit_summary.samples")
                let duration = inner.optionalInteger("duration_min", label: "visit_summary.duration_min")
                // Not positive means the default length (the spec's rule); too long cannot be one visit.
                if let samples, let problem = ValueDomains.countProblem(samples, max: ValueDomains.maxSamples) {
                    inner.error("visit_summary.samples", problem)
                }
                if let duration, duration > ValueDomains.maxLengthMinutes {
                    inner.error("visit_summary.duration_min", "must be at most \(ValueDomains.maxLengthMinutes) minutes (found \(duration))")
                }
                let topic = inner.optionalString("discussion_topic", label: "visit_summary.discussion_topic")
                let feedback = inner.optionalString("feedback", label: "visit_summary.feedback")
                for problem in inner.problems { r.error(problem.field, problem.message) }
                summaryOK = !inner.hasErrors
                summary = VisitSummary(samples: samples, durationMin: duration, discussionTopic: topic, feedback: feedback)
            } else {
                r.error("visit_summary", "must be an object (found \(foundText(value)))")
                summaryOK = false
            }
        }
        guard let id, let doctorId, let repId, let date, let status, summaryOK else { return nil }
        return RepVisit(id: id, doctorId: doctorId, repId: repId, date: Instant(epochMilliseconds: date),
                        status: status, visitSummary: summary)
    }

    static func schedule(_ r: inout DocumentReader) -> Schedule? {
        let id = r.readID()
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

    static func clinicDay(_ r: inout DocumentReader) -> ClinicDay? {
        let id = r.readID()
        let doctorId = r.reference("doctor_id")
        let date = r.date("date")
        let isOpen = r.bool("is_open")
        // The reason is descriptive only; an opening often has none.
        let reason = r.optionalString("reason") ?? ""
        guard let id, let doctorId, let date, let isOpen else { return nil }
        return ClinicDay(id: id, doctorId: doctorId, date: Instant(epochMilliseconds: date), isOpen: isOpen, reason: reason)
    }
}
