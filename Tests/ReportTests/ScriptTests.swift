import Foundation
import Testing

/// The ICS and HTML outputs checked by real parsers outside Swift: Python's icalendar for the
/// calendar file and headless Chromium for the pages (both Debian packages from scripts/setup.sh).
@Suite struct ScriptTests {
    @Test func icalendarParsesThePlanInThreeZones() throws {
        let run = try Scripts.python("tests/ics/check_ics.py")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains(" 0 failed"), "\(run.output)")
        #expect(!run.output.contains("FAIL"), "\(run.output)")
    }

    @Test func chromiumRendersThePlanAndReportPages() throws {
        let run = try Scripts.python("tests/html/check_html.py")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("html: "), "\(run.output)")
        #expect(run.output.contains(" 0 failed"), "\(run.output)")
    }
}
