import ClinicData
import Foundation
import SlotSolver

/// A booking request as a form or the API sends it (ids and text, not yet checked).
struct BookingInput {
    var doctor: String?
    var patient: String?
    var rep: String?
    var date: String?
    var time: String?
}

/// A booking the checks accepted and the folder now holds.
struct BookedItem {
    var id: String
    var sentence: String
    var changes: ChangeSet
}

extension ServeApp {
    /// The five-step check and, when it passes, the booking (under the lock, on fresh data).
    /// Refused by a check: 422 with the failed check's sentence and the nearest free slots.
    func book(_ input: BookingInput, by viewer: Viewer) throws(ServerFailure) -> BookedItem {
        guard let doctorText = input.doctor else { throw .badRequest("give the doctor's _id (doctor)") }
        guard (input.patient == nil) != (input.rep == nil) else {
            throw .badRequest("give exactly one of patient (an appointment) and rep (a rep visit)")
        }
        guard let dateText = input.date, let date = LocalDate(argument: dateText) else {
            throw .badRequest("date must be a YYYY-MM-DD date")
        }
        guard let timeText = input.time, let start = MinuteOfDay(hhmm: timeText) else {
            throw .badRequest("time must be a HH:MM time")
        }
        let kind: ItemKind = input.patient != nil ? .appointment : .repVisit
        let personText = input.patient ?? input.rep!
        let ids = [("doctor_id", doctorText), (kind == .appointment ? "patient_id" : "rep_id", personText)]
        return try commit(viewer, action: "book", ids: ids) { clinic, signedIn, ids throws(ServerFailure) in
            let doctor = try clinic.person(.doctor, doctorText)
            let doctorID = clinic.dataset.doctors[Int(doctor)].id
            let person: Int32
            if kind == .appointment {
                let index = try clinic.person(.patient, personText)
                person = index
                try allow(.bookAppointment(doctor: doctorID, patient: clinic.dataset.patients[Int(index)].id), signedIn)
            } else {
                let index = try clinic.person(.rep, personText)
                person = index
                try allow(.requestVisit(doctor: doctorID, rep: clinic.dataset.medicalReps[Int(index)].id), signedIn)
            }
            let request = BookingRequest(kind: kind, doctor: doctor, person: person, date: date, start: start)
            switch BookingChecker.check(request, model: clinic.model, calendar: clinic.calendar) {
            case .rejected(let rejection):
                var notes: [String] = []
                if rejection.suggestsOtherSlots {
                    notes = NearestFreeSlots.search(for: request, model: clinic.model, calendar: clinic.calendar, count: 3,
                                                    days: 14, notBefore: self.notBefore(clinic))
                        .map { "\($0.date) \($0.slot.start)" }
                }
                throw .rejected(BookingSentences.rejection(rejection, request: request, model: clinic.model), notes: notes)
            case .accepted(let slot):
                let (changes, id) = BookingChanges.book(kind, doctor: doctor, person: person, date: date, start: start,
                                                        dataset: clinic.dataset, timeZone: clinic.timeZone)
                ids.append((kind == .appointment ? "appointment_id" : "visit_id", id.description))
                let when = "\(date.weekday.name) \(date) \(slot)"
                let who = kind == .appointment ? clinic.names.patientNames[Int(person)] : clinic.names.repNames[Int(person)]
                let sentence = (kind == .appointment ? "booked appointment \(id) for " : "requested rep visit \(id) for ")
                    + "\(who) with \(clinic.names.doctorNames[Int(doctor)]), \(when)"
                return (changes, when, BookedItem(id: id.description, sentence: sentence, changes: changes))
            }
        }
    }

    /// Cancels an appointment or visit (with a date: only that occurrence of a weekly one).
    func cancel(_ id: String, date dateText: String?, by viewer: Viewer) throws(ServerFailure) -> String {
        var date: LocalDate?
        if let dateText {
            guard let parsed = LocalDate(argument: dateText) else { throw .badRequest("date must be a YYYY-MM-DD date") }
            date = parsed
        }
        return try commit(viewer, action: "cancel", ids: [("id", id)]) { clinic, signedIn, ids throws(ServerFailure) in
            let cancellation: BookingChanges.Cancellation
            do {
                if let index = clinic.appointmentIndex(named: id) {
                    let appointment = clinic.dataset.appointments[index]
                    ids = [("appointment_id", appointment.id.description), ("doctor_id", appointment.doctorId.description),
                           ("patient_id", appointment.patientId.description)]
                    try allow(.cancelAppointment(doctor: appointment.doctorId, patient: appointment.patientId), signedIn)
                    cancellation = try BookingChanges.cancelAppointment(at: index, date: date, dataset: clinic.dataset,
                                                                        timeZone: clinic.timeZone)
                } else if let index = clinic.visitIndex(named: id) {
                    let visit = clinic.dataset.repVisits[index]
                    ids = [("visit_id", visit.id.description), ("doctor_id", visit.doctorId.description),
                           ("rep_id", visit.repId.description)]
                    try allow(.cancelVisit(doctor: visit.doctorId, rep: visit.repId), signedIn)
                    cancellation = try BookingChanges.cancelVisit(at: index, date: date, dataset: clinic.dataset,
                                                                  timeZone: clinic.timeZone)
                } else {
                    throw ServerFailure.notFound("no appointment or rep visit with _id \(id)")
                }
            } catch let failure as ServerFailure {
                throw failure
            } catch let refusal as ChangeRefusal {
                throw refusal.kind == .rejected ? .conflict(refusal.description) : .badRequest(refusal.description)
            } catch {
                throw .badRequest("\(error)")
            }
            return (cancellation.changes, cancellation.detail, cancellation.sentence.trimmingCharacters(in: .newlines))
        }
    }

    /// Closes a date for one doctor (or, with no doctor, for every doctor).
    func close(doctor doctorText: String?, date dateText: String?, reason: String?, by viewer: Viewer) throws(ServerFailure) -> String {
        guard let dateText, let date = LocalDate(argument: dateText) else { throw .badRequest("date must be a YYYY-MM-DD date") }
        guard let reason = reason?.trimmingCharacters(in: .whitespaces), !reason.isEmpty else {
            throw .badRequest("give the reason the clinic is closed")
        }
        return try commit(viewer, action: "close", ids: [("doctor_id", doctorText ?? "all")]) { clinic, signedIn, _ throws(ServerFailure) in
            var doctor: Int32?
            if let doctorText {
                let index = try clinic.person(.doctor, doctorText)
                doctor = index
                try allow(.closeDay(doctor: clinic.dataset.doctors[Int(index)].id), signedIn)
            } else {
                try allow(.closeClinic, signedIn)
            }
            var ids = ObjectIDDeriver(dataset: clinic.dataset)
            let outcome = ClosureChanges.close(date, reason: reason, doctor: doctor, dataset: clinic.dataset,
                                               mapping: clinic.mapping, timeZone: clinic.timeZone, ids: &ids)
            if outcome.notWorking.first != nil {
                throw .rejected("the doctor does not work on \(date.weekday.name)s, so \(date) needs no closure", notes: [])
            }
            guard !outcome.closed.isEmpty else { throw .rejected("already closed on \(date); nothing was changed", notes: []) }
            let names = outcome.closed.map { clinic.names.doctorNames[Int($0)] }.joined(separator: ", ")
            return (outcome.changes, "closed \(date) for \(outcome.closed.count) doctor(s): \(reason)",
                    "closed \(date) for \(names): \(reason)")
        }
    }
}
