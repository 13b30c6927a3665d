/// Builds the weekly plan: for each doctor and date, the status, the items in time order (marked
/// when they are in a conflict of that date), the free slots and the utilization.
public enum WeeklyPlanner {
    /// The plan of every doctor (by index) or only `doctor`, for every date of `range`.
    ///
    /// Conflicts are searched over all doctors, so an item double-booked with another doctor's
    /// item (same rep or patient) is marked too.
    ///
    /// - Complexity: O(n log n + doctors × dates + free slots), n the occurrences in the range.
    public static func plan(model: ClinicModel, calendar: WorkCalendar, range: DateRange,
                            doctor: Int32? = nil) -> WeeklyPlan {
        let occurrences = OccurrenceExpansion.occurrences(of: model, calendar: calendar, in: range)
        var conflicted = [Bool](repeating: false, count: occurrences.count)
        let doctors: [Int32] = doctor.map { [$0] } ?? (0..<Int32(model.doctorIDs.count)).map { $0 }

        // Each selected doctor's occurrences, bucketed by date offset.
        var slotOfDoctor = [Int](repeating: -1, count: model.doctorIDs.count)
        for (slot, d) in doctors.enumerated() { slotOfDoctor[Int(d)] = slot }
        var buckets = [[Int32]](repeating: [], count: doctors.count * range.count)

        occurrences.withUnsafeBufferPointer { buffer in
            let found = ConflictSweep.conflicts(in: buffer, model: model, calendar: calendar, doctor: doctor)
            for raw in found.conflicts where raw.date != nil {
                for member in found.members(of: raw) { conflicted[Int(member)] = true }
            }
            for (i, o) in buffer.enumerated() {
                let slot = slotOfDoctor[Int(o.doctor)]
                guard slot >= 0 else { continue }
                buckets[slot * range.count + range.first.days(to: o.date)].append(Int32(i))
            }
        }

        var weeks: [DoctorWeek] = []
        weeks.reserveCapacity(doctors.count)
        for (slot, d) in doctors.enumerated() {
            var days: [DayPlan] = []
            days.reserveCapacity(range.count)
            for (offset, date) in range.enumerated() {
                var members = buckets[slot * range.count + offset]
                members.sort { (occurrences[Int($0)].start, $0) < (occurrences[Int($1)].start, $1) }
                days.append(dayPlan(doctor: d, date: date, members: members, occurrences: occurrences,
                                    conflicted: conflicted, model: model, calendar: calendar))
            }
            weeks.append(DoctorWeek(doctor: d, days: days))
        }
        return WeeklyPlan(range: range, doctors: weeks)
    }

    /// One doctor's date, from its occurrences in time order.
    static func dayPlan(doctor: Int32, date: LocalDate, members: [Int32], occurrences: [Occurrence],
                        conflicted: [Bool], model: ClinicModel, calendar: WorkCalendar) -> DayPlan {
        let schedule = calendar.schedule(doctor: doctor, weekday: date.weekday)
        let status: DayStatus
        if let closure = calendar.closure(doctor: doctor, date: date) {
            status = .closed(reason: closure.reason)
        } else {
            status = schedule == nil ? .noSchedule : .open
        }

        var entries: [PlanEntry] = []
        entries.reserveCapacity(members.count)
        var booked = 0, visits = 0
        for member in members {
            let o = occurrences[Int(member)]
            let id: String
            if o.kind == .appointment {
                id = model.appointments[Int(o.record)].id
                booked += 1
            } else {
                id = model.visits[Int(o.record)].id
                visits += 1
            }
            entries.append(PlanEntry(kind: o.kind, id: id, person: o.person, interval: o.interval,
                                     conflicted: conflicted[Int(member)]))
        }

        var freePatient: [MinuteInterval] = [], freeRep: [MinuteInterval] = []
        var patientPlaces = 0, repPlaces = 0
        var utilization: Double?
        if status == .open, let schedule {
            // A slot is offered only while the day is under its cap: the plan shows what `book` accepts.
            let busy = entries.map(\.interval)
            patientPlaces = max(0, Int(schedule.maxPatients) - booked)
            repPlaces = max(0, Int(schedule.maxReps) - visits)
            if patientPlaces > 0 { freePatient = SlotGrid(rule: schedule, kind: .appointment).freeSlots(busy: busy) }
            if repPlaces > 0 { freeRep = SlotGrid(rule: schedule, kind: .repVisit).freeSlots(busy: busy) }
            if schedule.maxPatients > 0 { utilization = Double(booked) / Double(schedule.maxPatients) }
        }
        return DayPlan(date: date, status: status, schedule: schedule, entries: entries,
                       freePatientSlots: freePatient, freeRepSlots: freeRep, bookedAppointments: booked,
                       occupyingVisits: visits, patientPlacesLeft: patientPlaces, repPlacesLeft: repPlaces,
                       utilization: utilization)
    }
}
