import ClinicData
import SlotSolver

/// A weekly plan as an iCalendar file (RFC 5545): one VEVENT per appointment occurrence and rep
/// visit, one all-day VEVENT per closed day, in the clinic's zone.
///
/// UIDs are stable, so importing the file again (e.g. next week's, or after edits) updates the
/// events instead of duplicating them: `<id>-<YYYYMMDD>@clinic-plan` for an occurrence of a standing
/// weekly appointment (one per date), `<id>@clinic-plan` for a dated appointment, a rep visit or a
/// closure. Times carry `TZID=<zone>` with a VTIMEZONE component, or are UTC ("Z") when the zone is UTC.
///
/// Calendars that took an earlier file update on re-import: every event carries `SEQUENCE` (how
/// many confirmed changes in the audit log edited its record) and `LAST-MODIFIED`, and what no
/// longer happens in the range is emitted with its old UID and `STATUS:CANCELLED`: cancelled
/// appointments and visits, the skipped dates of weekly appointments (a moved occurrence is one:
/// it lives on as a new dated appointment), and rescheduled visits waiting for a new slot.
struct ICSCalendar {
    let clinic: Clinic
    let plan: WeeklyPlan
    let conflicts: ConflictReport
    /// DTSTAMP: when the file was made (passed in, so that tests get fixed output).
    let stamp: Instant
    /// The audit log's record revisions: SEQUENCE and LAST-MODIFIED.
    let history: AuditHistory
    /// The plan's doctor, when it has one: cancellations of other doctors stay out.
    let doctor: Int32?
    /// Ids of the standing weekly appointments, whose UIDs carry the date.
    private let weeklyAppointmentIDs: Set<String>

    static let uidDomain = "clinic-plan"

    init(clinic: Clinic, plan: WeeklyPlan, conflicts: ConflictReport, stamp: Instant,
         history: AuditHistory = AuditHistory(), doctor: Int32? = nil) {
        self.clinic = clinic
        self.plan = plan
        self.conflicts = conflicts
        self.stamp = stamp
        self.history = history
        self.doctor = doctor
        var weekly = Set<String>()
        for appointment in clinic.model.appointments {
            if case .weekly = appointment.recurrence { weekly.insert(appointment.id) }
        }
        weeklyAppointmentIDs = weekly
    }

    func render() -> String {
        var writer = ICSWriter()
        let zoneName = clinic.timeZone.identifier
        let zone = ICSTimeZone(identifier: zoneName)
        let movedAway = movedOutOfRange()
        let dates = [plan.range.first, plan.range.end] + movedAway.map(\.date)
        let rangeStart = Int64(dates.min()!.daysSinceEpoch) * 86_400
        let rangeEnd = Int64(dates.max()!.daysSinceEpoch + 1) * 86_400
        let utc = zone?.isUTC(around: rangeStart) ?? true

        writer.begin("VCALENDAR")
        writer.raw("VERSION", "2.0")
        writer.raw("PRODID", "-//clinic-plan//Weekly plan//EN")
        writer.raw("CALSCALE", "GREGORIAN")
        writer.raw("METHOD", "PUBLISH")
        writer.text("X-WR-CALNAME", calendarName)
        writer.text("X-WR-TIMEZONE", zoneName)
        if !utc, let zone {
            zone.write(into: &writer, identifier: zoneName, from: rangeStart - 86_400, to: rangeEnd + 86_400)
        }
        let index = ConflictIndex(conflicts)
        for week in plan.doctors {
            for day in week.days {
                if case .closed(let reason) = day.status {
                    closure(doctor: week.doctor, date: day.date, reason: reason, into: &writer)
                }
                for entry in day.entries {
                    event(entry, doctor: week.doctor, date: day.date, kinds: index.kinds(id: entry.id, date: day.date),
                          utc: utc, into: &writer)
                }
            }
        }
        for moved in movedAway {
            event(moved.entry, doctor: moved.doctor, date: moved.date, kinds: [], utc: utc, into: &writer)
        }
        for cancelled in cancellations() { cancellation(cancelled, utc: utc, into: &writer) }
        writer.end("VCALENDAR")
        return writer.text
    }

    private var calendarName: String {
        if plan.doctors.count == 1 { return "Clinic plan – \(clinic.names.doctorNames[Int(plan.doctors[0].doctor)])" }
        return "Clinic plan"
    }

    // MARK: - events

