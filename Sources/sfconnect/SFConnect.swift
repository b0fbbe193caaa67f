import ArgumentParser

/// The `sfconnect` command line: the only place that bootstraps logging.
@main
struct SFConnect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sfconnect",
        abstract: "A bidirectional Salesforce connector: import objects into streams, export audiences back.",
        discussion: """
        Run `sfconnect <command> --help` for a command's flags. See README.md for the job files, \
        mappings and a tour.
        """,
        version: SFConnect.version,
        subcommands: [
            VersionCommand.self,
            SimulatorCommand.self,
            BenchCommand.self,
            AuthCommand.self,
            ValidateCommand.self,
            StreamsCommand.self,
            ProfilesCommand.self,
            AudiencesCommand.self,
            IngestCommand.self,
            RunCommand.self,
            RejectedCommand.self,
            EstimateCommand.self,
            StatusCommand.self,
            DemoCommand.self,
            ServeCommand.self,
        ]
    )

    static let version = "0.1.0"
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the sfconnect version.")
    func run() { print("sfconnect \(SFConnect.version)") }
}
