import ClinicData
import Foundation
import SlotSolver
import Testing
@testable import clinic_plan

/// The report formats: aligned table, JSON with typed values, CSV with a header row.
@Suite struct ReportRendererTests {
    let clinic = SampleClinic.clinic
    let range = SampleClinic.mainWeek

    func tables(_ names: [ReportName], doctor: Int32? = nil) -> [ReportTable] {
        let builder = ReportTables(clinic: clinic, analytics: SampleClinic.analytics(doctor: doctor), threshold: 0.5)
        return names.map(builder.table)
    }

    func renderer(doctor: Int32? = nil) -> ReportRenderer { ReportRenderer(clinic: clinic, range: range, doctor: doctor) }

    @Test func csvHasAHeaderRowAndOneRowPerDate() {
        let csv = renderer().csv(tables([.patientsPerDay])[0])
        #expect(csv == """
            date,weekday,appointments,distinct_patients\r
            2026-11-29,Sunday,6,5\r
            2026-11-30,Monday,7,7\r
            2026-12-01,Tuesday,4,4\r
            2026-12-02,Wednesday,5,5\r
            2026-12-03,Thursday,3,3\r
            2026-12-04,Friday,0,0\r
            2026-12-05,Saturday,1,1\r

            """)
    }

    @Test func csvQuotesCellsWithCommasAndLeavesMissingValuesEmpty() {
        let csv = renderer().csv(tables([.patientsVsRepVisits])[0])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "doctor_id,doctor,booked_appointments,distinct_patients,rep_visits,appointments_per_visit")
        #expect(lines[1] == "65f000010000000000000001,Dr. Ahmed Hassan,6,6,0,")
        #expect(lines[2] == "65f000010000000000000002,Dr. Mona Adel,3,3,2,1.50")
        let closed = renderer(doctor: 0).csv(tables([.closedDays], doctor: 0)[0])
        #expect(closed == "doctor_id,doctor,date,weekday,reason,has_schedule\r\n"
                + "65f000010000000000000001,Dr. Ahmed Hassan,2026-12-03,Thursday,Cardiology conference in Alexandria,yes\r\n")
        // "Skin & Glow Clinic" has no comma; a specialization list does, and is quoted.
        #expect(CSVTable.quoted("Dr. A; Dr. B, Jr.") == "\"Dr. A; Dr. B, Jr.\"")
    }

    @Test func rowsWrittenApartJoinIntoTheSameTable() {
        let rows = [["a", "=1"], ["b, c", "-2"], ["\"d\"", ""]]
        var whole = CSVTable(["x", "y"])
        for row in rows { whole.append(row) }
        for cut in 0...rows.count {
            var first = CSVTable.rowsOnly(), second = CSVTable.rowsOnly()
            for row in rows[..<cut] { first.append(row) }
            for row in rows[cut...] { second.append(row) }
            var joined = CSVTable(["x", "y"])
            joined.append(rowsOf: first)
            joined.append(rowsOf: second)
            #expect(joined.rendered == whole.rendered, "cut at \(cut)")
        }
    }

    @Test func jsonKeepsNumbersAsNumbersAndNamesTheRange() {
        let json = renderer().json(tables([.peakHour])[0]).description
        #expect(json.contains(#""report":"peak-hour""#) || json.contains(#""report": "peak-hour""#))
        let compact = json.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        #expect(compact.contains(#""rows":[{"hour":"09:00–10:00","appointments":6}]"#))
        #expect(compact.contains(#""range":{"from":"2026-11-29","to":"2026-12-05","days":7}"#))
        let occupancy = renderer().json(tables([.occupancyRate])[0]).description
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        #expect(occupancy.contains(#""booked":4,"max_patients":3,"occupancy_pct":133.3"#))
    }

    @Test func allReportsInJSONAreKeyedByNameInSeedOrder() {
        let all = renderer().json(tables(ReportName.allCases))
        guard case .object(let root) = all, case .object(let reports)? = root["reports"] else {
            Issue.record("expected an object with reports")
            return
        }
        #expect(reports.keys == ReportName.allCases.map(\.rawValue))
    }

    @Test func tableHasTitleRangeAndAlignedColumns() {
        let text = renderer().table(tables([.peakDay])[0])
        #expect(text == """
            5. Peak day (peak-day) · 2026-11-29…2026-12-05 (7 days, UTC)
              DATE        WEEKDAY  APPOINTMENTS  DISTINCT PATIENTS
              ----------  -------  ------------  -----------------
              2026-11-30  Monday   7             7

            """)
        let empty = renderer().table(ReportTable(.idleDays, columns: ["date"]))
        #expect(empty.hasSuffix("  (none)\n"))
    }

    @Test func csvFileNamesSortInSeedOrder() {
        #expect(ReportRenderer.csvFileName(.doctorsBySpecialization) == "01-doctors-by-specialization.csv")
        #expect(ReportRenderer.csvFileName(.schedulingConflicts) == "14-scheduling-conflicts.csv")
    }

    @Test func decimalsPrintWithFixedDigits() {
        #expect(ReportCell.format(66.666, digits: 1) == "66.7")
        #expect(ReportCell.format(1.5, digits: 2) == "1.50")
        #expect(ReportCell.format(0.04, digits: 1) == "0.0")
        #expect(ReportCell.format(-2.25, digits: 1) == "-2.3")
        #expect(ReportCell.format(600, digits: 0) == "600")
    }

    @Test func everyReportNameHasItsSeedNumber() {
        #expect(ReportName.allCases.map(\.number) == Array(1...14))
        #expect(ReportName(argument: "Peak-Hour") == .peakHour)
        #expect(ReportName.allCases.filter { !$0.usesRange } == [.doctorsBySpecialization, .weeklySchedule, .closedDays])
    }
}
