import SlotSolver

/// The fourteen reports (`ReportName`) over one data set, one range of dates and optionally one
/// doctor. Every report is a pure function of these; the occurring items are expanded once, with
/// the engine's `OccurrenceExpansion`, and shared by all reports.
///
/// Conventions for every report: "booked" counts appointment occurrences with status `booked` in
/// the range (a standing weekly booking once per matching date, minus its skip_dates); "visits"
/// counts rep visits with status `completed` or `scheduled`. Doctors are listed in file order,
/// dates ascending.
public struct ClinicAnalytics: Sendable {
    public let dataset: ClinicDataset
    public let model: ClinicModel
    public let calendar: WorkCalendar
    public let range: DateRange
    /// Only this doctor's data, when set.
    public let doctor: Int32?
    /// Booked appointment occurrences and completed/scheduled visits in the range (for `doctor`
    /// only when set).
    public let occurrences: [Occurrence]

    /// `dataset` and `model` must describe the same data (`ModelMapping(dataset, …).model`):
    /// dataset.doctors[i] is model doctor i, and so on.
    ///
    /// - Complexity: O(appointments × weeks in range + visits)
    public init(dataset: ClinicDataset, model: ClinicModel, calendar: WorkCalendar? = nil, range: DateRange,
                doctor: Int32? = nil) {
        self.dataset = dataset
        self.model = model
        self.calendar = calendar ?? WorkCalendar(model)
        self.range = range
        self.doctor = doctor
        occurrences = OccurrenceExpansion.occurrences(of: model, calendar: self.calendar, in: range,
                                                      doctors: doctor.map { [$0] })
    }

    public init(mapping: ModelMapping, dataset: ClinicDataset, range: DateRange, doctor: Int32? = nil) {
        self.init(dataset: dataset, model: mapping.model, range: range, doctor: doctor)
    }

    // MARK: - shared helpers

    /// The doctors the reports cover: `doctor`, or all in file order.
    var doctorsInScope: [Int32] {
        if let doctor { return [doctor] }
        return (0..<Int32(model.doctorIDs.count)).map { $0 }
    }

    func inScope(_ d: Int32) -> Bool { doctor == nil || doctor == d }

    /// The position of a date in the range.
    func offset(_ date: LocalDate) -> Int { range.first.days(to: date) }

    /// Booked occurrences per doctor and date: `[doctor * range.count + offset]`.
    func bookedPerDoctorDate() -> [Int] {
        var counts = [Int](repeating: 0, count: model.doctorIDs.count * range.count)
        for o in occurrences where o.kind == .appointment {
            counts[Int(o.doctor) * range.count + offset(o.date)] += 1
        }
        return counts
    }

    /// Distinct values of `(a, b)` pairs of small non-negative integers.
    static func distinctPairs(_ pairs: [(Int32, Int32)]) -> Set<Int64> {
        var set = Set<Int64>(minimumCapacity: pairs.count)
        for (a, b) in pairs { set.insert(Int64(a) << 32 | Int64(UInt32(bitPattern: b))) }
        return set
    }
}
