import Foundation
import ClinicData
import SlotSolver

/// Prints reports as aligned tables for people, or as JSON or CSV for programs and BI tools.
struct ReportRenderer {
    let clinic: Clinic
    let range: DateRange
    /// The `--doctor` the reports are limited to, if any.
    let doctor: Int32?

    // MARK: - table

    func table(_ reports: [ReportTable]) -> String {
        reports.map(table).joined(separator: "\n")
    }

    func table(_ report: ReportTable) -> String {
        var out = "\(report.name.number). \(report.name.title) (\(report.name.rawValue))"
        if report.name.usesRange { out += " · \(range) (\(range.count) days, \(clinic.timeZone))" }
        if let doctor { out += " · doctor \(clinic.names.doctorNames[Int(doctor)])" }
        out += "\n"
        if let note = report.note { out += "  (\(note))\n" }
        guard !report.rows.isEmpty else { return out + "  (none)\n" }
        var table = TextTable(report.columns.map { $0.uppercased().replacingOccurrences(of: "_", with: " ") })
        for row in report.rows { table.append(row.map { $0 == .none ? "-" : $0.text }) }
        return out + table.render(indent: "  ")
    }

    // MARK: - JSON

    /// One report: `{"report", "number", "title", "counts", "range", "timezone", "rows": [{column: value}]}`.
    func json(_ report: ReportTable) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("report", .string(report.name.rawValue)), ("number", .int(report.name.number)),
            ("title", .string(report.name.title)), ("counts", .string(report.name.counts)),
        ]
        members += context
        if let note = report.note { members.append(("note", .string(note))) }
        members.append(("rows", .array(report.rows.map { row in
            .members(zip(report.columns, row).map { ($0.0, $0.1.json) })
        })))
        return .members(members)
    }

    /// Several reports: `{"range", "timezone", "reports": {"<name>": <report>, …}}` in report order.
    func json(_ reports: [ReportTable]) -> JSONValue {
        .members(context + [("reports", .members(reports.map { ($0.name.rawValue, json($0)) }))])
    }

    private var context: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("range", .object(["from": .date(range.first), "to": .date(range.last), "days": .int(range.count)])),
            ("timezone", .string(clinic.timeZone.identifier)),
        ]
        if let doctor { members.append(("doctor_id", .string(clinic.model.doctorIDs[Int(doctor)]))) }
        return members
    }

    // MARK: - CSV

    /// One report as RFC 4180 CSV with a header row of the column keys.
    func csv(_ report: ReportTable) -> String {
        var csv = CSVTable(report.columns)
        for row in report.rows { csv.append(row.map(\.csvText)) }
        return csv.rendered
    }

    /// Several reports on standard output: each report's CSV after a line naming it
    /// (`# report: 04-patients-per-day`, the name its file gets with `-o DIR`), separated by an
    /// empty line. For BI tools, `-o DIR` writes one file per report instead.
    func csv(_ reports: [ReportTable]) -> String {
        guard reports.count > 1 else { return reports.map(csv).joined() }
        return reports.map { "# report: \(Self.fileStem($0.name))\r\n" + csv($0) }.joined(separator: "\r\n")
    }

    /// The file name of a report's CSV in a folder: "04-patients-per-day.csv".
    static func csvFileName(_ name: ReportName) -> String { fileStem(name) + ".csv" }

    /// "04-patients-per-day".
    static func fileStem(_ name: ReportName) -> String {
        (name.number < 10 ? "0" : "") + "\(name.number)-\(name.rawValue)"
    }
}
