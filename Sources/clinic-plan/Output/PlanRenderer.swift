import Dispatch
import ClinicData
import SlotSolver

/// Prints a weekly plan: a block per doctor for people, JSON and CSV for programs.
struct PlanRenderer {
    let clinic: Clinic
    let plan: WeeklyPlan
    /// Conflict kinds by date and item id, to mark entries; undated ones by doctor.
    private let itemConflicts: [ItemOnDate: [ConflictKind]]
    private let scheduleConflicts: [Int32: [Conflict]]

    init(clinic: Clinic, plan: WeeklyPlan, conflicts: ConflictReport) {
        self.clinic = clinic
        self.plan = plan
        var items: [ItemOnDate: [ConflictKind]] = [:]
        var schedules: [Int32: [Conflict]] = [:]
        for conflict in conflicts.conflicts {
            guard let date = conflict.date else {
                if case .doctor(let d) = conflict.subject { schedules[d, default: []].append(conflict) }
                continue
            }
            for id in conflict.ids where !(items[ItemOnDate(id: id, date: date)]?.contains(conflict.kind) ?? false) {
                items[ItemOnDate(id: id, date: date), default: []].append(conflict.kind)
            }
        }
        itemConflicts = items
        scheduleConflicts = schedules
    }

    private struct ItemOnDate: Hashable {
        var id: String
        var date: LocalDate
    }

    private func conflictKinds(_ entry: PlanEntry, on date: LocalDate) -> [ConflictKind] {
        itemConflicts[ItemOnDate(id: entry.id, date: date)] ?? []
    }

    // MARK: - table

    func table() -> String {
        var out = "Week \(plan.range) (\(clinic.timeZone)) · \(plan.doctors.count) doctor(s)\n"
        for week in plan.doctors {
            let d = Int(week.doctor)
            out += "\n== \(clinic.names.doctorNames[d]) · \(clinic.names.doctorDetails[d]) · \(clinic.model.doctorIDs[d])\n"
            for conflict in scheduleConflicts[week.doctor] ?? [] {
                out += "   ! \(conflict.kind.rawValue): \(conflict.detail)\n"
            }
            for day in week.days { out += dayBlock(day) }
            out += weekSummary(week)
        }
        return out
    }

    private func dayBlock(_ day: DayPlan) -> String {
        let label = "\(day.date.weekday.shortName) \(day.date)"
        var out: String
        switch day.status {
        case .noSchedule: out = "\(label)  no schedule\n"
        case .closed(let reason): out = "\(label)  CLOSED: \(reason)\n"
        case .open:
            let rule = day.schedule!
            out = "\(label)  patients \(rule.patientWindow) · \(day.bookedAppointments)/\(rule.maxPatients) booked"
            if let utilization = day.utilization { out += " (\(percent(utilization)))" }
            out += " · reps \(rule.repWindow) · \(day.occupyingVisits)/\(rule.maxReps) visits\n"
        }
        for entry in day.entries {
            let kinds = conflictKinds(entry, on: day.date)
            let mark = kinds.isEmpty ? "" : "  ! " + kinds.map(\.rawValue).joined(separator: ", ")
            // The person's id (what `book` takes), then the appointment's or visit's (what `cancel` takes).
            out += "    \(entry.interval)  \(entry.kind == .appointment ? "patient  " : "rep visit")  "
            out += "\(personName(entry)) (\(personID(entry))) · \(entry.kind == .appointment ? "appointment" : "visit") "
            out += "\(entry.id)\(mark)\n"
        }
        if case .open = day.status {
            let rule = day.schedule!
            out += "    free: patients \(freeSlots(day.freePatientSlots, length: rule.appointmentMinutes, left: day.patientPlacesLeft))"
            out += " · reps \(freeSlots(day.freeRepSlots, length: SlotGrid.repSlotMinutes, left: day.repPlacesLeft))\n"
        }
        return out
    }

