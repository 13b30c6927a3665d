import SlotSolver

// Reports 4–6: patients and appointments.
extension ClinicAnalytics {
    /// Report 4: per date of the range (every date, also with 0), the booked occurrences and the
    /// distinct patients among them.
    ///
    /// - Complexity: O(days + occurrences)
    public func patientsPerDay() -> [DailyPatients] {
        var appointments = [Int](repeating: 0, count: range.count)
        var pairs: [(Int32, Int32)] = []
        for o in occurrences where o.kind == .appointment {
            let k = offset(o.date)
            appointments[k] += 1
            pairs.append((Int32(k), o.person))
        }
        var patients = [Int](repeating: 0, count: range.count)
        for key in ClinicAnalytics.distinctPairs(pairs) { patients[Int(key >> 32)] += 1 }
        return range.enumerated().map { k, date in
            DailyPatients(date: date, appointments: appointments[k], distinctPatients: patients[k])
        }
    }

    /// Report 5: the date with the most booked occurrences (the earliest on a tie); nil when none.
    ///
    /// - Complexity: O(days + occurrences)
    public func peakDay() -> DailyPatients? {
        var best: DailyPatients?
        for day in patientsPerDay() where day.appointments > (best?.appointments ?? 0) { best = day }
        return best
    }

    /// Booked occurrences by the local hour they start in, for the 24 hours of the day.
    ///
    /// - Complexity: O(occurrences)
    public func appointmentsPerHour() -> [HourCount] {
        var counts = [Int](repeating: 0, count: 24)
        for o in occurrences where o.kind == .appointment {
            counts[min(23, Int(o.start.minutes) / 60)] += 1
        }
        return counts.enumerated().map { HourCount(hour: $0.offset, appointments: $0.element) }
    }

    /// Report 6: the hour in which the most booked occurrences start (the earliest on a tie);
    /// nil when none.
    ///
    /// - Complexity: O(occurrences)
    public func peakHour() -> HourCount? {
        var best: HourCount?
        for hour in appointmentsPerHour() where hour.appointments > (best?.appointments ?? 0) { best = hour }
        return best
    }
}
