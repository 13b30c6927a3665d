import SlotSolver

/// The values each input may take, checked where it is read (by both decoders alike), so
/// that nothing past the loader can overflow or allocate without bound on any input that
/// loads. Each bound is far beyond any real clinic's data, and documented in the README.
public enum ValueDomains {
    /// ISODates: 1900-01-01T00:00:00Z to 2200-12-31T23:59:59.999Z (milliseconds since 1970), the
    /// span `ClinicTimeZone` reads its offset table for.
    public static let dates: ClosedRange<Int64> = -2_208_988_800_000 ... 7_289_654_399_999
    public static let datesText = "1900-01-01 to 2200-12-31"
    /// The same span as local dates, for dates given on the command line: a booking or closure
    /// written outside it would make the folder unreadable.
    public static let localDates = LocalDate(year: 1900, month: 1, day: 1)! ... LocalDate(year: 2200, month: 12, day: 31)!

    /// Lengths in minutes (`appointment_minutes`, `visit_summary.duration_min`): at most a day.
    public static let maxLengthMinutes = 1440

    /// Daily caps (`max_patients`, `max_reps`).
    public static let maxCapacity = 100_000

    /// Other counts (`age`, `visit_summary.samples`), bounded so that sums over a whole export
    /// cannot overflow.
    public static let maxAge = 200
    public static let maxSamples = 1_000_000

    /// `consultation_fee`, in EGP.
    public static let maxFee = 1e12

    /// `--days` and `--within`: ten years of days.
    public static let maxDays = 3660

    /// The problem with a count `value` read from `field`, or nil when it is in 0...`max`.
    static func countProblem(_ value: Int, max: Int) -> String? {
        if value < 0 { return "must not be negative (found \(value))" }
        if value > max { return "must be at most \(max) (found \(value))" }
        return nil
    }
}
