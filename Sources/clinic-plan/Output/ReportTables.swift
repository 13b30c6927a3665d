import ClinicData
import SlotSolver

/// Builds the printable `ReportTable` of each report from `ClinicAnalytics`: the analytics give
/// indices and counts, this adds ids, names and charts.
struct ReportTables {
    let clinic: Clinic
    let analytics: ClinicAnalytics
    /// Report 3's utilization threshold (0...1).
    let threshold: Double

    /// Charts draw at most this many bars; the table always has every row.
    static let maximumBars = 40

    func table(_ name: ReportName) -> ReportTable {
        switch name {
        case .doctorsBySpecialization: doctorsBySpecialization()
        case .doctorPatients: doctorPatients()
        case .lowUtilization: lowUtilization()
        case .patientsPerDay: patientsPerDay()
        case .peakDay: peakDay()
        case .peakHour: peakHour()
        case .repVisitsPerDay: repVisitsPerDay()
        case .mostActiveRep: mostActiveRep()
        case .patientsVsRepVisits: patientsVsRepVisits()
        case .weeklySchedule: weeklySchedule()
        case .closedDays: closedDays()
        case .occupancyRate: occupancyRate()
        case .idleDays: idleDays()
        case .schedulingConflicts: schedulingConflicts()
        }
    }

    // MARK: - users and doctors

    private func doctorsBySpecialization() -> ReportTable {
        var table = ReportTable(.doctorsBySpecialization, columns: ["specialization", "doctors", "doctor_names"])
        let groups = analytics.doctorsBySpecialization()
        for group in groups {
            table.append([.text(group.specialization), .int(group.doctors.count),
                          .text(group.doctors.map { doctorName($0) }.joined(separator: "; "))])
        }
        table.chart = chart(series: ["doctors"], groups.map { ($0.specialization, [Double($0.doctors.count)]) })
        return table
    }

    private func doctorPatients() -> ReportTable {
        var table = ReportTable(.doctorPatients, columns: doctorColumns + ["specialization", "clinic_name",
                                "consultation_fee", "booked_appointments", "distinct_patients"])
        let rows = analytics.doctorPatients()
        for row in rows {
            table.append(doctorCells(row.doctor) + [.text(row.specialization), .text(row.clinicName),
                         .decimal(row.consultationFee, digits: 0), .int(row.bookedAppointments),
                         .int(row.distinctPatients)])
        }
        table.chart = chart(series: ["booked appointments", "distinct patients"], rows.map {
            (doctorName($0.doctor), [Double($0.bookedAppointments), Double($0.distinctPatients)])
        })
        return table
    }

    private func lowUtilization() -> ReportTable {
        var table = ReportTable(.lowUtilization, columns: doctorColumns + ["specialization", "working_days", "booked",
                                "capacity", "utilization_pct"])
        let rows = analytics.lowUtilization(threshold: threshold)
        for row in rows {
            table.append(doctorCells(row.doctor) + [.text(clinic.dataset.doctors[Int(row.doctor)].specialization),
                         .int(row.workingDays), .int(row.booked), .int(row.capacity),
                         .decimal(row.utilization * 100, digits: 1)])
        }
        table.chart = chart(series: ["utilization"], rows.map { (doctorName($0.doctor), [$0.utilization * 100]) },
                            unit: "%")
        return table
    }

    // MARK: - patients and appointments

    private func patientsPerDay() -> ReportTable {
        var table = ReportTable(.patientsPerDay, columns: ["date", "weekday", "appointments", "distinct_patients"])
        let days = analytics.patientsPerDay()
        for day in days { table.append(dailyPatientCells(day)) }
        table.chart = chart(series: ["appointments"], days.map { (dayLabel($0.date), [Double($0.appointments)]) })
        return table
    }

    private func peakDay() -> ReportTable {
        var table = ReportTable(.peakDay, columns: ["date", "weekday", "appointments", "distinct_patients"])
        let peaks = analytics.peakDays()
        for peak in peaks { table.append(dailyPatientCells(peak)) }
        table.note = tieNote(peaks.count, "dates", order: "earliest first")
        return table
    }

    private func dailyPatientCells(_ day: DailyPatients) -> [ReportCell] {
        [.date(day.date), .text(day.date.weekday.name), .int(day.appointments), .int(day.distinctPatients)]
    }

