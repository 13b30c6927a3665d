import Foundation

/// A small log–log line chart as a standalone SVG: time against size, one polyline with dots per
/// series, decade grid lines, a legend. No dependencies, so `benchmarks/run` needs nothing extra.
struct LogLogPlot {
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double)]
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var series: [Series]

    func svg(width: Double = 760, height: Double = 460) -> String {
        let left = 70.0, right = 220.0, top = 40.0, bottom = 50.0
        let all = series.flatMap(\.points).filter { $0.x > 0 && $0.y > 0 }
        guard !all.isEmpty else { return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n" }
        let xDecades = floor(log10(all.map(\.x).min()!))...ceil(log10(all.map(\.x).max()!))
        let yDecades = floor(log10(all.map(\.y).min()!))...ceil(log10(all.map(\.y).max()!))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ x: Double) -> Double {
            left + (log10(x) - xDecades.lowerBound) / max(1, xDecades.upperBound - xDecades.lowerBound) * plotWidth
        }
        func py(_ y: Double) -> Double {
            top + plotHeight - (log10(y) - yDecades.lowerBound) / max(1, yDecades.upperBound - yDecades.lowerBound) * plotHeight
        }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
        viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(f(left))" y="22" font-size="15" font-weight="bold">\(escape(title))</text>

        """
        for decade in stride(from: xDecades.lowerBound, through: xDecades.upperBound, by: 1) {
            let x = px(pow(10, decade))
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(Self.sizeLabel(pow(10, decade)))</text>\n"
        }
        for decade in stride(from: yDecades.lowerBound, through: yDecades.upperBound, by: 1) {
            let y = py(pow(10, decade))
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y))\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Self.timeLabel(pow(10, decade)))</text>\n"
        }
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#444\"/>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        out += "<text transform=\"translate(16 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        for (i, series) in series.enumerated() {
            let points = series.points.filter { $0.x > 0 && $0.y > 0 }.sorted { $0.x < $1.x }
            guard !points.isEmpty else { continue }
            let path = points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"2\"/>\n"
            for point in points {
                out += "<circle cx=\"\(f(px(point.x)))\" cy=\"\(f(py(point.y)))\" r=\"3.5\" fill=\"\(series.color)\"/>\n"
            }
            let legendY = top + 10 + Double(i) * 20
            out += "<line x1=\"\(f(left + plotWidth + 14))\" y1=\"\(f(legendY))\" x2=\"\(f(left + plotWidth + 34))\" "
                + "y2=\"\(f(legendY))\" stroke=\"\(series.color)\" stroke-width=\"2\"/>\n"
            out += "<text x=\"\(f(left + plotWidth + 40))\" y=\"\(f(legendY + 4))\">\(escape(series.name))</text>\n"
        }
        return out + "</svg>\n"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func sizeLabel(_ value: Double) -> String {
        if value >= 1e6 { return String(format: "%gM", value / 1e6) }
        if value >= 1e3 { return String(format: "%gk", value / 1e3) }
        return String(format: "%g", value)
    }

    static func timeLabel(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%g s", seconds) }
        if seconds >= 1e-3 { return String(format: "%g ms", seconds * 1e3) }
        return String(format: "%g µs", seconds * 1e6)
    }
}
