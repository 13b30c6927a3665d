import ClinicData
import SlotSolver

/// A booking as `clinic-plan book`, the server's booking form and `POST /api/v1/bookings` ask
/// for it, decided on the fresh data under the lock: the people found, the user's permission,
/// the five checks and, when they pass, the change (`BookingChanges.book`).
struct BookingWrite {
    var kind: ItemKind
    /// The doctor and the patient (or rep) as given: an `_id`, an email or a unique part of the name.
    var doctor: String
    var person: String
    var date: LocalDate
    var start: MinuteOfDay
    /// Any start that fits in the hours, not only the slot grid's (the back office).
    var anyTime = false
    /// How many nearest free slots a refusal lists, and within how many days (nil: the folder's settings).
    var suggest: Int?
    var within: Int?
    /// No suggested slot starts before this (nil: now).
    var notBefore: LocalMoment?

    /// The audit line's ids before the decision: the people as given.
    var ids: [(String, String)] { [("doctor_id", doctor), (kind == .appointment ? "patient_id" : "rep_id", person)] }

    /// The decision (its output the sentence saying what was booked) and the new booking's `_id`.
    func decide(_ clinic: Clinic, _ signedIn: SignedInUser,
                ids: inout [(String, String)]) throws(AuthRefusal) -> (decision: WriteDecision, id: DocumentID) {
        let doctorIndex = try clinic.requirePerson(.doctor, doctor)
        let doctorID = clinic.dataset.doctors[Int(doctorIndex)].id
        let personIndex: Int32
        let action: ProtectedAction
        if kind == .appointment {
            personIndex = try clinic.requirePerson(.patient, person)
            action = .bookAppointment(doctor: doctorID, patient: clinic.dataset.patients[Int(personIndex)].id)
        } else {
            personIndex = try clinic.requirePerson(.rep, person)
            action = .requestVisit(doctor: doctorID, rep: clinic.dataset.medicalReps[Int(personIndex)].id)
        }
        try AuthRefusal.allow(action, signedIn)
        let request = BookingRequest(kind: kind, doctor: doctorIndex, person: personIndex, date: date, start: start, anyTime: anyTime)
        switch BookingChecker.check(request, model: clinic.model, calendar: clinic.calendar) {
        case .rejected(let rejection):
            let sentence = BookingSentences.rejection(rejection, request: request, model: clinic.model,
                                                      doctorLabel: { clinic.names.label(.doctor, $0) })
            var refusal = AuthRefusal(.rejected, sentence)
            suggestions(for: request, rejection: rejection, clinic: clinic, into: &refusal)
            throw refusal
        case .accepted(let slot):
            return book(request, slot: slot, clinic: clinic, ids: &ids)
        }
    }

    /// The change for an accepted request: a dated appointment or a scheduled rep visit.
    private func book(_ request: BookingRequest, slot: MinuteInterval, clinic: Clinic,
                      ids: inout [(String, String)]) -> (decision: WriteDecision, id: DocumentID) {
        let (changes, id) = BookingChanges.book(request.kind, doctor: request.doctor, person: request.person,
                                                date: request.date, start: request.start,
                                                dataset: clinic.dataset, timeZone: clinic.timeZone)
        let when = "\(request.date.weekday.name) \(request.date) \(slot)"
        let doctorText = clinic.names.label(.doctor, request.doctor)
        let sentence: String
        if request.kind == .appointment {
            ids.append(("appointment_id", id.description))
            sentence = "booked appointment \(id): patient \(clinic.names.label(.patient, request.person)) "
                + "with \(doctorText), \(when)\n"
        } else {
            ids.append(("visit_id", id.description))
            sentence = "requested rep visit \(id) (scheduled): rep \(clinic.names.label(.rep, request.person)) "
                + "with \(doctorText), \(when)\n"
        }
        return (WriteDecision(changes: changes, detail: when, output: sentence), id)
    }

    /// "nearest free slots:" and one line per slot, for a refusal over time or capacity (the
    /// slots themselves too, for the server to link).
    private func suggestions(for request: BookingRequest, rejection: BookingRejection, clinic: Clinic,
                             into refusal: inout AuthRefusal) {
        let count = suggest ?? clinic.settings.suggest
        // Off the grid: the back office may still book it as asked.
        let hint = if case .offGrid = rejection { ["(--any-time books a start off the grid)"] } else { [String]() }
        refusal.notes = hint
        guard rejection.suggestsOtherSlots, count > 0 else { return }
        let horizon = within ?? clinic.settings.within
        let found = NearestFreeSlots.search(for: request, model: clinic.model, calendar: clinic.calendar,
                                            count: count, days: horizon,
                                            notBefore: notBefore ?? LocalMoment.now(in: clinic.timeZone))
        refusal.slots = found
        refusal.notes = found.isEmpty ? hint + ["no free slot in the \(horizon) days from \(request.date)"]
            : hint + ["nearest free slots:"] + found.map { "  \($0.date.weekday.shortName) \($0.date) \($0.slot)" }
    }
}
