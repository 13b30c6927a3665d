/// One problem in the input, printed as one line:
///
///     appointments.json: document 12 (_id 65f0c0ffee…): time "25:61" is not a valid HH:MM time
///     users.json: line 3, column 17: unexpected end of input
///     clinic_days.json: required file is missing
///
/// `document` is the 1-based position of the document in its file; `documentID` is its `_id` as
/// results print it (absent when the `_id` itself is missing or unreadable).
public struct DataProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var document: Int?
    public var documentID: String?
    /// The field the problem is about; the description starts the message with it.
    public var field: String?
    /// The problem after the field name (`"25:61" is not a valid HH:MM time`).
    public var message: String
    /// Where unreadable JSON fails (1-based; the column counts characters).
    public var line: Int?
    public var column: Int?

    public init(severity: Severity, file: String, document: Int? = nil, documentID: String? = nil,
                field: String? = nil, message: String, line: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.file = file
        self.document = document
        self.documentID = documentID
        self.field = field
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file + ": "
        if let line, let column {
            text += "line \(line), column \(column): "
        } else if let document {
            text += "document \(document)"
            if let documentID { text += " (_id \(documentID))" }
            text += ": "
        }
        if let field { text += field + " " }
        return text + message
    }
}
