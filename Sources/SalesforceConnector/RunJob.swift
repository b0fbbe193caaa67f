import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import Logging
import SalesforceAPI
import SalesforceAuth
import Store

/// `sfconnect run JOB` for import jobs (export jobs go to `RunExport`): loads the job, wires the
/// client (token provider, budget) and the store, and runs it once or on its schedule.
public struct RunJob: Sendable {
    public var jobFile: String
    public var once: Bool
    public var storePath: String
    public var environment: [String: String]
    public var workingDirectory: String
    public var mappingsDirectory: String
    public var tuning: ImportJobSpecs.Tuning

    public init(jobFile: String, once: Bool, storePath: String, environment: [String: String],
                workingDirectory: String, mappingsDirectory: String = "mappings",
                tuning: ImportJobSpecs.Tuning = ImportJobSpecs.Tuning()) {
        self.jobFile = jobFile
        self.once = once
        self.storePath = storePath
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.mappingsDirectory = mappingsDirectory
        self.tuning = tuning
    }

    /// Runs the job; returns the last run's report. Without `once`, sleeps until
    /// `Schedule.nextRun(after:)` between runs (and through budget pauses) until cancelled.
    /// - Throws: ``DefinitionErrors`` for a bad job or mapping file, ``ImportError`` for a job
    ///   that is neither an import nor an export (`.notAnImportJob`), the auth or store errors when they cannot start.
    public func run(clock: any WallClock = SystemWallClock(), logger: Logger,
                    progress: ImportProgressHandler? = nil) async throws -> ImportRunReport? {
        let job = try JobLoader.load(file: path(jobFile), now: clock.now())
        let defaults = try MappingLoader.loadAll(directory: path(mappingsDirectory))
        let specs = try ImportJobSpecs.specs(for: job, defaults: defaults, tuning: tuning)
        guard !specs.isEmpty else {
            throw ImportError(.notAnImportJob, job: job.name,
                              "\(jobFile) is neither an import nor an export job; `sfconnect run` runs kind: import, import_custom_object and export_audiences jobs (load a kind: audience file with `sfconnect audiences load`).")
        }
        try Self.checkAllotment(job, objects: specs.count)
        let session = try await JobSession.open(jobFile: path(jobFile), job: job, storePath: path(storePath), environment: environment,
                                          workingDirectory: workingDirectory, clock: clock, logger: logger)
        defer { session.close() }
        let gate = session.gate
        let client = session.client(job: job.name, priority: Self.priority(of: job))
        let budget = session.budget
        let source = ImportClientSource(client: client, pausedUntil: { await budget.status().orgPausedUntil })
        let runner = ImportRunner(source: source, sink: ImportStoreSink(store: session.store),
                                  clock: clock, apiCalls: { gate.calls }, logger: logger)
        let status = session.status(job: job.name, logger: logger)
        var last: ImportRunReport?
        var failures = 0
        while true {
            status.started()
            var reports = [await runner.run(job: job.name, objects: specs, progress: progress)]
            // Without --once a budget pause is waited out in-process; meanwhile status shows
            // `paused until T` (not `running`), and the pass resumes at its checkpoint.
            while !once, case .paused(let until)? = reports.last?.outcome {
                await status.finished(reports.last)
                let wake = until ?? clock.now().addingTimeInterval(900)
                logger.info("import paused for budget", metadata: ["sf.job": "\(job.name)", "until": "\(SalesforceDate.format(wake))"])
                do { try await clock.sleep(until: wake) } catch { break }
                status.started()
                reports.append(await runner.run(job: job.name, objects: specs, progress: progress))
            }
            last = reports.last
            await status.finished(last)
            for r in reports { RunLog.log(r, logger: logger) }
            guard !once, let schedule = Self.schedule(of: job), !Task.isCancelled, last?.outcome != .cancelled else { return last }
            var next = schedule.nextRun(after: clock.now())
            if let last, last.outcome == .failed, !last.configurationFailure {
                // An outage (or a store hiccup): try again soon rather than a whole schedule period
                // later; the pass resumes at its checkpoint. A configuration failure waits for the
                // schedule, since only an edit or an org change fixes it.
                failures += 1
                next = min(next, clock.now().addingTimeInterval(OutageBackoff.delay(afterFailures: failures)))
            } else {
                failures = 0
            }
            logger.info("next run", metadata: ["sf.job": "\(job.name)", "at": "\(SalesforceDate.format(next))"])
            do { try await clock.sleep(until: next) } catch { return last }
        }
    }

    /// Each run spends a describe and a `COUNT()` per object before its first page, so an
    /// allotment below that plus one page could never store a record: it would spend those calls
    /// every day and pause. Refused before any call, with the smallest value that works.
    /// - Throws: ``ImportError`` `.allotmentTooSmall`.
    static func checkAllotment(_ job: JobDefinition, objects: Int) throws {
        guard let max = job.maxDailyAPICalls else { return }
        let needed = 2 * objects + 1
        guard max < needed else { return }
        throw ImportError(.allotmentTooSmall, job: job.name, """
            max_daily_api_calls: \(max) cannot cover one run: it spends a describe and a COUNT() for each of its \
            \(objects) object\(objects == 1 ? "" : "s") before its first page; set it to at least \(needed) \
            (`sfconnect estimate` shows what a run costs).
            """)
    }

    /// The budget class of the job's calls: its `priority` key, else `import`.
    static func priority(of job: JobDefinition) -> CallPurpose.Priority {
        switch job {
        case .importObjects(let j): return j.priority?.callPriority ?? .importing
        case .importCustomObject(let j): return j.priority?.callPriority ?? .importing
        default: return .importing
        }
    }

    static func schedule(of job: JobDefinition) -> Schedule? {
        switch job {
        case .importObjects(let j): return j.schedule
        case .importCustomObject(let j): return j.schedule
        default: return nil
        }
    }

    func path(_ p: String) -> String { p.hasPrefix("/") ? p : (workingDirectory as NSString).appendingPathComponent(p) }
}

/// Logs a run report as plain lines.
public enum RunLog {
    public static func log(_ r: ImportRunReport, logger: Logger) {
        for o in r.objects {
            logger.info("object imported", metadata: ["sf.job": "\(r.job)", "sf.sobject": "\(o.object)", "stream": "\(o.stream)",
                                                      "stored": "\(o.stored)", "duplicates": "\(o.duplicates)",
                                                      "tombstones": "\(o.tombstones)", "api": "\(o.api?.rawValue ?? "-")"])
        }
        for e in r.errors { logger.error("run error", metadata: ["sf.job": "\(r.job)", "error": "\(e)"]) }
        logger.info("run finished", metadata: ["sf.job": "\(r.job)", "outcome": "\(r.outcome)", "records": "\(r.stored)",
                                               "api_calls": "\(r.apiCalls)", "warnings": "\(r.warnings.count)"])
    }
}
