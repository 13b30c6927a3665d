/// Text for a terminal: names and reasons come from the data, and an ESC sequence in one
/// (`\u{1B}]0;…`, `\u{1B}[2J`) would drive the reader's terminal. Control characters other than
/// line feed and tab (C0, DEL and C1) are removed from everything a table prints.
enum TerminalText {
    /// `text` without control characters except "\n" and "\t".
    ///
    /// - Complexity: O(n); a string with none (nearly every one) is returned as it is.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isControl($0) })
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
