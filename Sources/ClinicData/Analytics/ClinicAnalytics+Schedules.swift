import SlotSolver

// Reports 10–14: schedules and clinic logic.
extension ClinicAnalytics {
    /// Report 10: the schedules of the doctors in scope, by doctor (file order), then weekday
    /// (Sunday first), then file order. No dates involved.
    ///
    /// - Complexity: O(schedules log schedules)
    public func weeklySchedule() -> [WeeklyScheduleEntry] {
        var entries: [(position: Int, entry: WeeklyScheduleEntry)] = []
        var seen = Set<Int>()  // doctor * 7 + weekday: the first schedule in file order is the one used
        for (i, rule) in model.schedules.enumerated() where inScope(rule.doctor) {
            let used = seen.insert(Int(rule.doctor) * 7 + rule.weekday.rawValue).inserted
            entries.append((i, WeeklyScheduleEntry(schedule: rule, inUse: used)))
        }
        return entries.sorted {
            ($0.entry.schedule.doctor, $0.entry.schedule.weekday.rawValue, $0.position)
                < ($1.entry.schedule.doctor, $1.entry.schedule.weekday.rawValue, $1.position)
        }.map(\.entry)
    }

    /// Report 11: the closing clinic_days documents of the doctors in scope, at any date, by
    /// doctor (file order) and date.
    ///
    /// - Complexity: O(closures log closures)
    public func closedDays() -> [ClosedDay] {
        model.closures.filter { !$0.isOpen && inScope($0.doctor) }
            .map { c in
                ClosedDay(doctor: c.doctor, date: c.date, reason: c.reason,
                          hasSchedule: calendar.schedule(doctor: c.doctor, weekday: c.date.weekday) != nil)
            }
            .sorted { ($0.doctor, $0.date) < ($1.doctor, $1.date) }
    }

    /// Report 12: per doctor in scope and working date in the range, booked occurrences against
    /// max_patients.
    ///
    /// - Complexity: O(doctors × days + occurrences)
    public func occupancyRate() -> [DailyOccupancy] {
        let booked = bookedPerDoctorDate()
        var result: [DailyOccupancy] = []
        for d in doctorsInScope {
            for (k, date) in range.enumerated() {
                guard let rule = calendar.schedule(doctor: d, workingOn: date) else { continue }
                result.append(DailyOccupancy(doctor: d, date: date, booked: booked[Int(d) * range.count + k],
                                             maxPatients: Int(rule.maxPatients)))
            }
        }
        return result
    }

    /// Report 13: the working dates in the range without any booked occurrence, per doctor in scope.
    ///
    /// - Complexity: O(doctors × days + occurrences)
    public func idleDays() -> [DailyOccupancy] {
        occupancyRate().filter { $0.booked == 0 }
    }

    /// Report 14: the conflict engine's findings in the range (as `clinic-plan conflicts`).
    ///
    /// - Complexity: O(n log n) in occurrences
    public func schedulingConflicts() -> ConflictReport {
        if doctor == nil {
            // The shared occurrences already cover every doctor: no second expansion.
            return ConflictDetector.detect(occurrences: occurrences, model: model, calendar: calendar)
        }
        return ConflictDetector.detect(model: model, calendar: calendar, range: range, doctor: doctor)
    }
}
