import ClinicData
import SlotSolver

/// One doctor's week as a grid: days as columns, time of day as rows (one pixel per minute),
/// patient hours and rep hours shaded differently, appointments and rep visits as blocks, closed
/// and unscheduled days marked, and everything in a conflict in red.
struct HTMLWeekGrid {
    let clinic: Clinic
    let conflicts: ConflictIndex

    func render(_ week: DoctorWeek) -> String {
        let d = Int(week.doctor)
        let (first, last) = hours(week)
        let height = Double(last - first)
        var out = "<section class=\"doctor\" id=\"doctor-\(HTMLText.escape(clinic.model.doctorIDs[d]))\">"
        out += "<h2>\(HTMLText.escape(clinic.names.doctorNames[d])) <small>\(HTMLText.escape(clinic.names.doctorDetails[d]))"
        out += " · \(HTMLText.escape(clinic.model.doctorIDs[d]))</small></h2>"
        for conflict in conflicts.undated(doctor: week.doctor) {
            out += "<p class=\"alert\">\(conflict.kind.rawValue): \(HTMLText.escape(conflict.detail))</p>"
        }
        out += "<div class=\"week\" style=\"grid-template-columns: 3.5em repeat(\(week.days.count), minmax(7.5em, 1fr))\">"
        out += "<div class=\"corner\"></div>"
        for day in week.days { out += header(day, doctor: week.doctor) }
        out += "<div class=\"times\" style=\"height:\(HTMLText.px(height))\">"
        for minute in stride(from: first, to: last, by: 60) {
            out += "<span style=\"top:\(HTMLText.px(Double(minute - first)))\">\(MinuteOfDay(minute))</span>"
        }
        out += "</div>"
        for day in week.days { out += column(day, from: first, height: height) }
        return out + "</div>" + summary(week) + "</section>"
    }

    // MARK: - pieces

    private func header(_ day: DayPlan, doctor: Int32) -> String {
        var out = "<div class=\"dayhead \(statusClass(day))\"><b>\(day.date.weekday.shortName)</b> \(day.date)<br>"
        switch day.status {
        case .open:
            let rule = day.schedule!
            out += "<span>\(day.bookedAppointments)/\(rule.maxPatients) patients · \(day.occupyingVisits)/\(rule.maxReps) reps</span>"
        case .closed(let reason): out += "<span class=\"closure\">Closed: \(HTMLText.escape(reason))</span>"
        case .noSchedule: out += "<span>No schedule</span>"
        }
        for conflict in conflicts.dayLevel(doctor: doctor, date: day.date) {
            out += "<span class=\"alert\">\(conflict.kind.rawValue): \(HTMLText.escape(conflict.detail))</span>"
        }
        return out + "</div>"
    }

    private func column(_ day: DayPlan, from first: Int32, height: Double) -> String {
        var out = "<div class=\"day \(statusClass(day))\" style=\"height:\(HTMLText.px(height))\">"
        if let rule = day.schedule {
            out += block("win patient", rule.patientWindow, from: first, title: "Patient hours \(rule.patientWindow)")
            out += block("win rep", rule.repWindow, from: first, title: "Rep hours \(rule.repWindow)")
        }
        if case .closed(let reason) = day.status {
            out += "<div class=\"closedlabel\">Closed<br>\(HTMLText.escape(reason))</div>"
        }
        let lanes = HTMLWeekGrid.lanes(day.entries.map(\.interval))
        let laneCount = (lanes.max() ?? 0) + 1
        for (entry, lane) in zip(day.entries, lanes) {
            let kinds = conflicts.kinds(id: entry.id, date: day.date)
            let isAppointment = entry.kind == .appointment
            var classes = "item " + (isAppointment ? "appt" : "visit")
            if entry.conflicted || !kinds.isEmpty { classes += " conflict" }
            var title = "\(entry.interval) \(isAppointment ? "Patient" : "Rep visit"): \(person(entry)) (\(entry.id))"
            if !kinds.isEmpty { title += " — " + kinds.map(\.rawValue).joined(separator: ", ") }
            let width = 100.0 / Double(laneCount)
            let style = "left:\(ReportCell.format(Double(lane) * width, digits: 2))%;"
                + "width:calc(\(ReportCell.format(width, digits: 2))% - 2px);"
            out += block(classes, entry.interval, from: first, title: title, style: style,
                         text: "\(entry.interval.start) \(person(entry))")
        }
        return out + "</div>"
    }

    private func block(_ classes: String, _ interval: MinuteInterval, from first: Int32, title: String,
                       style: String = "", text: String = "") -> String {
        let top = Double(interval.start.minutes - first)
        let height = Double(max(interval.length, 1))
        return "<div class=\"\(classes)\" style=\"top:\(HTMLText.px(top));height:\(HTMLText.px(height));\(style)\" "
            + "title=\"\(HTMLText.escape(title))\">\(HTMLText.escape(text))</div>"
    }

    private func summary(_ week: DoctorWeek) -> String {
        let open = week.days.filter { $0.status == .open }
        let booked = open.reduce(0) { $0 + $1.bookedAppointments }
        let capacity = open.reduce(0) { $0 + Int($1.schedule?.maxPatients ?? 0) }
        let visits = week.days.reduce(0) { $0 + $1.occupyingVisits }
        var text = "\(open.count) working day(s), \(booked) appointment(s)"
        if capacity > 0 {
            text += " of \(capacity) (\(ReportCell.format(Double(booked) * 100 / Double(capacity), digits: 0))%)"
        }
        return "<p class=\"summary\">\(text), \(visits) rep visit(s)</p>"
    }

    private func statusClass(_ day: DayPlan) -> String {
        switch day.status {
        case .open: "open"
        case .closed: "closed"
        case .noSchedule: "noschedule"
        }
    }

    private func person(_ entry: PlanEntry) -> String {
        switch entry.kind {
        case .appointment: clinic.names.patientNames[Int(entry.person)]
        case .repVisit: "\(clinic.names.repNames[Int(entry.person)]), \(clinic.names.repCompanies[Int(entry.person)])"
        }
    }

    /// The displayed hours: whole hours around every window and item of the week (08–18 when empty).
    private func hours(_ week: DoctorWeek) -> (Int32, Int32) {
        var intervals: [MinuteInterval] = []
        for day in week.days {
            if let rule = day.schedule { intervals += [rule.patientWindow, rule.repWindow] }
            intervals += day.entries.map(\.interval)
        }
        guard let start = intervals.map(\.start.minutes).min(), let end = intervals.map(\.end.minutes).max() else {
            return (8 * 60, 18 * 60)
        }
        return (start / 60 * 60, (end + 59) / 60 * 60)
    }

    /// Side-by-side lanes for overlapping items: each item (in time order) takes the first lane
    /// free at its start.
    static func lanes(_ intervals: [MinuteInterval]) -> [Int] {
        var laneEnds: [MinuteOfDay] = []
        return intervals.map { interval in
            if let free = laneEnds.firstIndex(where: { $0 <= interval.start }) {
                laneEnds[free] = interval.end
                return free
            }
            laneEnds.append(interval.end)
            return laneEnds.count - 1
        }
    }
}
