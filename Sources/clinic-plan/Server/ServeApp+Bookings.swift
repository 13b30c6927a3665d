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

/// The server's bookings, cancellations and closures: the request's fields checked, then the
/// decision the CLI's `book`, `cancel` and `close` make (`BookingWrite`, `CancellationWrite`,
/// `ClosureWrite`), written through `commit`.
extension ServeApp {
    /// The five-step check and, when it passes, the booking (under the lock, on fresh data).
    /// Refused by a check: 422 with the failed check's sentence and the nearest free slots.
    func book(_ input: BookingInput, by viewer: Viewer) throws(ServerFailure) -> BookedItem {
        guard let doctor = input.doctor else { throw .badRequest("give the doctor's _id (doctor)") }
        guard (input.patient == nil) != (input.rep == nil) else {
            throw .badRequest("give exactly one of patient (an appointment) and rep (a rep visit)")
        }
        guard let dateText = input.date, let date = LocalDate(argument: dateText) else {
            throw .badRequest("date must be a YYYY-MM-DD date")
        }
        guard let timeText = input.time, let start = MinuteOfDay(hhmm: timeText) else {
            throw .badRequest("time must be a HH:MM time")
        }
        let booking = BookingWrite(kind: input.patient != nil ? .appointment : .repVisit, doctor: doctor,
                                   person: input.patient ?? input.rep!, date: date, start: start, notBefore: fixedNotBefore)
        var id: DocumentID?
        let decision = try commit(viewer, action: "book", ids: booking.ids) { clinic, signedIn, ids throws(AuthRefusal) in
            let (decision, made) = try booking.decide(clinic, signedIn, ids: &ids)
            id = made
            return decision
        }
        return BookedItem(id: id!.description, sentence: decision.output.trimmingCharacters(in: .newlines), changes: decision.changes)
    }

    /// Cancels an appointment or visit (with a date: only that occurrence of a weekly one).
    func cancel(_ id: String, date dateText: String?, by viewer: Viewer) throws(ServerFailure) -> String {
        var date: LocalDate?
        if let dateText {
            guard let parsed = LocalDate(argument: dateText) else { throw .badRequest("date must be a YYYY-MM-DD date") }
            date = parsed
        }
        let cancellation = CancellationWrite(id: id, date: date)
        return try commit(viewer, action: "cancel", ids: cancellation.ids) { clinic, signedIn, ids throws(AuthRefusal) in
            try cancellation.decide(clinic, signedIn, ids: &ids)
        }.output.trimmingCharacters(in: .newlines)
    }

    /// Closes a date for one doctor (or, with no doctor, for every doctor).
    func close(doctor: String?, date dateText: String?, reason: String?, by viewer: Viewer) throws(ServerFailure) -> String {
        guard let dateText, let date = LocalDate(argument: dateText) else { throw .badRequest("date must be a YYYY-MM-DD date") }
        guard let reason = reason?.trimmingCharacters(in: .whitespaces), !reason.isEmpty else {
            throw .badRequest("give the reason the clinic is closed")
        }
        let closure = ClosureWrite(doctor: doctor, date: date, reason: reason)
        return try commit(viewer, action: "close", ids: closure.ids) { clinic, signedIn, ids throws(AuthRefusal) in
            try closure.decide(clinic, signedIn, ids: &ids)
        }.output.trimmingCharacters(in: .newlines)
    }
}
