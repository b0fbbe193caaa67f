import ArgumentParser
import Definitions
import Foundation
import ImportEngine
import Logging
import SalesforceConnector
import Store

/// `sfconnect run JOB [--once] [--store PATH]`: runs an import job, or an export job
/// (`kind: export_audiences`, see ``RunExportCommand``).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an import job once or on its schedule, or an export job once or in real time.",
        discussion: """
        Without --once the job keeps running on its schedule (frequency, time_of_day, time_zone, \
        day_of_week) until Ctrl-C or SIGTERM, which stop it after the page being stored. A budget \
        pause sleeps until the budget frees and resumes at the checkpoint. On a terminal a progress \
        line shows records done of the counted total, the rate and API calls; otherwise plain log \
        lines. An export job (kind: export_audiences) backfills every current member on its first \
        run, then sends what changed; with --once it sends what is pending and exits, otherwise it \
        keeps sending changes in real time. Exit codes: 0 done, 75 paused for budget (with --once), \
        78 job or mapping file wrong, 1 anything else.
        """)

    @Argument(help: "The job file (YAML).") var job: String
    @Flag(help: "Run one pass and exit.") var once = false
    @Option(help: "The store file (default $SFCONNECT_STORE or .sfconnect/store.sqlite).") var store: String?
    @Option(help: "The folder of default mappings.") var mappings = "mappings"

    func run() async throws {
        let env = ProcessInfo.processInfo.environment
        let cwd = FileManager.default.currentDirectoryPath
        let storePath = Store.resolvePath(flag: store, environment: env)
        try? FileManager.default.createDirectory(atPath: ((storePath.hasPrefix("/") ? storePath : cwd + "/" + storePath) as NSString)
            .deletingLastPathComponent, withIntermediateDirectories: true)
        let logger = Logger(label: "sfconnect.run")
        if try Self.isExport(job) {
            try await RunExportCommand(job: job, once: once, storePath: storePath, environment: env, workingDirectory: cwd)
                .run(logger: logger)
            return
        }
        let progress = RunProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        let runJob = RunJob(jobFile: job, once: once, storePath: storePath, environment: env, workingDirectory: cwd,
                            mappingsDirectory: mappings)
        let task = Task { try await runJob.run(logger: logger, progress: progress.handler) }
        let signals = StopSignals { task.cancel() }
        defer { signals.cancel() }
        do {
            let report = try await task.value
            progress.finish()
            guard let report else { return }
            print("job: \(report.job) (\(job))")
            for o in report.objects { print("\(o.stream): \(o.stored) stored, \(o.duplicates) already stored, \(o.tombstones) tombstones") }
            print("api_calls: \(report.apiCalls)")
            for w in report.warnings { print("warning: \(w)") }
            for e in report.errors { FileHandle.standardError.write(Data("error: \(e)\n".utf8)) }
            switch report.outcome {
            case .completed, .cancelled: return
            case .paused:
                // Without --once a pause is waited out in-process; a report comes back only when a
                // signal stopped that wait: the checkpoint is saved, so that is a clean stop.
                if once { throw ExitCode(75) }
                return
            case .failed: throw ExitCode(report.configurationFailure ? 78 : 1)
            }
        } catch let e as DefinitionErrors {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(78)
        } catch let e as ImportError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(78)
        }
    }
}

extension RunCommand {
    /// Whether `file` is an export job; a file that does not load exits 78 with every problem.
    static func isExport(_ file: String) throws -> Bool {
        do {
            if case .exportAudiences = try JobLoader.load(file: file, now: Date()) { return true }
            return false
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(78)
        }
    }
}

/// Cancels the run on SIGINT/SIGTERM (the runner stops after the page being stored).
final class StopSignals {
    let sources: [any DispatchSourceSignal]
    /// - Parameter armed: called once per signal when its source is registered (resume registers
    ///   asynchronously; a signal sent before that is lost to SIG_IGN).
    init(armed: (@Sendable () -> Void)? = nil, _ stop: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler(handler: stop)
            if let armed { s.setRegistrationHandler(handler: armed) }
            s.resume()
            return s
        }
    }
    func cancel() { sources.forEach { $0.cancel() } }
}