    private func weekSummary(_ week: DoctorWeek) -> String {
        let open = week.days.filter { $0.status == .open }
        let booked = open.reduce(0) { $0 + $1.bookedAppointments }
        let capacity = open.reduce(0) { $0 + Int($1.schedule?.maxPatients ?? 0) }
        let visits = week.days.reduce(0) { $0 + $1.occupyingVisits }
        var out = "   week: \(open.count) working day(s), \(booked) appointment(s)"
        if capacity > 0 { out += " of \(capacity) (\(percent(Double(booked) / Double(capacity))))" }
        return out + ", \(visits) rep visit(s)\n"
    }

    /// "09:40–11:00, 11:20–13:00 (10 × 20 min, 3 places left)": adjacent free slots merged into
    /// ranges, and how many of them the day's cap still allows; "none (day full)" at the cap.
    private func freeSlots(_ slots: [MinuteInterval], length: Int32, left: Int) -> String {
        guard left > 0 else { return "none (day full)" }
        guard !slots.isEmpty else { return "none" }
        var ranges: [MinuteInterval] = []
        for slot in slots {
            if let last = ranges.last, last.end == slot.start {
                ranges[ranges.count - 1].end = slot.end
            } else {
                ranges.append(slot)
            }
        }
        let places = left == 1 ? "1 place left" : "\(left) places left"
        return ranges.map(\.description).joined(separator: ", ") + " (\(slots.count) × \(length) min, \(places))"
    }

    private func personID(_ entry: PlanEntry) -> String {
        entry.kind == .appointment ? clinic.model.patientIDs[Int(entry.person)] : clinic.model.repIDs[Int(entry.person)]
    }

    private func personName(_ entry: PlanEntry) -> String {
        switch entry.kind {
        case .appointment: clinic.names.patientNames[Int(entry.person)]
        case .repVisit: "\(clinic.names.repNames[Int(entry.person)]), \(clinic.names.repCompanies[Int(entry.person)])"
        }
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    // MARK: - JSON

    func json() -> JSONValue { json(doctors: plan.doctors.map(doctorJSON)) }

    private func json(doctors: [JSONValue]) -> JSONValue {
        .object([
            "week": .object(["from": .date(plan.range.first), "to": .date(plan.range.last)]),
            "timezone": .string(clinic.timeZone.identifier),
            "doctors": .array(doctors),
        ])
    }

    /// `json().utf8Bytes`, with the doctors rendered on both cores (a plan of thousands of
    /// doctors is tens of megabytes of JSON).
    func jsonBytes() -> [UInt8] {
        var bytes = json(doctors: []).utf8Bytes
        // `{…,"doctors":[]}`: the doctors go between the brackets.
        bytes.removeLast(2)
        let halves = RenderedHalves()
        let renderer = UncheckedRenderer(renderer: self)
        let middle = plan.doctors.count / 2
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let range = half == 0 ? 0..<middle : middle..<renderer.renderer.plan.doctors.count
            var out: [UInt8] = []
            for i in range {
                if i > range.lowerBound { out.append(UInt8(ascii: ",")) }
                out += renderer.renderer.doctorJSON(renderer.renderer.plan.doctors[i]).utf8Bytes
            }
            if half == 0 { halves.first = out } else { halves.second = out }
        }
        bytes += halves.first
        if !halves.first.isEmpty && !halves.second.isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes += halves.second
        bytes += Array("]}".utf8)
        return bytes
    }

    func doctorJSON(_ week: DoctorWeek) -> JSONValue {
        let d = Int(week.doctor)
        let doctor = clinic.dataset.doctors[d]
        return .object([
            "doctor_id": .string(clinic.model.doctorIDs[d]),
            "name": .string(clinic.names.doctorNames[d]),
            "specialization": .string(doctor.specialization),
            "clinic_name": .string(doctor.clinicName),
            "schedule_conflicts": .array((scheduleConflicts[week.doctor] ?? []).map {
                .object(["kind": .string($0.kind.rawValue), "ids": .strings($0.ids), "detail": .string($0.detail)])
            }),
            "days": .array(week.days.map(dayJSON)),
        ])
    }

