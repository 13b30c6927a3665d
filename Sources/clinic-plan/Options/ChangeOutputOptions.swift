import ArgumentParser
import ClinicData

/// How a writing command reports the change it made: the sentence, the change as JSON, or the
/// mongosh script that makes the same change to the live database. Shared by `book`, `cancel`,
/// `close` and `users`.
struct ChangeOutputOptions: ParsableArguments {
    @Option(help: "What to print: text (a sentence), json (the change, every record from → to), or mongosh (a script for the live database).")
    var format: ChangeFormat = .text

    @Option(help: "For --format mongosh: the database the script uses (db.getSiblingDB); default: the one mongosh opened.")
    var database: String?

    /// What to print for `changes`, described by `sentence`.
    func render(_ changes: ChangeSet, action: String, sentence: String) -> String {
        ChangeFormat.render(format, changes, action: action, database: database, sentence: sentence)
    }
}

enum ChangeFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, mongosh

    static func render(_ format: ChangeFormat, _ changes: ChangeSet, action: String, database: String?,
                       sentence: String) -> String {
        switch format {
        case .text: sentence.hasSuffix("\n") ? sentence : sentence + "\n"
        case .json: JSONValue.object(JSONObject([
                JSONMember("action", .string(action)),
                JSONMember("message", .string(sentence.trimmingCharacters(in: .newlines))),
                JSONMember("changes", changes.json),
            ])).description + "\n"
        case .mongosh: MongoshScript.render(changes, action: action, database: database)
        }
    }
}
