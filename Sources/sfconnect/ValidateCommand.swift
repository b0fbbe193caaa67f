import ArgumentParser
import Foundation
import SalesforceConnector

/// `sfconnect validate FILE…`: reports every problem of job and mapping files at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check job and mapping files and report every problem as file:line: key: sentence.",
        discussion: """
        A file with kind: is a job file, one with stream: and fields: a mapping file. Good files \
        print 'FILE: ok (kind …)'. Exit status: 0 when every file is valid, 78 when any has a \
        problem. Whether fields and objects exist in the org is checked when a job runs. See jobs/README.md.
        """)

    @Argument(help: "Job files (jobs/*.yaml) and mapping files (mappings/*.yaml).") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one file to validate.") }
    }

    func run() throws {
        let outcomes = DefinitionsCheck.validate(files: files)
        var bad = 0, problems = 0
        for outcome in outcomes {
            if let ok = outcome.okLine { print(ok) }
            for line in outcome.problems { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            if !outcome.problems.isEmpty { bad += 1; problems += outcome.problems.count }
        }
        guard bad == 0 else {
            let summary = "\(problems) problem\(problems == 1 ? "" : "s") in \(bad) of \(outcomes.count) file\(outcomes.count == 1 ? "" : "s").\n"
            FileHandle.standardError.write(Data(summary.utf8))
            throw ExitCode(78)
        }
    }
}
