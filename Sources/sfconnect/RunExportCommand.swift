import ArgumentParser
import Definitions
import ExportEngine
import Foundation
import Logging
import SalesforceConnector

/// `sfconnect run EXPORT_JOB`: runs an export job and prints what it did.
struct RunExportCommand {
    var job: String
    var once: Bool
    var storePath: String
    var environment: [String: String]
    var workingDirectory: String

    func run(logger: Logger) async throws {
        let export = RunExport(jobFile: job, once: once, storePath: storePath, environment: environment,
                               workingDirectory: workingDirectory)
        let task = Task { try await export.run(logger: logger) }
        let signals = StopSignals { task.cancel() }
        defer { signals.cancel() }
        try await ExportSummary.exitingOnConfiguration {
            let report = try await task.value
            ExportSummary.print(report, file: job)
            try ExportSummary.exit(for: report)
        }
    }
}

/// The summary an export run prints, and its exit code.
enum ExportSummary {
    static func print(_ r: ExportRunReport, file: String) {
        Swift.print("job: \(r.job) (\(file))")
        Swift.print("object: \(r.object)")
        Swift.print("backfilled: \(r.backfilled) members queued")
        Swift.print("changed: \(r.changed) members queued")
        Swift.print("sent: \(r.sent)")
        Swift.print("rejected: \(r.rejected)" + (r.rejected > 0 ? " (see `sfconnect rejected list \(file)`)" : ""))
        Swift.print("skipped: \(r.skipped)" + (r.skipped > 0 ? " (no match and create_missing: false)" : ""))
        Swift.print("pending: \(r.pending)")
        Swift.print("api_calls: \(r.apiCalls)")
        if r.overflowMembers > 0 {
            Swift.print("warning: \(r.overflowMembers) members: audiences left out of the audiences field because they "
                        + "do not fit its length: \(r.overflowNames.joined(separator: ", "))")
        }
        if r.pending > 0, r.outcome == .completed {
            Swift.print("warning: \(r.pending) records wait for Salesforce to accept them (it asked to retry); the next run sends them")
        }
    }

    /// Runs `body`; a bad job file or an export that does not fit prints its sentence and exits 78.
    static func exitingOnConfiguration(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let e as DefinitionErrors {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(78)
        } catch let e as ExportError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(78)
        }
    }

    /// 0 done or stopped by a signal, 75 paused for budget, 78 configuration, 1 anything else.
    static func exit(for r: ExportRunReport) throws {
        switch r.outcome {
        case .completed, .cancelled: return
        case .paused(let until):
            FileHandle.standardError.write(Data(("paused: the API budget is spent; pending records wait in the outbox"
                + (until.map { " until \(ISO8601DateFormatter().string(from: $0))" } ?? "") + "\n").utf8))
            throw ExitCode(75)
        case .failed(let message, let configuration):
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode(configuration ? 78 : 1)
        }
    }
}
