import ArgumentParser
import ClinicData

extension ClinicPlan {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Checks a data folder and lists every problem in it.",
            discussion: """
            Reads all eight collection files and reports every problem, one line each, naming the \
            file, the document (position and _id), the field and what is wrong. Errors (unreadable \
            JSON, wrong types, bad dates or times, unknown statuses, dangling references, duplicate \
            ids or emails, empty windows, negative caps, missing files) make the exit status 2. \
            Warnings, such as a password stored as plain text, are listed apart and do not. The \
            clinic's settings file, clinic-plan.json, is checked too (an unknown key, a time zone the \
            system does not know or a value outside its option's range is an error).

            Example: clinic-plan validate --data instances/sample
            """)

        @OptionGroup var data: DataOptions

        @Option(help: "Output format.")
        var format: ValidateFormat = .text

        func run() throws {
            // A bad settings file is one more error here, not the end: the folder is still read
            // (in --timezone, else UTC) so that every problem is listed.
            var zone = data.timezone ?? .utc
            var settingsProblems: [DataProblem] = []
            do throws(ClinicSettingsError) {
                let settings = try ClinicSettings.read(folder: data.folderURL)
                zone = data.timezone ?? settings.timeZone
            } catch {
                settingsProblems.append(error.problem)
            }
            var folder = try data.loadFolder(timeZone: zone)
            folder.problems = settingsProblems + folder.problems
            let out = FileOutput.standardOutput
            switch format {
            case .text: out.write(text(folder))
            case .json: out.write(json(folder).description + "\n")
            }
            if !folder.errors.isEmpty { throw ExitCode(ExitStatus.badInput) }
        }

        private func text(_ folder: LoadedFolder) -> String {
            var out = ""
            if !folder.errors.isEmpty {
                out += "errors:\n" + folder.errors.map { "  \($0)\n" }.joined()
            }
            if !folder.warnings.isEmpty {
                out += "warnings:\n" + folder.warnings.map { "  \($0)\n" }.joined()
            }
            out += "\(data.data): \(folder.errors.count) error(s), \(folder.warnings.count) warning(s); "
            out += folder.dataset.countsDescription + "\n"
            return out
        }

        private func json(_ folder: LoadedFolder) -> JSONValue {
            func problems(_ list: [DataProblem]) -> JSONValue {
                .array(list.map { problem in
                    .object([
                        "file": .string(problem.file),
                        "document": .optional(problem.document.map { .int($0) }),
                        "_id": .optional(problem.documentID.map { .string($0) }),
                        "field": .optional(problem.field.map { .string($0) }),
                        "message": .string(problem.message),
                        "line": .string(problem.description),
                    ])
                })
            }
            return .object([
                "folder": .string(data.data),
                "errors": problems(folder.errors),
                "warnings": problems(folder.warnings),
            ])
        }
    }
}

enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
