import ConnectorCore
import Definitions
import ExportEngine
import Foundation
import ImportEngine
import Logging
import SalesforceAPI
import Store

/// `sfconnect run EXPORT_JOB`: checks the export job against the object's describe, backfills
/// every current member on the first run, then sends what the change feed says changed. With
/// `once` it sends what is pending and returns; otherwise it keeps polling the change feed
/// (every `pollInterval`, a local SQLite read that costs no API call) until cancelled, sleeps
/// through budget pauses until the wake-up time, and waits out an outage (a pass that failed for
/// any reason but configuration: 30 s, doubling to 10 min) before trying again.
public struct RunExport: Sendable {
    public var jobFile: String
    public var once: Bool
    public var storePath: String
    public var environment: [String: String]
    public var workingDirectory: String
    public var pollInterval: Duration

    public init(jobFile: String, once: Bool, storePath: String, environment: [String: String],
                workingDirectory: String, pollInterval: Duration = .milliseconds(200)) {
        self.jobFile = jobFile
        self.once = once
        self.storePath = storePath
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.pollInterval = pollInterval
    }

    /// Runs the job and returns what it did (summed over every pass without `once`).
    /// - Throws: ``DefinitionErrors`` for a bad job file, ``ExportError`` for a job that is not an
    ///   export or does not fit the object, the auth or store errors when it cannot start.
    /// `onPass` sees the running total after every pass (for metrics).
    public func run(clock: any WallClock = SystemWallClock(), logger: Logger,
                    onPass: (@Sendable (ExportRunReport) -> Void)? = nil) async throws -> ExportRunReport {
        let (export, session) = try await open(clock: clock, logger: logger)
        defer { session.close() }
        let status = session.status(job: export.name, logger: logger)
        status.started()
        var pass: ExportPass?
        var total = ExportRunReport(job: export.name, object: export.object)
        var failures = 0
        while true {
            let report: ExportRunReport
            if let pass {
                report = await pass.run()
            } else {
                do {
                    pass = try await ExportPass.make(job: export, session: session)
                    continue
                } catch {
                    // Refused before the pass (the describe, by the budget or an outage): what waits is still reported.
                    var refused = ExportRunReport(job: export.name, object: export.object)
                    refused.outcome = ExportPass.outcome(of: error)
                    refused.apiCalls = session.gate.calls
                    refused.pending = (try? session.store.pendingExportCount(job: export.name)) ?? 0
                    if case .failed(_, true) = refused.outcome {
                        await status.finished(refused.outcome.jobState, pausedUntil: nil)
                        throw error
                    }
                    report = refused
                }
            }
            total.add(report)
            onPass?(total)
            ExportRunLog.log(report, logger: logger)
            await status.finished(report.outcome.jobState, pausedUntil: report.outcome.pausedUntil)
            if once || Task.isCancelled { return total }
            switch report.outcome {
            case .cancelled, .failed(_, true):
                return total
            case .failed(let message, false):
                // Salesforce or the network stayed down past the client's retries: a long-running
                // export waits and tries again (the entries stay in the outbox) instead of ending.
                failures += 1
                let delay = OutageBackoff.delay(afterFailures: failures)
                logger.warning("export pass failed; trying again", metadata: [
                    "sf.job": "\(export.name)", "error": "\(message)", "retry_in_seconds": "\(Int(delay))"])
                do { try await clock.sleep(until: clock.now().addingTimeInterval(delay)) } catch {
                    total.outcome = .cancelled
                    return total
                }
            case .paused(let until):
                let wake = until ?? clock.now().addingTimeInterval(60)
                logger.info("export paused for budget", metadata: ["sf.job": "\(export.name)", "until": "\(SalesforceDate.format(wake))"])
                do { try await clock.sleep(until: wake) } catch { total.outcome = .cancelled; return total }
            case .completed:
                failures = 0
                do { try await Task.sleep(for: pollInterval) } catch { total.outcome = .cancelled; return total }
            }
            status.started()
        }
    }

    /// Loads the export job and opens its session.
    func open(clock: any WallClock, logger: Logger) async throws -> (ExportAudiencesJob, JobSession) {
        let file = path(jobFile)
        let job = try JobLoader.load(file: file, now: clock.now())
        guard case .exportAudiences(let export) = job else {
            throw ExportError.notAnExportJob(file: jobFile, kind: job.kind.rawValue)
        }
        let session = try await JobSession.open(jobFile: file, job: job, storePath: path(storePath), environment: environment,
                                          workingDirectory: workingDirectory, clock: clock, logger: logger)
        let defined = Set(try session.store.audiences().map(\.name))
        if let missing = export.audiences.first(where: { !defined.contains($0) }) {
            session.close()
            throw ExportError.audienceNotDefined(job: export.name, audience: missing)
        }
        return (export, session)
    }

    func path(_ p: String) -> String { p.hasPrefix("/") ? p : (workingDirectory as NSString).appendingPathComponent(p) }
}

extension ExportRunReport.Outcome {
    var jobState: JobState {
        switch self {
        case .completed, .cancelled: return .idle
        case .paused: return .paused
        case .failed: return .failed
        }
    }

    var pausedUntil: Date? {
        if case .paused(let until) = self { return until }
        return nil
    }
}
