/// Escaping for text placed in HTML and SVG, so that names like "Skin & Glow Clinic" or a
/// reason with "<" print as written and can never inject markup.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A CSS length in pixels with at most one decimal ("12.5px").
    static func px(_ value: Double) -> String {
        ReportCell.format(value, digits: 1) + "px"
    }
}
