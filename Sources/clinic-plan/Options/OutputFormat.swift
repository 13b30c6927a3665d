import ArgumentParser

/// How a command prints its result: a table for people, JSON or CSV for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
