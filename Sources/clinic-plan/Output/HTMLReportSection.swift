import ClinicData
import SlotSolver

/// One report on the HTML page: its title, what it counts, its bar chart and its table.
struct HTMLReportSection {
    let report: ReportTable

    func render() -> String {
        let name = report.name
        var out = "<section class=\"report\" id=\"report-\(name.rawValue)\">"
        out += "<h2>\(name.number). \(HTMLText.escape(name.title)) <code>\(name.rawValue)</code></h2>"
        out += "<p class=\"counts\">\(HTMLText.escape(name.counts))</p>"
        if let note = report.note { out += "<p class=\"note\">\(HTMLText.escape(note))</p>" }
        if let chart = report.chart {
            out += "<figure>" + HTMLBarChart(chart: chart).svg(title: name.title)
            if let note = chart.note { out += "<figcaption>\(HTMLText.escape(note))</figcaption>" }
            out += "</figure>"
        }
        guard !report.rows.isEmpty else { return out + "<p class=\"none\">None.</p></section>" }
        // Numeric columns align right; a column is numeric when all its values are.
        let numeric = report.columns.indices.map { c in
            report.rows.allSatisfy { $0[c].isNumeric || $0[c] == .none }
        }
        out += "<table><thead><tr>"
        for (c, column) in report.columns.enumerated() {
            out += "<th\(numeric[c] ? " class=\"num\"" : "")>\(HTMLText.escape(column.replacingOccurrences(of: "_", with: " ")))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in report.rows {
            out += "<tr>"
            for (c, cell) in row.enumerated() {
                out += "<td\(numeric[c] ? " class=\"num\"" : "")>\(cell == .none ? "–" : HTMLText.escape(cell.text))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></section>"
    }
}
