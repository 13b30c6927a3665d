/// RFC 4180 CSV with a header row, for spreadsheets and BI tools.
struct CSVTable {
    private var text: String

    init(_ header: [String]) {
        text = ""
        append(header)
    }

    mutating func append(_ cells: [String]) {
        text += cells.map(CSVTable.quoted).joined(separator: ",") + "\r\n"
    }

    var rendered: String { text }

    /// Quotes a cell when it holds a comma, quote or line break (doubling inner quotes).
    static func quoted(_ cell: String) -> String {
        // Most cells hold none of those bytes: no need to walk their characters.
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
