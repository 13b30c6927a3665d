import ClinicData
import SlotSolver

/// The self-contained HTML page of `plan --format html` and `report --format html`: inline CSS,
/// inline SVG charts, no script, no external asset and no network access, so it opens anywhere
/// (and can be mailed or archived as one file).
struct HTMLPage {
    let clinic: Clinic
    let title: String

    /// The page: the week grid of every doctor in `plan` (when given), its conflicts, then `reports`.
    func render(plan: WeeklyPlan?, conflicts: ConflictReport?, reports: [ReportTable], reportRange: DateRange?) -> String {
        var body = "<header><h1>\(HTMLText.escape(title))</h1><p>Time zone \(HTMLText.escape(clinic.timeZone.identifier))"
        if let plan { body += " · week \(plan.range) · \(plan.doctors.count) doctor(s)" }
        if let reportRange, !reports.isEmpty { body += " · reports over \(reportRange) (\(reportRange.count) days)" }
        body += "</p></header>"
        if !reports.isEmpty || plan != nil { body += contents(plan: plan, reports: reports) }
        if let plan {
            body += legend
            let index = ConflictIndex(conflicts ?? ConflictReport(conflicts: []))
            let grid = HTMLWeekGrid(clinic: clinic, conflicts: index)
            for week in plan.doctors { body += grid.render(week) }
        }
        for report in reports { body += HTMLReportSection(report: report).render() }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="clinic-plan">
        <title>\(HTMLText.escape(title))</title>
        <style>\(HTMLPage.css)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    private func contents(plan: WeeklyPlan?, reports: [ReportTable]) -> String {
        var links: [String] = []
        if let plan, plan.doctors.count <= 50 {
            links += plan.doctors.map { week in
                let id = HTMLText.escape(clinic.model.doctorIDs[Int(week.doctor)])
                return "<a href=\"#doctor-\(id)\">\(HTMLText.escape(clinic.names.doctorNames[Int(week.doctor)]))</a>"
            }
        }
        links += reports.map { "<a href=\"#report-\($0.name.rawValue)\">\($0.name.number). \(HTMLText.escape($0.name.title))</a>" }
        return links.isEmpty ? "" : "<nav>" + links.joined(separator: " ") + "</nav>"
    }

    private var legend: String {
        """
        <p class="legend"><span class="key patient">patient hours</span><span class="key rep">rep hours</span>\
        <span class="key appt">appointment</span><span class="key visit">rep visit</span>\
        <span class="key closed">closed</span><span class="key conflict">conflict</span></p>
        """
    }

    static let css = """
    :root{--patient:#dbe8fb;--rep:#dcf0d6;--appt:#3b6fb6;--visit:#3f8a36;--conflict:#c62828;--line:#e3e3e3}
    body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#222}
    h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .4em}h2 small{font-weight:normal;color:#666}
    header p{color:#555;margin:0}nav{margin:.8em 0;display:flex;flex-wrap:wrap;gap:.3em .9em;font-size:.9em}
    code{font-size:.85em;color:#555}.counts{color:#555;max-width:60em;margin:.2em 0 .6em}
    .alert{color:var(--conflict);font-weight:600}
    .legend .key{display:inline-block;margin-right:1em;padding:0 .5em;border-radius:3px;font-size:.85em}
    .key.patient{background:var(--patient)}.key.rep{background:var(--rep)}
    .key.appt{background:var(--appt);color:#fff}.key.visit{background:var(--visit);color:#fff}
    .key.closed{background:repeating-linear-gradient(45deg,#eee 0 6px,#ccc 6px 12px)}
    .key.conflict{background:var(--conflict);color:#fff}
    .week{display:grid;border:1px solid #ccc;max-width:1400px}
    .corner,.dayhead{border-bottom:1px solid #ccc;padding:.3em;font-size:.85em;min-height:3.2em}
    .dayhead{border-left:1px solid #ccc}.dayhead span{display:block;color:#555}.dayhead .alert{color:var(--conflict)}
    .dayhead.closed{background:#f1f1f1}.dayhead.noschedule{color:#888}
    .times{position:relative;font-size:.75em;color:#777}.times span{position:absolute;right:.4em;transform:translateY(-.1em)}
    .day{position:relative;border-left:1px solid #ccc;overflow:hidden;
      background:repeating-linear-gradient(to bottom,var(--line) 0 1px,transparent 1px 60px)}
    .day.closed{background:repeating-linear-gradient(45deg,#f3f3f3 0 8px,#e2e2e2 8px 16px)}
    .day.noschedule{background-color:#fafafa}
    .win{position:absolute;left:0;right:0}.win.patient{background:var(--patient)}.win.rep{background:var(--rep)}
    .day.closed .win{opacity:.35}
    .closedlabel{position:absolute;top:.5em;left:0;right:0;text-align:center;font-weight:600;color:#666;font-size:.85em}
    .item{position:absolute;box-sizing:border-box;margin-left:1px;border-radius:3px;color:#fff;font-size:11px;
      line-height:1.25;padding:0 3px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;border:1px solid #fff}
    .item.appt{background:var(--appt)}.item.visit{background:var(--visit)}
    .item.conflict{background:var(--conflict);border-color:#7f0000}
    .summary{color:#555;margin:.3em 0 0}
    table{border-collapse:collapse;margin:.4em 0 1em;font-size:.9em}
    th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f4f4f4}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    figure{margin:.4em 0}figcaption{color:#666;font-size:.85em}
    svg.chart text{font:12px system-ui,sans-serif;fill:#333}svg.chart .value{fill:#555}
    @media print{.week{break-inside:avoid}section.doctor{break-inside:avoid}}
    """
}