    private func peakHour() -> ReportTable {
        var table = ReportTable(.peakHour, columns: ["hour", "appointments"])
        let peaks = analytics.peakHours()
        for peak in peaks { table.append([.text(hourLabel(peak.hour)), .int(peak.appointments)]) }
        table.note = tieNote(peaks.count, "hours", order: "earliest first")
        if !peaks.isEmpty {
            // The whole day's profile, from the first to the last busy hour, shows how sharp the peak is.
            let hours = analytics.appointmentsPerHour()
            let busy = hours.filter { $0.appointments > 0 }
            let span = hours[busy.first!.hour...busy.last!.hour]
            table.chart = chart(series: ["appointments starting"],
                                span.map { (hourLabel($0.hour), [Double($0.appointments)]) })
        }
        return table
    }

    private func hourLabel(_ hour: Int) -> String {
        MinuteOfDay(hour: hour, minute: 0).description + "–" + MinuteOfDay(hour: hour + 1, minute: 0).description
    }

    // MARK: - reps and visits

    private func repVisitsPerDay() -> ReportTable {
        var table = ReportTable(.repVisitsPerDay, columns: ["date", "weekday", "visits", "completed", "scheduled",
                                "cancelled", "no_show", "rescheduled"])
        let days = analytics.repVisitsPerDay()
        for day in days {
            table.append([.date(day.date), .text(day.date.weekday.name), .int(day.visits), .int(day.completed),
                          .int(day.scheduled), .int(day.cancelled), .int(day.noShow), .int(day.rescheduled)])
        }
        table.chart = chart(series: ["visits (completed + scheduled)"],
                            days.map { (dayLabel($0.date), [Double($0.visits)]) })
        return table
    }

    private func mostActiveRep() -> ReportTable {
        var table = ReportTable(.mostActiveRep, columns: ["rep_id", "rep", "company_name", "visits", "completed",
                                "scheduled", "doctors_visited"])
        let ranking = analytics.repActivity()
        let tops = analytics.mostActiveReps()
        for top in tops {
            table.append([.text(clinic.model.repIDs[Int(top.rep)]), .text(clinic.names.repNames[Int(top.rep)]),
                          .text(top.companyName), .int(top.visits), .int(top.completed), .int(top.scheduled),
                          .int(top.doctorsVisited)])
        }
        table.note = tieNote(tops.count, "reps", order: "more completed visits first, then in medical_reps.json order")
        if !tops.isEmpty {
            table.chart = chart(series: ["visits"], ranking.map {
                ("\(clinic.names.repNames[Int($0.rep)]) (\($0.companyName))", [Double($0.visits)])
            }, note: "Every rep with a visit in the range, most active first")
        }
        return table
    }

    private func patientsVsRepVisits() -> ReportTable {
        var table = ReportTable(.patientsVsRepVisits, columns: doctorColumns + ["booked_appointments",
                                "distinct_patients", "rep_visits", "appointments_per_visit"])
        let rows = analytics.patientsVersusRepVisits()
        for row in rows {
            table.append(doctorCells(row.doctor) + [.int(row.bookedAppointments), .int(row.distinctPatients),
                         .int(row.repVisits), row.appointmentsPerVisit.map { .decimal($0, digits: 2) } ?? .none])
        }
        table.chart = chart(series: ["distinct patients", "rep visits"], rows.map {
            (doctorName($0.doctor), [Double($0.distinctPatients), Double($0.repVisits)])
        })
        return table
    }

    // MARK: - schedules and clinic logic

    private func weeklySchedule() -> ReportTable {
        var table = ReportTable(.weeklySchedule, columns: doctorColumns + ["day", "patient_start", "patient_end",
                                "rep_start", "rep_end", "max_patients", "max_reps", "appointment_minutes", "in_use"])
        for entry in analytics.weeklySchedule() {
            let rule = entry.schedule
            table.append(doctorCells(rule.doctor) + [.text(rule.weekday.name),
                         .text(rule.patientWindow.start.description), .text(rule.patientWindow.end.description),
                         .text(rule.repWindow.start.description), .text(rule.repWindow.end.description),
                         .int(Int(rule.maxPatients)), .int(Int(rule.maxReps)), .int(Int(rule.appointmentMinutes)),
                         .bool(entry.inUse)])
        }
        return table
    }

