import EngineTestSupport
import Testing
@testable import SlotSolver

@Suite("Time types")
struct TimeTypesTests {
    // MARK: - LocalDate

    @Test func civilDatesRoundTripOverEveryDayFrom1900To2200() {
        var date = LocalDate(year: 1900, month: 1, day: 1)!
        let stop = LocalDate(year: 2200, month: 12, day: 31)!
        var previous = date.components
        #expect(previous == (1900, 1, 1))
        var steps = 0
        while date < stop {
            date = date.adding(days: 1)
            steps += 1
            let (y, m, d) = date.components
            // Each step is the next calendar day: day + 1, or the 1st of the next month or year.
            let expected = d == 1
                ? (m == 1 ? (previous.year + 1, 1, 1) : (previous.year, previous.month + 1, 1))
                : (previous.year, previous.month, previous.day + 1)
            #expect(y == expected.0 && m == expected.1 && d == expected.2, "after \(previous)")
            #expect(LocalDate(year: y, month: m, day: d) == date)
            #expect(LocalDate(iso: date.description) == date)
            previous = (y, m, d)
            if steps > 200_000 { break }
        }
        #expect(date == stop)
        #expect(steps == 109_937)   // 301 years of 365 days plus 73 leap days, less the first day
    }

    @Test func civilDatesRoundTripAcrossTheWholeSupportedRange() {
        let first = LocalDate(year: 1, month: 1, day: 1)!.daysSinceEpoch
        let last = LocalDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch
        #expect(last - first + 1 == 3_652_059)
        for day in stride(from: first, through: last, by: 97) {
            let date = LocalDate(daysSinceEpoch: day)
            let (y, m, d) = date.components
            #expect(LocalDate(year: y, month: m, day: d) == date)
        }
    }