    private func event(_ entry: PlanEntry, doctor: Int32, date: LocalDate, kinds: [ConflictKind], utc: Bool,
                       into writer: inout ICSWriter) {
        let d = Int(doctor)
        let doctorName = clinic.names.doctorNames[d]
        let isAppointment = entry.kind == .appointment
        let person = Int(entry.person)
        writer.begin("VEVENT")
        writer.text("UID", uid(entry, date: date))
        writer.raw("DTSTAMP", ICSTimeZone.utcText(epochMilliseconds: stamp.epochMilliseconds))
        writer.raw(dateTimeName("DTSTART", utc: utc), dateTime(date, entry.interval.start, utc: utc))
        writer.raw(dateTimeName("DTEND", utc: utc), dateTime(date, entry.interval.end, utc: utc))
        let mark = entry.conflicted || !kinds.isEmpty ? "⚠ " : ""
        var description: [String]
        if isAppointment {
            writer.text("SUMMARY", "\(mark)Patient: \(clinic.names.patientNames[person]) (\(doctorName))")
            description = ["Appointment \(entry.id) with \(doctorName)",
                           "Patient \(clinic.names.patientNames[person]) (\(clinic.model.patientIDs[person]))"]
        } else {
            writer.text("SUMMARY", "\(mark)Rep visit: \(clinic.names.repNames[person]), "
                        + "\(clinic.names.repCompanies[person]) (\(doctorName))")
            description = ["Rep visit \(entry.id) to \(doctorName)",
                           "Rep \(clinic.names.repNames[person]) of \(clinic.names.repCompanies[person]) "
                           + "(\(clinic.model.repIDs[person]))"]
        }
        if !kinds.isEmpty { description.append("Conflicts: " + kinds.map(\.rawValue).joined(separator: ", ")) }
        writer.text("DESCRIPTION", description.joined(separator: "\n"))
        writer.text("LOCATION", clinic.dataset.doctors[d].clinicName)
        writer.text("CATEGORIES", isAppointment ? "Appointment" : "Rep visit")
        revision(of: entry.id, cancelled: false, into: &writer)
        writer.raw("STATUS", "CONFIRMED")
        writer.raw("TRANSP", "OPAQUE")
        writer.end("VEVENT")
    }

    // MARK: - moved out of the range

    /// Bookings the audit log says were moved away from a date in the range to one outside it:
    /// an earlier file showed them here, so this one carries them at their new date (same UID,
    /// higher SEQUENCE) and a calendar that re-imports it moves them.
    private func movedOutOfRange() -> [(entry: PlanEntry, doctor: Int32, date: LocalDate)] {
        let model = clinic.model
        func wasHere(_ id: String) -> Bool {
            return history.revision(of: id)?.movedFrom.contains { plan.range.contains(clinic.localDate($0)) } ?? false
        }
        var found: [(entry: PlanEntry, doctor: Int32, date: LocalDate)] = []
        for a in model.appointments where a.status == .booked && (doctor == nil || doctor == a.doctor) {
            guard case .dated(let date) = a.recurrence, !plan.range.contains(date), wasHere(a.id) else { continue }
            let length = appointmentLength(doctor: a.doctor, on: date)
            found.append((PlanEntry(kind: .appointment, id: a.id, person: a.patient,
                                    interval: MinuteInterval(start: a.time, length: length), conflicted: false), a.doctor, date))
        }
        for v in model.visits where v.status.occupiesTime && (doctor == nil || doctor == v.doctor)
            && !plan.range.contains(v.date) && wasHere(v.id) {
            found.append((PlanEntry(kind: .repVisit, id: v.id, person: v.rep,
                                    interval: MinuteInterval(start: v.start, length: v.length), conflicted: false), v.doctor, v.date))
        }
        return found
    }

    /// An appointment's length on `date`: that weekday's `appointment_minutes`, or the spec's default.
    private func appointmentLength(doctor: Int32, on date: LocalDate) -> Int32 {
        clinic.calendar.schedule(doctor: doctor, weekday: date.weekday)?.appointmentMinutes
            ?? ScheduleRule.defaultAppointmentMinutes
    }

    // MARK: - cancellations

    /// An occurrence that no longer happens in the range.
    private struct Cancelled {
        var id: String
        var uid: String
        var doctor: Int32
        var date: LocalDate
        var interval: MinuteInterval
        var summary: String
    }

