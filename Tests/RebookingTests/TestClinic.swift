@testable import SlotSolver

/// A small clinic built by hand in tests: ids are "d0", "r0", "p0", "a0", "v0", … by index.
struct TestClinic {
    var model = ClinicModel()

    init(doctors: Int = 1, reps: Int = 1, patients: Int = 1) {
        model.doctorIDs = (0..<doctors).map { "d\($0)" }
        model.repIDs = (0..<reps).map { "r\($0)" }
        model.patientIDs = (0..<patients).map { "p\($0)" }
    }

    mutating func schedule(doctor: Int32, _ weekday: Weekday, patients: String = "09:00-10:00",
                           reps: String = "13:00-14:00", maxPatients: Int32 = 8, maxReps: Int32 = 4,
                           appointmentMinutes: Int32 = 15) {
        model.schedules.append(ScheduleRule(id: "s\(model.schedules.count)", doctor: doctor, weekday: weekday,
                                            patientWindow: window(patients), repWindow: window(reps),
                                            maxPatients: maxPatients, maxReps: maxReps,
                                            appointmentMinutes: appointmentMinutes))
    }

    mutating func close(doctor: Int32, _ date: String, reason: String = "holiday") {
        model.closures.append(ClinicClosure(id: "c\(model.closures.count)", doctor: doctor, date: day(date),
                                            isOpen: false, reason: reason))
    }

    @discardableResult
    mutating func appointment(doctor: Int32, patient: Int32, _ date: String, _ time: String,
                              status: AppointmentStatus = .booked) -> Int32 {
        model.appointments.append(AppointmentRecord(id: "a\(model.appointments.count)", doctor: doctor,
                                                    patient: patient, time: minute(time), status: status,
                                                    recurrence: .dated(day(date))))
        return Int32(model.appointments.count - 1)
    }

    @discardableResult
    mutating func weekly(doctor: Int32, patient: Int32, _ weekday: Weekday, _ time: String,
                         skipping: Set<LocalDate> = []) -> Int32 {
        model.appointments.append(AppointmentRecord(id: "a\(model.appointments.count)", doctor: doctor,
                                                    patient: patient, time: minute(time), status: .booked,
                                                    recurrence: .weekly(weekday, skipping: skipping)))
        return Int32(model.appointments.count - 1)
    }

    @discardableResult
    mutating func visit(doctor: Int32, rep: Int32, _ date: String, _ time: String, length: Int32 = 15,
                        status: VisitStatus) -> Int32 {
        model.visits.append(RepVisitRecord(id: "v\(model.visits.count)", doctor: doctor, rep: rep, date: day(date),
                                           start: minute(time), length: length, status: status))
        return Int32(model.visits.count - 1)
    }
}

func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
func minute(_ text: String) -> MinuteOfDay { MinuteOfDay(hhmm: text, allowEndOfDay: true)! }
func window(_ text: String) -> MinuteInterval {
    let parts = text.split(separator: "-")
    return MinuteInterval(start: minute(String(parts[0])), end: minute(String(parts[1])))
}

/// The week Monday 2026-12-07 … Sunday 2026-12-13.
let week = DateRange(first: day("2026-12-07"), count: 7)

func options(_ solver: RebookingSolverKind, range: DateRange = week, grid: Int32 = 5, doctor: Int32? = nil,
             extra: [ExtraClosure] = []) -> RebookingOptions {
    RebookingOptions(range: range, extraClosures: extra, doctor: doctor, grid: grid, solver: solver)
}

extension RebookingResult {
    /// "a0 2026-12-07 09:00 -> 2026-12-09 09:00 (+2)" or "v1 2026-12-07 13:00 -> unplaced (+7)".
    func lines(_ model: ClinicModel) -> [String] {
        moves.map { m in
            let id = m.kind == .appointment ? model.appointments[Int(m.record)].id : model.visits[Int(m.record)].id
            let to = m.toDate.map { "\($0) \(m.toStart!)" } ?? "unplaced"
            return "\(id) \(m.fromDate) \(m.fromStart) -> \(to) (+\(m.delayDays))"
        }
    }
}
