import ClinicData
import Foundation
import SlotSolver
import Testing
@testable import clinic_plan

/// The iCalendar writer and the plan's calendar, line by line.
@Suite struct ICSTests {
    static let stamp = Instant(epochMilliseconds: 1_795_000_000_000)  // 2026-11-18T11:06:40Z

    static func calendar(zone: String, week: String, doctor: Int32? = nil) -> String {
        let loaded = try! DataFolder.load(from: SampleClinic.folder, timeZone: ClinicTimeZone(identifier: zone)!)
        let clinic = Clinic(folder: loaded, timeZone: ClinicTimeZone(identifier: zone)!)
        let range = DateRange(first: day(week), count: 7)
        let plan = WeeklyPlanner.plan(model: clinic.model, calendar: clinic.calendar, range: range, doctor: doctor)
        let conflicts = ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: range,
                                                doctor: doctor)
        return ICSCalendar(clinic: clinic, plan: plan, conflicts: conflicts, stamp: stamp).render()
    }

    /// The content lines, unfolded.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    /// The properties of the VEVENT with this UID.
    static func event(_ uid: String, in text: String) -> [String] {
        let all = lines(text)
        guard let at = all.firstIndex(of: "UID:" + uid) else { return [] }
        let start = all[..<at].lastIndex(of: "BEGIN:VEVENT")!
        let end = all[at...].firstIndex(of: "END:VEVENT")!
        return Array(all[(start + 1)..<end])
    }

    @Test func foldsLongLinesAt75OctetsWithoutSplittingCharacters() {
        var writer = ICSWriter()
        let value = String(repeating: "é", count: 50) + String(repeating: "a", count: 100)
        writer.text("SUMMARY", value)
        let physical = writer.text.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 2)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical[0].utf8.count == 74)  // "SUMMARY:" (8) + 33 two-octet "é"; a 34th would make 76
        #expect(ICSTests.lines(writer.text) == ["SUMMARY:" + value])
    }

    @Test func escapesText() {
        #expect(ICSWriter.escape("Skin & Glow; Clinic, 2\\3\nnext") == "Skin & Glow\\; Clinic\\, 2\\\\3\\nnext")
        var writer = ICSWriter()
        writer.raw("DTSTART;VALUE=DATE", "20261203")
        #expect(writer.text == "DTSTART;VALUE=DATE:20261203\r\n")
    }

    @Test func utcZoneWritesUTCTimesWithoutVTIMEZONE() {
        let text = ICSTests.calendar(zone: "UTC", week: "2026-11-29", doctor: 0)
        #expect(!text.contains("VTIMEZONE"))
        // Mohamed Saeed's standing Sunday 09:00 (20-minute appointments), in a double booking.
        #expect(ICSTests.event("65f000060000000000000001-20261129@clinic-plan", in: text) == [
            "UID:65f000060000000000000001-20261129@clinic-plan",
            "DTSTAMP:20261118T110640Z",
            "DTSTART:20261129T090000Z",
            "DTEND:20261129T092000Z",
            "SUMMARY:⚠ Patient: Mohamed Saeed (Dr. Ahmed Hassan)",
            "DESCRIPTION:Appointment 65f000060000000000000001 with Dr. Ahmed Hassan\\nPatient Mohamed Saeed "
                + "(65f000020000000000000001)\\nConflicts: double_booking",
            "LOCATION:Heart Care Clinic",
            "CATEGORIES:Appointment",
            "SEQUENCE:0",
            "LAST-MODIFIED:20261118T110640Z",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
        ])
        // A dated booking's UID has no date; the closed Thursday is an all-day event.
        #expect(!ICSTests.event("65f000060000000000000009@clinic-plan", in: text).isEmpty)
        #expect(ICSTests.event("65f000050000000000000001@clinic-plan", in: text) == [
            "UID:65f000050000000000000001@clinic-plan",
            "DTSTAMP:20261118T110640Z",
            "DTSTART;VALUE=DATE:20261203",
            "DTEND;VALUE=DATE:20261204",
            "SUMMARY:Closed: Cardiology conference in Alexandria (Dr. Ahmed Hassan)",
            "CATEGORIES:Closed",
            "TRANSP:TRANSPARENT",
        ])
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        // 6 appointments, 1 closure, and 2 bookings cancelled that week (shown as cancelled, so a
        // calendar that took them earlier drops them).
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 9)
        #expect(text.components(separatedBy: "STATUS:CANCELLED").count - 1 == 2)
    }

    @Test func localZoneWritesTZIDAndAVTIMEZONEThatCoversAClockChange() {
        // New York's clocks go back on Sunday 2026-11-01 at 02:00.
        let text = ICSTests.calendar(zone: "America/New_York", week: "2026-11-01", doctor: 0)
        let all = ICSTests.lines(text)
        let begin = all.firstIndex(of: "BEGIN:VTIMEZONE")!, end = all.firstIndex(of: "END:VTIMEZONE")!
        let component = all[begin...end].filter { !$0.hasPrefix("TZNAME:") }
        #expect(Array(component) == [
            "BEGIN:VTIMEZONE", "TZID:America/New_York",
            "BEGIN:DAYLIGHT", "DTSTART:20260308T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
            "END:VTIMEZONE",
        ])
        let sunday = ICSTests.event("65f000060000000000000001-20261101@clinic-plan", in: text)
        #expect(sunday.contains("DTSTART;TZID=America/New_York:20261101T090000"))
        #expect(sunday.contains("DTEND;TZID=America/New_York:20261101T092000"))
    }

    @Test func zoneWithoutChangesGetsOneObservance() {
        let text = ICSTests.calendar(zone: "Asia/Tokyo", week: "2026-11-29", doctor: 0)
        let all = ICSTests.lines(text)
        let begin = all.firstIndex(of: "BEGIN:VTIMEZONE")!, end = all.firstIndex(of: "END:VTIMEZONE")!
        #expect(Array(all[begin...end]).filter { !$0.hasPrefix("TZNAME:") } == [
            "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD", "END:VTIMEZONE",
        ])
    }

    @Test func offsetAndTimeFormats() {
        #expect(ICSTimeZone.offsetText(7200) == "+0200")
        #expect(ICSTimeZone.offsetText(-16200) == "-0430")
        #expect(ICSTimeZone.offsetText(0) == "+0000")
        #expect(ICSTimeZone.localText(seconds: 1_796_342_400) == "20261204T000000")
        #expect(ICSTimeZone.utcText(epochMilliseconds: 1_796_342_400_999) == "20261204T000000Z")
        #expect(ICSTimeZone.name("GMT+2") == nil)
        #expect(ICSTimeZone.name("EET") == "EET")
    }
}
