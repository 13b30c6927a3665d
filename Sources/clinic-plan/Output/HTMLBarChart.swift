/// Draws a `ReportChart` as an inline SVG of horizontal bars: labels on the left, one bar per
/// series in each group, values at the bar ends. Horizontal bars keep long doctor names readable.
struct HTMLBarChart {
    let chart: ReportChart

    static let width = 760.0
    static let labelWidth = 240.0
    static let barHeight = 14.0
    static let groupGap = 8.0
    static let legendHeight = 22.0
    static let colors = ["#3b6fb6", "#e08a1e", "#5a9e4b"]

    func svg(title: String) -> String {
        let series = chart.series.count
        let groupHeight = Double(series) * HTMLBarChart.barHeight + HTMLBarChart.groupGap
        let height = HTMLBarChart.legendHeight + Double(chart.bars.count) * groupHeight + 4
        let plotWidth = HTMLBarChart.width - HTMLBarChart.labelWidth - 70
        let maximum = chart.bars.flatMap(\.values).max() ?? 0
        let scale = maximum > 0 ? plotWidth / maximum : 0

        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        out += "width=\"\(Int(HTMLBarChart.width))\" height=\"\(Int(height.rounded(.up)))\" "
        out += "viewBox=\"0 0 \(Int(HTMLBarChart.width)) \(Int(height.rounded(.up)))\">"
        out += "<title>\(HTMLText.escape(title))</title>"
        // Legend.
        var x = HTMLBarChart.labelWidth
        for (i, name) in chart.series.enumerated() {
            out += "<rect x=\"\(number(x))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(color(i))\"/>"
            out += "<text x=\"\(number(x + 16))\" y=\"14\" class=\"legend\">\(HTMLText.escape(name))</text>"
            x += 24 + Double(name.count) * 7
        }
        // Bars.
        for (g, bar) in chart.bars.enumerated() {
            let top = HTMLBarChart.legendHeight + Double(g) * groupHeight
            let middle = top + Double(series) * HTMLBarChart.barHeight / 2
            out += "<text x=\"\(number(HTMLBarChart.labelWidth - 6))\" y=\"\(number(middle + 4))\" "
            out += "text-anchor=\"end\" class=\"label\">\(HTMLText.escape(truncated(bar.label)))</text>"
            for (i, value) in bar.values.enumerated() {
                let y = top + Double(i) * HTMLBarChart.barHeight
                let length = max(0, value * scale)
                out += "<rect x=\"\(number(HTMLBarChart.labelWidth))\" y=\"\(number(y + 1))\" "
                out += "width=\"\(number(length))\" height=\"\(number(HTMLBarChart.barHeight - 2))\" "
                out += "fill=\"\(color(i))\"><title>\(HTMLText.escape("\(bar.label): \(valueText(value))"))</title></rect>"
                out += "<text x=\"\(number(HTMLBarChart.labelWidth + length + 4))\" y=\"\(number(y + 11))\" "
                out += "class=\"value\">\(HTMLText.escape(valueText(value)))</text>"
            }
        }
        return out + "</svg>"
    }

    private func color(_ i: Int) -> String { HTMLBarChart.colors[i % HTMLBarChart.colors.count] }
    private func number(_ value: Double) -> String { ReportCell.format(value, digits: 1) }

    private func valueText(_ value: Double) -> String {
        let digits = value == value.rounded() ? 0 : 1
        return ReportCell.format(value, digits: digits) + chart.unit
    }

    /// Labels longer than the label column are cut with an ellipsis (the bar's tooltip has it whole).
    private func truncated(_ label: String) -> String {
        label.count <= 34 ? label : String(label.prefix(33)) + "…"
    }
}
