import ArgumentParser
import Definitions
import Foundation
import SalesforceAuth
import SalesforceConnector

/// `sfconnect auth …`: authorizations.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth", abstract: "Check authorizations (how sfconnect logs in to an org).",
        subcommands: [AuthCheckCommand.self])
}

/// `sfconnect auth check FILE`: exit 0 logged in, 78 configuration problem, 1 login refused.
struct AuthCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Log in with an authorization and print the org id, user, instance URL, API version and daily API limit.",
        discussion: """
        FILE is an authorization YAML file, a job file with an authorization: key, or the name of a \
        file in the authorizations folder ($SFCONNECT_AUTH_DIR, default .sfconnect/authorizations). \
        Exit codes: 0 logged in, 78 the YAML is wrong (every problem is listed), 1 the login or the \
        limits call failed (one sentence saying what to fix).
        """)

    @Argument(help: "An authorization file, a job file, or an authorization name.") var file: String

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            let (report, warnings) = try await AuthCheck.run(file, environment: environment,
                                                             workingDirectory: FileManager.default.currentDirectoryPath)
            for w in warnings { FileHandle.standardError.write(Data("warning: \(w.description)\n".utf8)) }
            print(report.lines.joined(separator: "\n"))
        } catch let e as DefinitionErrors {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(78)
        } catch let e as AuthError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
