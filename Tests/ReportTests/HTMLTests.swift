import ClinicData
import Foundation
import SlotSolver
import Testing
@testable import clinic_plan

/// The HTML page's pieces: escaping, the week grid's geometry and marks, the charts.
@Suite struct HTMLTests {
    static let page: String = {
        let clinic = SampleClinic.clinic
        let range = SampleClinic.mainWeek
        let plan = WeeklyPlanner.plan(model: clinic.model, calendar: clinic.calendar, range: range)
        let conflicts = ConflictDetector.detect(model: clinic.model, calendar: clinic.calendar, range: range)
        return HTMLPage(clinic: clinic, title: "Week <test>").render(plan: plan, conflicts: conflicts, reports: [],
                                                                     reportRange: range)
    }()

    @Test func escapesEverythingThatCouldBeMarkup() {
        #expect(HTMLText.escape(#"Skin & Glow <b>"x"</b> 'y'"#)
                == "Skin &amp; Glow &lt;b&gt;&quot;x&quot;&lt;/b&gt; &#39;y&#39;")
        #expect(HTMLTests.page.contains("<title>Week &lt;test&gt;</title>"))
        #expect(HTMLTests.page.contains("Skin &amp; Glow Clinic"))
    }

    @Test func drawsOneGridPerDoctorWithWindowsAndItemsAtTheirMinutes() {
        let page = HTMLTests.page
        #expect(page.components(separatedBy: "<section class=\"doctor\"").count - 1 == 10)
        // Dr. Ahmed Hassan's grid starts at 09:00: his 10:40 booking sits 100 px down, 20 px tall.
        #expect(page.contains(#"style="top:100.0px;height:20.0px;left:0.00%;width:calc(50.00% - 2px);" "#
                              + #"title="10:40–11:00 Patient: Nada Essam (65f00006000000000000000a)">10:40 Nada Essam</div>"#))
        #expect(page.contains(#"<div class="win patient" style="top:0.0px;height:240.0px;""#))
        #expect(page.contains(#"<div class="win rep" style="top:240.0px;height:60.0px;""#))
    }

    @Test func marksClosuresAndConflicts() {
        let page = HTMLTests.page
        #expect(page.contains("<div class=\"closedlabel\">Closed<br>Cardiology conference in Alexandria</div>"))
        // The booking on the closed Thursday, in red, with its conflict named.
        #expect(page.contains(#"<div class="item appt conflict" style="top:120.0px;height:20.0px;"#))
        #expect(page.contains("(65f00006000000000000001c) — closed_day"))
        // Over capacity is shown in the day's header; the invalid schedule above the grid.
        #expect(page.contains("<span class=\"alert\">over_capacity: "))
        #expect(page.contains("<p class=\"alert\">invalid_schedule: "))
    }

    @Test func overlappingItemsGetSideBySideLanes() {
        func interval(_ a: String, _ b: String) -> MinuteInterval { MinuteInterval(start: at(a), end: at(b)) }
        #expect(HTMLWeekGrid.lanes([interval("09:00", "09:20"), interval("09:10", "09:30"), interval("09:20", "09:40"),
                                    interval("09:25", "09:45"), interval("10:00", "10:15")]) == [0, 1, 0, 2, 0])
    }

    @Test func barChartScalesToTheLargestValue() {
        let chart = ReportChart(series: ["appointments"], bars: [(label: "Mon", values: [7]), (label: "Tue", values: [3.5])])
        let svg = HTMLBarChart(chart: chart).svg(title: "Patients & days")
        #expect(svg.hasPrefix("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""))
        #expect(svg.contains("<title>Patients &amp; days</title>"))
        // The plot is 760 − 240 − 70 = 450 px wide: 7 fills it, 3.5 half of it.
        #expect(svg.contains(##"width="450.0" height="12.0" fill="#3b6fb6"><title>Mon: 7</title>"##))
        #expect(svg.contains(##"width="225.0" height="12.0" fill="#3b6fb6"><title>Tue: 3.5</title>"##))
    }

    @Test func reportSectionsShowWhatTheyCountAndAlignNumbers() {
        let builder = ReportTables(clinic: SampleClinic.clinic, analytics: SampleClinic.analytics(), threshold: 0.5)
        let html = HTMLReportSection(report: builder.table(.peakDay)).render()
        #expect(html.hasPrefix("<section class=\"report\" id=\"report-peak-day\"><h2>5. Peak day <code>peak-day</code></h2>"))
        #expect(html.contains(HTMLText.escape(ReportName.peakDay.counts)))
        #expect(html.contains("<tr><td>2026-11-30</td><td>Monday</td><td class=\"num\">7</td><td class=\"num\">7</td></tr>"))
    }
}
