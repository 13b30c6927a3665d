import ArgumentParser

@main
struct ClinicPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic-plan",
        abstract: "Plans, checks and rebooks a multi-doctor clinic's appointments and rep visits.",
        subcommands: [])
}
