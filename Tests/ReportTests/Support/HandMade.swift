import ClinicData
import SlotSolver

// Small hand-made clinics: a ClinicModel written out directly, and the dataset rows the reports
// read names from (doctors' specializations, reps' companies).

func at(_ text: String) -> MinuteOfDay { MinuteOfDay(hhmm: text, allowEndOfDay: true)! }

func window(_ text: String) -> MinuteInterval {
    let parts = text.split(separator: "-")
    return MinuteInterval(start: at(String(parts[0])), end: at(String(parts[1])))
}

func rule(_ id: String, doctor: Int32, _ weekday: Weekday, patients: String = "09:00-12:00",
          reps: String = "12:00-13:00", maxPatients: Int32 = 4, maxReps: Int32 = 2) -> ScheduleRule {
    ScheduleRule(id: id, doctor: doctor, weekday: weekday, patientWindow: window(patients), repWindow: window(reps),
                 maxPatients: maxPatients, maxReps: maxReps, appointmentMinutes: 15)
}

func dated(_ id: String, doctor: Int32, patient: Int32, _ date: String, _ time: String,
           status: AppointmentStatus = .booked) -> AppointmentRecord {
    AppointmentRecord(id: id, doctor: doctor, patient: patient, time: at(time), status: status,
                      recurrence: .dated(day(date)))
}

func weekly(_ id: String, doctor: Int32, patient: Int32, _ weekday: Weekday, _ time: String,
            skipping: [String] = [], status: AppointmentStatus = .booked) -> AppointmentRecord {
    AppointmentRecord(id: id, doctor: doctor, patient: patient, time: at(time), status: status,
                      recurrence: .weekly(weekday, skipping: Set(skipping.map(day))))
}

func visit(_ id: String, doctor: Int32, rep: Int32, _ date: String, _ time: String,
           status: VisitStatus = .scheduled) -> RepVisitRecord {
    RepVisitRecord(id: id, doctor: doctor, rep: rep, date: day(date), start: at(time), length: 15, status: status)
}

func closure(_ id: String, doctor: Int32, _ date: String, open: Bool = false) -> ClinicClosure {
    ClinicClosure(id: id, doctor: doctor, date: day(date), isOpen: open, reason: open ? "Opening" : "Closed")
}

/// Analytics over a hand-made clinic with doctors of the given specializations and reps of the
/// given companies; `range` defaults to the week of Sunday 2026-11-29.
func handMade(specializations: [String] = ["Cardiology", "ENT"], companies: [String] = ["EVA", "Pfizer"],
              patients: Int = 4, schedules: [ScheduleRule] = [], closures: [ClinicClosure] = [],
              appointments: [AppointmentRecord] = [], visits: [RepVisitRecord] = [],
              from: String = "2026-11-29", days: Int = 7, doctor: Int32? = nil) -> ClinicAnalytics {
    let doctors = specializations.enumerated().map { i, specialization in
        Doctor(id: .int(Int64(100 + i)), userId: .int(Int64(i)), specialization: specialization,
               clinicName: "Clinic \(i)", consultationFee: 100)
    }
    let reps = companies.enumerated().map { i, company in
        MedicalRep(id: .int(Int64(300 + i)), userId: .int(Int64(50 + i)), companyName: company, companyPhone: "",
                   drugSpecialty: "", phone: "")
    }
    let dataset = ClinicDataset(doctors: doctors, medicalReps: reps)
    let model = ClinicModel(doctorIDs: doctors.map(\.id.description), repIDs: reps.map(\.id.description),
                            patientIDs: (0..<patients).map { "p\($0)" }, schedules: schedules, closures: closures,
                            appointments: appointments, visits: visits)
    return ClinicAnalytics(dataset: dataset, model: model, range: DateRange(first: day(from), count: days),
                           doctor: doctor)
}
