/// A plain-text table with aligned columns, for terminal output.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    /// Cells come from the data: control characters are removed (`TerminalText`).
    mutating func append(_ row: [String]) { rows.append(row.map(TerminalText.printable)) }

    /// Columns padded to their widest cell (counted in characters), two spaces apart.
    func render(indent: String = "") -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = indent
            for (i, cell) in cells.enumerated() {
                let isLast = i == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            return text + "\n"
        }
        var out = line(header)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { out += line(row) }
        return out
    }
}
