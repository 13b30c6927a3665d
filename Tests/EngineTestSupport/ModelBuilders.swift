import SlotSolver

// Small builders so hand-made models read like the data they stand for; shared by the engine
// test targets (SlotSolverTests, BookingTests).

/// "YYYY-MM-DD".
public func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// "HH:MM".
public func at(_ text: String) -> MinuteOfDay { MinuteOfDay(hhmm: text, allowEndOfDay: true)! }

/// "HH:MM-HH:MM".
public func window(_ text: String) -> MinuteInterval {
    let parts = text.split(separator: "-")
    return MinuteInterval(start: at(String(parts[0])), end: at(String(parts[1])))
}

public func rule(_ id: String, doctor: Int32, _ weekday: Weekday, patients: String, reps: String,
          maxPatients: Int32 = 10, maxReps: Int32 = 10, minutes: Int32 = 15) -> ScheduleRule {
    ScheduleRule(id: id, doctor: doctor, weekday: weekday, patientWindow: window(patients),
                 repWindow: window(reps), maxPatients: maxPatients, maxReps: maxReps,
                 appointmentMinutes: minutes)
}

public func dated(_ id: String, doctor: Int32, patient: Int32, _ date: String, _ time: String,
           status: AppointmentStatus = .booked) -> AppointmentRecord {
    AppointmentRecord(id: id, doctor: doctor, patient: patient, time: at(time), status: status,
                      recurrence: .dated(day(date)))
}

public func weekly(_ id: String, doctor: Int32, patient: Int32, _ weekday: Weekday, _ time: String,
            skipping: [String] = [], status: AppointmentStatus = .booked) -> AppointmentRecord {
    AppointmentRecord(id: id, doctor: doctor, patient: patient, time: at(time), status: status,
                      recurrence: .weekly(weekday, skipping: Set(skipping.map(day))))
}

public func visit(_ id: String, doctor: Int32, rep: Int32, _ date: String, _ time: String, minutes: Int32 = 15,
           status: VisitStatus = .scheduled) -> RepVisitRecord {
    RepVisitRecord(id: id, doctor: doctor, rep: rep, date: day(date), start: at(time), length: minutes,
                   status: status)
}

public func closed(_ id: String, doctor: Int32, _ date: String, _ reason: String) -> ClinicClosure {
    ClinicClosure(id: id, doctor: doctor, date: day(date), isOpen: false, reason: reason)
}

/// A model with `doctors` doctors "d0", "d1", …, reps "r0", … and patients "p0", ….
public func model(doctors: Int = 2, reps: Int = 2, patients: Int = 3, schedules: [ScheduleRule] = [],
           closures: [ClinicClosure] = [], appointments: [AppointmentRecord] = [],
           visits: [RepVisitRecord] = []) -> ClinicModel {
    ClinicModel(doctorIDs: (0..<doctors).map { "d\($0)" }, repIDs: (0..<reps).map { "r\($0)" },
                patientIDs: (0..<patients).map { "p\($0)" }, schedules: schedules, closures: closures,
                appointments: appointments, visits: visits)
}

