import ClinicData
import SlotSolver

/// One report as printable data: named columns, typed cells and an optional bar chart. The
/// table, JSON, CSV and HTML renderers all read this, so every format shows the same numbers.
struct ReportTable {
    let name: ReportName
    /// snake_case keys: the CSV header, the JSON member names, and (upper-cased) the table header.
    let columns: [String]
    var rows: [[ReportCell]] = []
    var chart: ReportChart?
    /// A sentence about the rows (e.g. that several tie for first), shown with them in every format.
    var note: String?

    init(_ name: ReportName, columns: [String]) {
        self.name = name
        self.columns = columns
    }

    mutating func append(_ row: [ReportCell]) {
        precondition(row.count == columns.count, "\(name): row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }
}

/// A value in a report: kept typed so JSON gets numbers and the table aligns them.
enum ReportCell: Equatable {
    case text(String)
    case int(Int)
    /// Rounded to `digits` decimals when printed.
    case decimal(Double, digits: Int)
    case date(LocalDate)
    case bool(Bool)
    /// Several ids: an array in JSON, space-separated in the table, `;`-separated in CSV (as
    /// `conflicts` prints its ids).
    case list([String])
    /// No value (e.g. a rate without capacity): null in JSON, empty in CSV, "-" in the table.
    case none

    /// The cell as text (CSV, table and HTML).
    var text: String {
        switch self {
        case .text(let s): s
        case .int(let n): String(n)
        case .decimal(let value, let digits): ReportCell.format(value, digits: digits)
        case .date(let d): d.description
        case .bool(let b): b ? "yes" : "no"
        case .list(let items): items.joined(separator: " ")
        case .none: ""
        }
    }

    /// The cell in a CSV file.
    var csvText: String {
        if case .list(let items) = self { return items.joined(separator: ";") }
        return text
    }

    var json: JSONValue {
        switch self {
        case .text(let s): .string(s)
        case .int(let n): .int(n)
        case .decimal(let value, let digits): .decimal(value, digits: digits)
        case .date(let d): .date(d)
        case .bool(let b): .bool(b)
        case .list(let items): .strings(items)
        case .none: .null
        }
    }

    var isNumeric: Bool {
        switch self {
        case .int, .decimal: true
        default: false
        }
    }

    /// `value` with exactly `digits` decimals ("66.7", "0.50"), without Foundation's locale.
    static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fraction = String(Int64(scaled) - whole * Int64(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }
}

/// A bar chart of a report: one bar group per label, one bar per series.
struct ReportChart {
    var series: [String]
    var bars: [(label: String, values: [Double])]
    /// Shown after each value ("%", "").
    var unit: String = ""
    /// Said under the chart when only part of the rows is drawn.
    var note: String?
}