    private func closedDays() -> ReportTable {
        var table = ReportTable(.closedDays, columns: doctorColumns + ["date", "weekday", "reason", "has_schedule"])
        for day in analytics.closedDays() {
            table.append(doctorCells(day.doctor) + [.date(day.date), .text(day.date.weekday.name), .text(day.reason),
                         .bool(day.hasSchedule)])
        }
        return table
    }

    private func occupancyRate() -> ReportTable {
        var table = ReportTable(.occupancyRate, columns: doctorColumns + ["date", "weekday", "booked", "max_patients",
                                "occupancy_pct"])
        let rows = analytics.occupancyRate()
        for row in rows {
            table.append(doctorCells(row.doctor) + [.date(row.date), .text(row.date.weekday.name), .int(row.booked),
                         .int(row.maxPatients), row.percent.map { .decimal($0, digits: 1) } ?? .none])
        }
        let single = analytics.doctor != nil
        table.chart = chart(series: ["occupancy"], rows.map {
            ((single ? "" : doctorName($0.doctor) + " · ") + dayLabel($0.date), [$0.percent ?? 0])
        }, unit: "%")
        return table
    }

    private func idleDays() -> ReportTable {
        var table = ReportTable(.idleDays, columns: doctorColumns + ["date", "weekday", "max_patients"])
        for row in analytics.idleDays() {
            table.append(doctorCells(row.doctor) + [.date(row.date), .text(row.date.weekday.name),
                         .int(row.maxPatients)])
        }
        return table
    }

    private func schedulingConflicts() -> ReportTable {
        var table = ReportTable(.schedulingConflicts, columns: ["date", "kind", "subject", "subject_id", "subject_name",
                                "ids", "detail"])
        let report = analytics.schedulingConflicts()
        for conflict in report.conflicts {
            let (subject, id, name) = who(conflict.subject)
            table.append([conflict.date.map { .date($0) } ?? .none, .text(conflict.kind.rawValue), .text(subject),
                          .text(id), .text(name), .list(conflict.ids), .text(conflict.detail)])
        }
        let summary = report.summary
        let found = ConflictKind.allCases.filter { (summary[$0] ?? 0) > 0 }
        if !found.isEmpty {
            table.chart = chart(series: ["conflicts"], found.map { ($0.rawValue, [Double(summary[$0] ?? 0)]) })
        }
        return table
    }

    // MARK: - shared pieces

    /// Said above a one-row report when several rows tie for first: all of them are listed.
    private func tieNote(_ count: Int, _ things: String, order: String) -> String? {
        count > 1 ? "\(count) \(things) tie for first; all are listed, \(order)" : nil
    }

    private var doctorColumns: [String] { ["doctor_id", "doctor"] }

    private func doctorCells(_ d: Int32) -> [ReportCell] {
        [.text(clinic.model.doctorIDs[Int(d)]), .text(doctorName(d))]
    }

    private func doctorName(_ d: Int32) -> String { clinic.names.doctorNames[Int(d)] }

    private func dayLabel(_ date: LocalDate) -> String { "\(date.weekday.shortName) \(date)" }

    private func who(_ subject: ConflictSubject) -> (String, String, String) {
        switch subject {
        case .doctor(let i): ("doctor", clinic.model.doctorIDs[Int(i)], clinic.names.doctorNames[Int(i)])
        case .rep(let i): ("rep", clinic.model.repIDs[Int(i)], clinic.names.repNames[Int(i)])
        case .patient(let i): ("patient", clinic.model.patientIDs[Int(i)], clinic.names.patientNames[Int(i)])
        }
    }

    /// A chart of the first `maximumBars` bars, saying so when there were more.
    private func chart(series: [String], _ bars: [(String, [Double])], unit: String = "",
                       note: String? = nil) -> ReportChart? {
        guard !bars.isEmpty else { return nil }
        let shown = bars.prefix(ReportTables.maximumBars)
        var text = note
        if shown.count < bars.count {
            text = (note.map { $0 + "; " } ?? "") + "the first \(shown.count) of \(bars.count) are drawn"
        }
        return ReportChart(series: series, bars: shown.map { (label: $0.0, values: $0.1) }, unit: unit, note: text)
    }
}
