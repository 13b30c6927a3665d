import ClinicData
import SlotSolver

/// A closure as `clinic-plan close` and the server's form ask for it, decided on the fresh data under
/// the lock: the doctor found (or every doctor), the user's permission, and the change
/// (`ClosureChanges.close`), with what the closure strands.
struct ClosureWrite {
    /// The doctor as given (nil: every doctor working that weekday).
    var doctor: String?
    var date: LocalDate
    var reason: String

    /// The audit line's ids before the decision.
    var ids: [(String, String)] { [("doctor_id", doctor ?? "all")] }

    /// The decision; its output says which doctors closed and what now needs a new slot.
    func decide(_ clinic: Clinic, _ signedIn: SignedInUser, ids: inout [(String, String)]) throws(AuthRefusal) -> WriteDecision {
        var index: Int32?
        if let doctor {
            index = try clinic.requirePerson(.doctor, doctor)
            try AuthRefusal.allow(.closeDay(doctor: clinic.dataset.doctors[Int(index!)].id), signedIn)
        } else {
            try AuthRefusal.allow(.closeClinic, signedIn)
        }
        var newIDs = ObjectIDDeriver(dataset: clinic.dataset)
        let outcome = ClosureChanges.close(date, reason: reason, doctor: index, dataset: clinic.dataset,
                                           mapping: clinic.mapping, timeZone: clinic.timeZone, ids: &newIDs)
        func named(_ index: Int32) -> String { clinic.names.label(.doctor, index) }
        if let index = outcome.notWorking.first {
            throw AuthRefusal(.rejected, "\(named(index)) does not work on \(date.weekday.name)s, so \(date) "
                              + "needs no closure; nothing was changed")
        }
        guard !outcome.closed.isEmpty else {
            let who = index.map(named).map { "\($0) is" } ?? "every doctor working on \(date.weekday.name)s is"
            throw AuthRefusal(.rejected, "\(who) already closed on \(date); nothing was changed")
        }
        // What now sits on a closed date (counted on the data before the closure).
        let stranded = OccurrenceExpansion.occurrences(of: clinic.model, calendar: clinic.calendar,
                                                       in: DateRange(first: date, count: 1), doctors: Set(outcome.closed))
        let appointments = stranded.filter { $0.kind == .appointment }.count
        let visits = stranded.filter { $0.kind == .repVisit && clinic.model.visits[Int($0.record)].status == .scheduled }.count
        var sentence = ""
        for closed in outcome.closed {
            sentence += "closed \(date) for \(named(closed)): \(reason)\n"
        }
        if appointments + visits > 0 {
            let only = index.map { " --doctor \(clinic.dataset.doctors[Int($0)].id)" } ?? ""
            sentence += "\(appointments) booked appointment(s) and \(visits) scheduled rep visit(s) on \(date) need a new slot: "
                + "see `clinic-plan rebook --data \(clinic.folderPath) --from \(date)\(only)`\n"
        }
        return WriteDecision(changes: outcome.changes, detail: "closed \(date) for \(outcome.closed.count) doctor(s): \(reason)",
                             output: sentence)
    }
}
