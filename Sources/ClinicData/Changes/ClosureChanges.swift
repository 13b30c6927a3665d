import SlotSolver

/// The one rule for closing a date, shared by `close` and `rebook --close`: one `clinic_days`
/// document per doctor and date. Closing "for every doctor" closes every doctor who works that
/// weekday (a date a doctor never works needs no closure); a doctor's explicit opening for that
/// date becomes the closure rather than a second document; a doctor already closed is left as
/// they are.
public enum ClosureChanges {
    /// What closing one date does.
    public struct Outcome: Sendable {
        public var changes: ChangeSet
        /// The doctors the date now closes, in index order.
        public var closed: [Int32]
        /// Asked for, but already closed that date.
        public var alreadyClosed: [Int32]
        /// Asked for by name, but with no schedule on that weekday.
        public var notWorking: [Int32]
    }

    /// - Parameters:
    ///   - doctor: the doctor to close; nil: every doctor working that weekday.
    ///   - mapping: the dataset's model (closures from `clinic_days`, schedules).
    public static func close(_ date: LocalDate, reason: String, doctor: Int32?, dataset: ClinicDataset,
                             mapping: ModelMapping, timeZone: ClinicTimeZone,
                             ids: inout ObjectIDDeriver) -> Outcome {
        let calendar = WorkCalendar(mapping.model)
        let asked = doctor.map { [$0] } ?? Array(0..<Int32(dataset.doctors.count))
        var outcome = Outcome(changes: ChangeSet(), closed: [], alreadyClosed: [], notWorking: [])
        let midnight = Instant(epochMilliseconds: timeZone.epochMilliseconds(date: date, minute: .midnight))
        for index in asked {
            guard calendar.schedule(doctor: index, weekday: date.weekday) != nil else {
                if doctor != nil { outcome.notWorking.append(index) }
                continue
            }
            if calendar.closure(doctor: index, date: date) != nil {
                outcome.alreadyClosed.append(index)
                continue
            }
            let doctorID = dataset.doctors[Int(index)].id
            let opening = dataset.clinicDays.first {
                $0.doctorId == doctorID && $0.isOpen
                    && timeZone.local(epochMilliseconds: $0.date.epochMilliseconds).date == date
            }
            if let opening {
                var closure = opening
                closure.isOpen = false
                closure.reason = reason
                outcome.changes.changes.append(.clinicDay(.update(opening, to: closure)))
            } else {
                let id = ids.id(for: ["clinic_days", doctorID.description, date.description], at: midnight)
                outcome.changes.changes.append(.clinicDay(.insert(ClinicDay(
                    id: id, doctorId: doctorID, date: midnight, isOpen: false, reason: reason))))
            }
            outcome.closed.append(index)
        }
        return outcome
    }
}
