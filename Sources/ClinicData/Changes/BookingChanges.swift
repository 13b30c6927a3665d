import SlotSolver

/// The changes of the booking commands: a booking accepted by the five checks, and a
/// cancellation. Each returns the change and the sentence that says what it does.
public enum BookingChanges {
    /// A dated appointment (patient) or a scheduled rep visit (rep) at `date` `start`, with an
    /// `_id` derived from who, with whom and when.
    public static func book(_ kind: ItemKind, doctor: Int32, person: Int32, date: LocalDate, start: MinuteOfDay,
                            dataset: ClinicDataset, timeZone: ClinicTimeZone) -> (changes: ChangeSet, id: DocumentID) {
        var ids = ObjectIDDeriver(dataset: dataset)
        let midnight = Instant(epochMilliseconds: timeZone.epochMilliseconds(date: date, minute: .midnight))
        let at = Instant(epochMilliseconds: timeZone.epochMilliseconds(date: date, minute: start))
        let doctorID = dataset.doctors[Int(doctor)].id
        switch kind {
        case .appointment:
            let patientID = dataset.patients[Int(person)].id
            let id = ids.id(for: ["book", "appointments", doctorID.description, patientID.description,
                                  date.description, start.description], at: at)
            return (ChangeSet([.appointment(.insert(Appointment(
                id: id, doctorId: doctorID, patientId: patientID, day: date.weekday, time: start,
                status: .booked, date: midnight)))]), id)
        case .repVisit:
            let repID = dataset.medicalReps[Int(person)].id
            let id = ids.id(for: ["book", "rep_visits", doctorID.description, repID.description,
                                  date.description, start.description], at: at)
            return (ChangeSet([.repVisit(.insert(RepVisit(id: id, doctorId: doctorID, repId: repID, date: at,
                                                         status: .scheduled)))]), id)
        }
    }

    /// What a cancellation does: the change, the sentence to print, and the audit's detail.
    public typealias Cancellation = (changes: ChangeSet, sentence: String, detail: String)

    /// Cancels appointment `index`: the whole booking (a dated one, or every week of a weekly
    /// one), or with `date` one occurrence of a weekly one (a `skip_dates` entry).
    public static func cancelAppointment(at index: Int, date: LocalDate?, dataset: ClinicDataset,
                                         timeZone: ClinicTimeZone) throws(ChangeRefusal) -> Cancellation {
        let before = dataset.appointments[index]
        var after = before
        let name = "appointment \(before.id)"
        func local(_ instant: Instant) -> LocalDate { timeZone.local(epochMilliseconds: instant.epochMilliseconds).date }
        guard before.status == .booked else { throw ChangeRefusal(.rejected, "\(name) is already cancelled") }
        let sentence: String
        var detail = "cancelled"
        switch (before.date, date) {
        case (let own?, let date?):
            guard local(own) == date else { throw ChangeRefusal(.invalid, "\(name) is on \(local(own)), not on \(date)") }
            after.status = .cancelled
            sentence = "cancelled \(name) (\(before.day.name) \(before.time))"
        case (.some, nil):
            after.status = .cancelled
            sentence = "cancelled \(name) (\(before.day.name) \(before.time))"
        case (nil, let date?):
            guard date.weekday == before.day else {
                throw ChangeRefusal(.invalid, "\(name) recurs on \(before.day.name)s; \(date) is a \(date.weekday.name)")
            }
            guard !before.skipDates.contains(where: { local($0) == date }) else {
                throw ChangeRefusal(.rejected, "\(name) already skips \(date)")
            }
            after.skipDates.append(Instant(epochMilliseconds: timeZone.epochMilliseconds(date: date, minute: .midnight)))
            sentence = "cancelled the \(date) occurrence of weekly \(name) (\(before.day.name)s \(before.time)); "
                + "the other weeks stay booked"
            detail = "skips \(date)"
        case (nil, nil):
            after.status = .cancelled
            sentence = "cancelled the whole weekly series \(name) (every \(before.day.name) \(before.time)); "
                + "to cancel one week only, give --date"
            detail = "cancelled the series"
        }
        return (ChangeSet([.appointment(.update(before, to: after))]), sentence, detail)
    }

    /// Cancels rep visit `index` (scheduled or rescheduled); with `date`, only if it is that day.
    public static func cancelVisit(at index: Int, date: LocalDate?, dataset: ClinicDataset,
                                   timeZone: ClinicTimeZone) throws(ChangeRefusal) -> Cancellation {
        let before = dataset.repVisits[index]
        let name = "rep visit \(before.id)"
        let local = timeZone.local(epochMilliseconds: before.date.epochMilliseconds)
        if let date, date != local.date { throw ChangeRefusal(.invalid, "\(name) is on \(local.date), not on \(date)") }
        switch before.status {
        case .scheduled, .rescheduled:
            var after = before
            after.status = .cancelled
            return (ChangeSet([.repVisit(.update(before, to: after))]),
                    "cancelled \(name) (\(local.date) \(local.minute), was \(before.status.rawValue))",
                    "cancelled (was \(before.status.rawValue))")
        case .cancelled:
            throw ChangeRefusal(.rejected, "\(name) is already cancelled")
        case .completed, .noShow:
            throw ChangeRefusal(.rejected, "\(name) is \(before.status.rawValue): only scheduled or rescheduled visits can be cancelled")
        }
    }
}
