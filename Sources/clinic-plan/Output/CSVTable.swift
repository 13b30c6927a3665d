/// RFC 4180 CSV with a header row, for spreadsheets and BI tools.
struct CSVTable {
    private var text: String

    init(_ header: [String]) {
        text = ""
        append(header)
    }

    /// Rows without a header, for `append(rowsOf:)`: the rows of a long table can then be
    /// written on several threads and joined in order.
    static func rowsOnly() -> CSVTable { CSVTable(text: "") }

    private init(text: String) { self.text = text }

    mutating func append(_ cells: [String]) {
        text += cells.map(CSVTable.quoted).joined(separator: ",") + "\r\n"
    }

    /// The rows of `rows` (a `rowsOnly` table) after these.
    mutating func append(rowsOf rows: CSVTable) {
        text += rows.text
    }

    var rendered: String { text }

    /// A cell as CSV: a cell a spreadsheet would run as a formula (OWASP's rule: it begins with
    /// `=`, `+`, `-`, `@`, TAB or CR) gets a leading `'`, unless it is a plain number such as
    /// `-3` (a number is not a formula); a cell with a comma, quote, CR or LF is quoted, inner
    /// quotes doubled. Bytes are compared, not Characters: "\r\n" is one Character in Swift.
    static func quoted(_ raw: String) -> String {
        let cell = isFormula(raw) ? "'" + raw : raw
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isSignedNumber(cell)
        default: return false
        }
    }

    /// `-12`, `-0.5`, `+3`: a sign, then digits with at most one point.
    private static func isSignedNumber(_ cell: String) -> Bool {
        let body = Array(cell.utf8.dropFirst())
        guard let lead = body.first, (48...57).contains(lead) else { return false }
        return body.allSatisfy { (48...57).contains($0) || $0 == 46 } && body.filter { $0 == 46 }.count <= 1
    }
}
