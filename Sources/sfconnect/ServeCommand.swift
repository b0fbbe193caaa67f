import ArgumentParser
import Foundation
import Logging
import SalesforceSimulator
import Store

/// `sfconnect serve [--jobs DIR] [--port N] [--store PATH] [--token-file FILE]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run every job in a folder as a service, with /healthz, /metrics, /jobs and POST /streams/NAME.",
        discussion: """
        Import jobs run on their schedules, audiences are defined at start; job kinds the service \
        cannot run yet are listed on stderr at start-up. SIGTERM or Ctrl-C stops the imports after \
        the page being stored (checkpoint saved) and exits 0. POST /streams/NAME needs \
        `Authorization: Bearer TOKEN` with the token of $SFCONNECT_SERVE_TOKEN or --token-file; \
        without a configured token writes are refused. Prints `listening: PORT` when ready.
        """)

    @Option(help: "The folder of job files.") var jobs = "jobs"
    @Option(help: "The port on 127.0.0.1 (0 picks a free one).") var port: Int = 8080
    @Option(help: "The folder of default mappings.") var mappings = "mappings"
    @Option(name: .customLong("token-file"), help: "A file holding the bearer token for writes.") var tokenFile: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let cwd = FileManager.default.currentDirectoryPath
        let storePath = store.resolvedPath.hasPrefix("/") ? store.resolvedPath : cwd + "/" + store.resolvedPath
        try? FileManager.default.createDirectory(atPath: (storePath as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let token = try Self.token(file: tokenFile, environment: env)
        let logger = Logger(label: "sfconnect.serve")
        let service = try ServeJobs(jobsDirectory: jobs, mappingsDirectory: mappings, storePath: storePath,
                                    environment: env, workingDirectory: cwd, logger: logger)
        let http = ServeHTTP(service: service, token: token)
        let (boundPort, server) = try await BoundApplication.run { onRunning in http.application(port: port, onRunning: onRunning) }
        FileHandle.standardOutput.write(Data("listening: \(boundPort)\n".utf8))
        // The service stays up (HTTP ingest, status) until SIGTERM/SIGINT, also after every job
        // has finished (an import without keep_updated runs once).
        let runner = Task {
            await service.runJobs()
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
        let signals = StopSignals { runner.cancel() }
        defer { signals.cancel() }
        await runner.value
        server.cancel()
        _ = await server.result
        FileHandle.standardError.write(Data("stopped: checkpoints saved\n".utf8))
    }

    /// The bearer token: --token-file first, else $SFCONNECT_SERVE_TOKEN; nil when neither is set.
    static func token(file: String?, environment: [String: String]) throws -> String? {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("Cannot read the token file \(file); check the path and its permissions.")
            }
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty else { throw ValidationError("The token file \(file) is empty; write the bearer token into it.") }
            return t
        }
        return environment["SFCONNECT_SERVE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