    @Test func knownDatesAndWeekdays() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.weekday == .thursday)
        #expect(LocalDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(LocalDate(year: 1969, month: 12, day: 31)?.weekday == .wednesday)
        #expect(LocalDate(year: 1900, month: 1, day: 1)?.weekday == .monday)
        #expect(LocalDate(year: 2000, month: 1, day: 1)?.weekday == .saturday)
        #expect(LocalDate(year: 2024, month: 2, day: 29)?.weekday == .thursday)
        #expect(day("2026-12-06").weekday == .sunday)
        #expect(day("2026-12-06").daysSinceEpoch == 20_793)
        #expect(day("2026-12-09").startOfWeek == day("2026-12-06"))
        #expect(day("2026-12-06").startOfWeek == day("2026-12-06"))
    }

    @Test func invalidDatesAreRejected() {
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(iso: "2026-1-01") == nil)
        #expect(LocalDate(iso: "2026/12/06") == nil)
        #expect(LocalDate(iso: "2026-12-0x") == nil)
    }

    @Test func dateRanges() {
        let range = DateRange(first: day("2026-12-30"), count: 4)
        #expect(Array(range) == [day("2026-12-30"), day("2026-12-31"), day("2027-01-01"), day("2027-01-02")])
        #expect(range.last == day("2027-01-02"))
        #expect(range.end == day("2027-01-03"))
        #expect(range.contains(day("2027-01-02")))
        #expect(!range.contains(day("2027-01-03")))
        #expect(!range.contains(day("2026-12-29")))
        #expect(Array(DateRange(first: day("2026-12-30"), count: -3)).isEmpty)
    }

    // MARK: - MinuteOfDay

    @Test func hhmmParsingAndTheEndOfDay() {
        #expect(MinuteOfDay(hhmm: "00:00")?.minutes == 0)
        #expect(MinuteOfDay(hhmm: "09:05")?.minutes == 545)
        // Two digits each, as the spec writes HH:MM.
        #expect(MinuteOfDay(hhmm: "9:05") == nil && MinuteOfDay(hhmm: "09:5") == nil && MinuteOfDay(hhmm: "009:05") == nil)
        #expect(MinuteOfDay(hhmm: "23:59")?.minutes == 1439)
        #expect(MinuteOfDay(hhmm: "24:00") == nil)
        #expect(MinuteOfDay(hhmm: "24:00", allowEndOfDay: true)?.minutes == 1440)
        #expect(MinuteOfDay(hhmm: "24:01", allowEndOfDay: true) == nil)
        #expect(MinuteOfDay(hhmm: "25:00", allowEndOfDay: true) == nil)
        #expect(MinuteOfDay(hhmm: "12:60") == nil)
        #expect(MinuteOfDay(hhmm: "09:5") == nil)
        #expect(MinuteOfDay(hhmm: "0900") == nil)
        #expect(MinuteOfDay(hhmm: "ab:cd") == nil)
        #expect(MinuteOfDay(hhmm: "") == nil)
        #expect(MinuteOfDay(545).description == "09:05")
        #expect(MinuteOfDay(1450).description == "24:10")
    }

    @Test func halfOpenIntervals() {
        #expect(!window("09:00-09:15").overlaps(window("09:15-09:30")))
        #expect(window("09:00-09:16").overlaps(window("09:15-09:30")))
        #expect(window("09:00-12:00").contains(window("11:45-12:00")))
        #expect(!window("09:00-12:00").contains(window("11:46-12:01")))
        #expect(window("09:00-12:00").description == "09:00–12:00")
    }

    // MARK: - ClinicTimeZone

    /// Milliseconds since 1970 of a UTC wall time.
    func utc(_ date: String, _ time: String) -> Int64 {
        (Int64(day(date).daysSinceEpoch) * 86_400 + Int64(at(time).minutes) * 60) * 1000
    }

    func local(_ zone: ClinicTimeZone, _ ms: Int64) -> String {
        let (date, minute) = zone.local(epochMilliseconds: ms)
        return "\(date) \(minute)"
    }

    @Test func utcAndUnknownZones() {
        #expect(local(.utc, 0) == "1970-01-01 00:00")
        #expect(local(.utc, -1) == "1969-12-31 23:59")
        #expect(local(.utc, utc("2026-12-06", "13:15") + 59_999) == "2026-12-06 13:15")
        #expect(ClinicTimeZone(identifier: "Mars/Olympus_Mons") == nil)
        #expect(ClinicTimeZone(identifier: "UTC")?.offset(atUnixSeconds: 1_800_000_000) == 0)
    }

    @Test func newYorkSpringForward() throws {
        let zone = try #require(ClinicTimeZone(identifier: "America/New_York"))
        // 2026-03-08: at 07:00Z clocks jump from 02:00 EST to 03:00 EDT.
        #expect(local(zone, utc("2026-03-08", "06:59")) == "2026-03-08 01:59")
        #expect(local(zone, utc("2026-03-08", "07:00")) == "2026-03-08 03:00")
        #expect(zone.epochMilliseconds(date: day("2026-03-08"), minute: at("01:30")) == utc("2026-03-08", "06:30"))
        #expect(zone.epochMilliseconds(date: day("2026-03-08"), minute: at("03:00")) == utc("2026-03-08", "07:00"))
        // 02:30 does not exist; read with the offset before the change it is 03:30 EDT.
        let skipped = zone.epochMilliseconds(date: day("2026-03-08"), minute: at("02:30"))
        #expect(skipped == utc("2026-03-08", "07:30"))
        #expect(local(zone, skipped) == "2026-03-08 03:30")
        #expect(zone.offset(atUnixSeconds: utc("2026-03-08", "06:59") / 1000) == -18_000)
        #expect(zone.offset(atUnixSeconds: utc("2026-03-08", "07:00") / 1000) == -14_400)
    }

    @Test func newYorkFallBack() throws {
        let zone = try #require(ClinicTimeZone(identifier: "America/New_York"))
        // 2026-11-01: at 06:00Z clocks go back from 02:00 EDT to 01:00 EST; 01:30 happens twice.
        #expect(local(zone, utc("2026-11-01", "05:30")) == "2026-11-01 01:30")
        #expect(local(zone, utc("2026-11-01", "06:30")) == "2026-11-01 01:30")
        #expect(local(zone, utc("2026-11-01", "03:59")) == "2026-10-31 23:59")
        #expect(zone.epochMilliseconds(date: day("2026-11-01"), minute: at("01:30")) == utc("2026-11-01", "05:30"))
        #expect(zone.epochMilliseconds(date: day("2026-11-01"), minute: at("00:30")) == utc("2026-11-01", "04:30"))
        #expect(zone.epochMilliseconds(date: day("2026-11-01"), minute: at("03:00")) == utc("2026-11-01", "08:00"))
        #expect(zone.epochMilliseconds(date: day("2026-12-06"), minute: at("13:15")) == utc("2026-12-06", "18:15"))
    }

    @Test func cairoSummerTime() throws {
        let zone = try #require(ClinicTimeZone(identifier: "Africa/Cairo"))
        // Winter: UTC+2.
        #expect(local(zone, utc("2026-12-06", "13:15")) == "2026-12-06 15:15")
        #expect(zone.epochMilliseconds(date: day("2026-12-06"), minute: at("15:15")) == utc("2026-12-06", "13:15"))
        // 2026-04-24 (a Friday): midnight becomes 01:00 EEST (UTC+3), at 22:00Z the day before.
        #expect(local(zone, utc("2026-04-23", "21:59")) == "2026-04-23 23:59")
        #expect(local(zone, utc("2026-04-23", "22:00")) == "2026-04-24 01:00")
        #expect(zone.epochMilliseconds(date: day("2026-04-24"), minute: at("00:30")) == utc("2026-04-23", "22:30"))
        #expect(zone.epochMilliseconds(date: day("2026-04-24"), minute: at("10:00")) == utc("2026-04-24", "07:00"))
        // 2026-10-29 (a Thursday): at 21:00Z, 24:00 EEST becomes 23:00 EET; 23:30 happens twice.
        #expect(local(zone, utc("2026-10-29", "20:59")) == "2026-10-29 23:59")
        #expect(local(zone, utc("2026-10-29", "21:00")) == "2026-10-29 23:00")
        #expect(local(zone, utc("2026-10-29", "22:00")) == "2026-10-30 00:00")
        #expect(zone.epochMilliseconds(date: day("2026-10-29"), minute: at("23:30")) == utc("2026-10-29", "20:30"))
    }
}