    private func dayJSON(_ day: DayPlan) -> JSONValue {
        var members: [(String, JSONValue)] = [("date", .date(day.date)), ("weekday", .string(day.date.weekday.name))]
        switch day.status {
        case .open: members.append(("status", .string("open")))
        case .noSchedule: members.append(("status", .string("no_schedule")))
        case .closed(let reason): members += [("status", .string("closed")), ("reason", .string(reason))]
        }
        if let rule = day.schedule {
            members += [
                ("patient_window", .interval(rule.patientWindow)), ("rep_window", .interval(rule.repWindow)),
                ("max_patients", .int(rule.maxPatients)), ("max_reps", .int(rule.maxReps)),
                ("appointment_minutes", .int(rule.appointmentMinutes)),
            ]
        }
        members += [
            ("booked_appointments", .int(day.bookedAppointments)),
            ("rep_visits", .int(day.occupyingVisits)),
            ("utilization", day.utilization.map { .decimal($0) } ?? .null),
            ("items", .array(day.entries.map { entryJSON($0, on: day.date) })),
            ("free_patient_slots", .array(day.freePatientSlots.map(JSONValue.interval))),
            ("patient_places_left", .int(day.patientPlacesLeft)),
            ("free_rep_slots", .array(day.freeRepSlots.map(JSONValue.interval))),
            ("rep_places_left", .int(day.repPlacesLeft)),
        ]
        return .members(members)
    }

    private func entryJSON(_ entry: PlanEntry, on date: LocalDate) -> JSONValue {
        let person = Int(entry.person)
        let isAppointment = entry.kind == .appointment
        return .object([
            "kind": .string(isAppointment ? "appointment" : "rep_visit"),
            "id": .string(entry.id),
            "start": .time(entry.interval.start),
            "end": .time(entry.interval.end),
            isAppointment ? "patient_id" : "rep_id":
                .string(isAppointment ? clinic.model.patientIDs[person] : clinic.model.repIDs[person]),
            "name": .string(personName(entry)),
            "conflicts": .strings(conflictKinds(entry, on: date).map(\.rawValue)),
        ])
    }

    // MARK: - CSV

    /// One row per item, plus one row per day (kind `day`) that carries the day's status and counts.
    func csv() -> String {
        var csv = CSVTable(["doctor_id", "doctor", "date", "weekday", "status", "reason", "kind", "id", "start", "end",
                            "person_id", "person", "booked", "max_patients", "utilization", "conflicts"])
        for week in plan.doctors {
            let d = Int(week.doctor)
            let doctorCells = [clinic.model.doctorIDs[d], clinic.names.doctorNames[d]]
            for day in week.days {
                var status = "open", reason = ""
                switch day.status {
                case .open: break
                case .noSchedule: status = "no_schedule"
                case .closed(let why): status = "closed"; reason = why
                }
                let dayCells = doctorCells + [day.date.description, day.date.weekday.name, status, reason]
                let window = day.schedule?.patientWindow
                csv.append(dayCells + ["day", "", window?.start.description ?? "", window?.end.description ?? "", "", "",
                                       String(day.bookedAppointments), day.schedule.map { String($0.maxPatients) } ?? "",
                                       day.utilization.map { String(($0 * 10_000).rounded() / 10_000) } ?? "", ""])
                for entry in day.entries {
                    let isAppointment = entry.kind == .appointment
                    let personID = isAppointment ? clinic.model.patientIDs[Int(entry.person)]
                        : clinic.model.repIDs[Int(entry.person)]
                    csv.append(dayCells + [isAppointment ? "appointment" : "rep_visit", entry.id,
                                           entry.interval.start.description, entry.interval.end.description,
                                           personID, personName(entry), "", "", "",
                                           conflictKinds(entry, on: day.date).map(\.rawValue).joined(separator: ";")])
                }
            }
        }
        return csv.rendered
    }
}

/// The two halves of the doctors' JSON; each thread writes its own.
private final class RenderedHalves: @unchecked Sendable {
    var first: [UInt8] = []
    var second: [UInt8] = []
}

/// The renderer, read (never changed) by both threads.
private struct UncheckedRenderer: @unchecked Sendable {
    let renderer: PlanRenderer
}
