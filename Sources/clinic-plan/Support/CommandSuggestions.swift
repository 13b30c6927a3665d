import ArgumentParser
import SlotSolver

/// "Did you mean" for what argument-parser refuses without one: a mistyped subcommand, and a
/// value outside an option's choices. Also puts its messages in the tool's one style (`error: …`).
enum CommandSuggestions {
    /// A failure for the first word that should name a subcommand and does not, if any
    /// (`clinic-plan plna`, `clinic-plan users lst`).
    static func unknownSubcommand(in arguments: [String]) -> CommandFailure? {
        var command: ParsableCommand.Type = ClinicPlan.self
        var path = [name(of: ClinicPlan.self)]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
            if let next = subcommands.first(where: { name(of: $0) == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { name(of: $0) }
            let guess = Spelling.nearest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
            return CommandFailure("'\(word)' is not a \(path.joined(separator: " ")) command\(guess)",
                                  notes: ["commands: " + names.joined(separator: ", "),
                                          "See '\(path.joined(separator: " ")) --help' for more information."])
        }
        return nil
    }

    private static func name(of command: ParsableCommand.Type) -> String { command._commandName }

    /// argument-parser's message for a usage error, starting `error:` and, when a value is not
    /// one of an option's choices, with the nearest choice on the next line.
    static func usageMessage(_ message: String) -> String {
        var lines = message.components(separatedBy: "\n")
        guard !lines.isEmpty else { return message }
        if lines[0].hasPrefix("Error: ") { lines[0] = "error: " + lines[0].dropFirst("Error: ".count) }
        if let (value, option) = invalidValue(lines[0]) {
            let choices = option == "--timezone" ? ClinicTimeZone.knownNames : self.choices(in: lines)
            if let guess = Spelling.nearest(to: value, among: choices) {
                // After the list of choices, when argument-parser gives one a line.
                let after = (lines.lastIndex { $0.hasPrefix("  - ") } ?? 0) + 1
                lines.insert("Did you mean '\(guess)'?", at: after)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The value and option of "The value 'jsn' is invalid for '--format <format>'…".
    private static func invalidValue(_ line: String) -> (String, String)? {
        guard let head = line.range(of: "The value '"), let tail = line.range(of: "' is invalid for '", range: head.upperBound..<line.endIndex)
        else { return nil }
        let value = String(line[head.upperBound..<tail.lowerBound])
        let option = line[tail.upperBound...].prefix { $0 != " " && $0 != "'" }
        return (value, String(option))
    }

    /// The choices argument-parser lists: "one of 'a', 'b' or 'c'." or one "  - a" line each.
    private static func choices(in lines: [String]) -> [String] {
        if !lines[0].hasSuffix("the following:"), let list = lines[0].range(of: "Please provide one of ") {
            return lines[0][list.upperBound...].split(separator: "'", omittingEmptySubsequences: false)
                .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return lines.dropFirst().filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
    }
}
