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

    /// Report 5: the dates with the most booked occurrences, every one of a tie, in date order;
    /// empty when nothing is booked.
    ///
    /// - Complexity: O(days + occurrences)
    public func peakDays() -> [DailyPatients] {
        ClinicAnalytics.tiedForMost(patientsPerDay(), by: \.appointments)
    }

    /// The first of `peakDays()` (the earliest date of a tie).
    public func peakDay() -> DailyPatients? { peakDays().first }

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

    /// Report 6: the hours in which the most booked occurrences start, every one of a tie, in
    /// time order; empty when nothing is booked.
    ///
    /// - Complexity: O(occurrences)
    public func peakHours() -> [HourCount] {
        ClinicAnalytics.tiedForMost(appointmentsPerHour(), by: \.appointments)
    }

    /// The first of `peakHours()` (the earliest hour of a tie).
    public func peakHour() -> HourCount? { peakHours().first }

    /// The rows whose count is the largest (and above 0), in their order.
    static func tiedForMost<Row>(_ rows: [Row], by count: (Row) -> Int) -> [Row] {
        let most = rows.map(count).max() ?? 0
        return most > 0 ? rows.filter { count($0) == most } : []
    }
}