    /// Every occurrence in the range that an earlier file may have shown and that is gone now.
    private func cancellations() -> [Cancelled] {
        let model = clinic.model
        var found: [Cancelled] = []
        func wanted(_ d: Int32) -> Bool { doctor == nil || doctor == d }
        func length(_ d: Int32, _ date: LocalDate) -> Int32 { appointmentLength(doctor: d, on: date) }
        for a in model.appointments where wanted(a.doctor) {
            let who = "Patient: \(clinic.names.patientNames[Int(a.patient)])"
            switch a.recurrence {
            case .dated(let date) where a.status == .cancelled && plan.range.contains(date):
                found.append(Cancelled(id: a.id, uid: "\(a.id)@\(Self.uidDomain)", doctor: a.doctor, date: date,
                                       interval: MinuteInterval(start: a.time, length: length(a.doctor, date)), summary: who))
            case .weekly(let weekday, let skipping):
                for date in plan.range where date.weekday == weekday && (a.status == .cancelled || skipping.contains(date)) {
                    found.append(Cancelled(id: a.id, uid: "\(a.id)-\(ICSTimeZone.compact(date))@\(Self.uidDomain)",
                                           doctor: a.doctor, date: date,
                                           interval: MinuteInterval(start: a.time, length: length(a.doctor, date)), summary: who))
                }
            default:
                break
            }
        }
        for v in model.visits where wanted(v.doctor) && plan.range.contains(v.date)
            && (v.status == .cancelled || v.status == .rescheduled) {
            found.append(Cancelled(id: v.id, uid: "\(v.id)@\(Self.uidDomain)", doctor: v.doctor, date: v.date,
                                   interval: MinuteInterval(start: v.start, length: v.length),
                                   summary: "Rep visit: \(clinic.names.repNames[Int(v.rep)])"))
        }
        return found
    }

    private func cancellation(_ c: Cancelled, utc: Bool, into writer: inout ICSWriter) {
        writer.begin("VEVENT")
        writer.text("UID", c.uid)
        writer.raw("DTSTAMP", ICSTimeZone.utcText(epochMilliseconds: stamp.epochMilliseconds))
        writer.raw(dateTimeName("DTSTART", utc: utc), dateTime(c.date, c.interval.start, utc: utc))
        writer.raw(dateTimeName("DTEND", utc: utc), dateTime(c.date, c.interval.end, utc: utc))
        writer.text("SUMMARY", "Cancelled: \(c.summary) (\(clinic.names.doctorNames[Int(c.doctor)]))")
        revision(of: c.id, cancelled: true, into: &writer)
        writer.raw("STATUS", "CANCELLED")
        writer.raw("TRANSP", "TRANSPARENT")
        writer.end("VEVENT")
    }

    /// SEQUENCE and LAST-MODIFIED of a record's event. A cancellation counts one more than the
    /// record's revisions, so that it outranks the last event a calendar saw even when the
    /// record changed outside clinic-plan (no audit line).
    private func revision(of id: String, cancelled: Bool, into writer: inout ICSWriter) {
        let revision = history.revision(of: id)
        writer.raw("SEQUENCE", String((revision?.updates ?? 0) + (cancelled ? 1 : 0)))
        let modified = revision?.lastModified ?? stamp
        writer.raw("LAST-MODIFIED", ICSTimeZone.utcText(epochMilliseconds: modified.epochMilliseconds))
    }

    private func closure(doctor: Int32, date: LocalDate, reason: String, into writer: inout ICSWriter) {
        let doctorName = clinic.names.doctorNames[Int(doctor)]
        let id = clinic.calendar.closure(doctor: doctor, date: date)?.id ?? "\(clinic.model.doctorIDs[Int(doctor)])-closed"
        writer.begin("VEVENT")
        writer.text("UID", "\(id)@\(ICSCalendar.uidDomain)")
        writer.raw("DTSTAMP", ICSTimeZone.utcText(epochMilliseconds: stamp.epochMilliseconds))
        writer.raw("DTSTART;VALUE=DATE", ICSTimeZone.compact(date))
        writer.raw("DTEND;VALUE=DATE", ICSTimeZone.compact(date.adding(days: 1)))
        writer.text("SUMMARY", "Closed: \(reason) (\(doctorName))")
        writer.text("CATEGORIES", "Closed")
        writer.raw("TRANSP", "TRANSPARENT")
        writer.end("VEVENT")
    }

    /// Stable per item and, for standing weekly appointments, per date.
    func uid(_ entry: PlanEntry, date: LocalDate) -> String {
        let weekly = entry.kind == .appointment && weeklyAppointmentIDs.contains(entry.id)
        return entry.id + (weekly ? "-" + ICSTimeZone.compact(date) : "") + "@" + ICSCalendar.uidDomain
    }

    private func dateTimeName(_ name: String, utc: Bool) -> String {
        utc ? name : "\(name);TZID=\(clinic.timeZone.identifier)"
    }

    /// A local date and minute (minutes past 24:00 roll into the next day) in the file's form.
    private func dateTime(_ date: LocalDate, _ minute: MinuteOfDay, utc: Bool) -> String {
        let day = date.adding(days: Int(minute.minutes / 1440))
        let wall = MinuteOfDay(minute.minutes % 1440)
        if utc {
            return ICSTimeZone.utcText(epochMilliseconds: clinic.timeZone.epochMilliseconds(date: day, minute: wall))
        }
        return ICSTimeZone.localText(seconds: Int64(day.daysSinceEpoch) * 86_400 + Int64(wall.minutes) * 60)
    }
}
