import ConnectorCore
import Foundation
import Logging

/// Runs one import job: plans every object first (so a configuration error stops the run before
/// any data moves), then reads each object up to the run's signpost, and records the run.
public struct ImportRunner: Sendable {
    public let source: any RecordSource
    public let sink: any ImportSink
    public let clock: any WallClock
    /// API calls made so far (e.g. a ``CountingGate``'s `calls`); 0 when not counted.
    public let apiCalls: @Sendable () -> Int
    public let logger: Logger

    public init(source: any RecordSource, sink: any ImportSink, clock: any WallClock,
                apiCalls: @escaping @Sendable () -> Int = { 0 }, logger: Logger = Logger(label: "sfconnect.import")) {
        self.source = source
        self.sink = sink
        self.clock = clock
        self.apiCalls = apiCalls
        self.logger = logger
    }

    /// One pass of `job` over `objects`. Never throws: failures, pauses and cancellation are in
    /// the report (and the sink's run record). Rethrows nothing so a daemon keeps its schedule.
    public func run(job: String, objects: [ObjectImportSpec], progress: ImportProgressHandler? = nil) async -> ImportRunReport {
        let started = clock.now()
        let callsBefore = apiCalls()
        var warnings: [String] = [], errors: [String] = []
        var stats = objects.map { ObjectRunStats(object: $0.object, stream: $0.stream) }
        var outcome = RunOutcome.completed
        var configurationFailure = false
        var plans: [ImportPlan] = []
        do {
            for spec in objects {
                let schema = try await SourceErrors.source(object: spec.object) { try await source.describe(spec.object) }
                let parents = try await describeParents(of: spec, schema: schema)
                let plan = try spec.planner.plan(stream: spec.stream, schema: schema, parents: parents)
                if let w = plan.skippedWarning { warnings.append(w) }
                plans.append(plan)
            }
            for (i, spec) in objects.enumerated() {
                let importer = ObjectImporter(job: job, spec: spec, plan: plans[i], source: source, sink: sink,
                                              calls: { apiCalls() - callsBefore }, progress: progress)
                try await importer.run(runStart: started, stats: &stats[i], warnings: &warnings)
                logger.info("import object done", metadata: ["sf.job": "\(job)", "sf.sobject": "\(spec.object)",
                                                             "records": "\(stats[i].stored)"])
            }
        } catch let e as ImportError where e.kind == .budgetPaused {
            outcome = .paused(until: e.resumeAt)
            errors.append(e.naming(job: job).description)
        } catch is CancellationError {
            outcome = .cancelled
        } catch {
            outcome = .failed
            configurationFailure = (error as? ImportError)?.isConfiguration ?? false
            errors.append((error as? ImportError)?.naming(job: job).description ?? "Job \(job): \(error)")
        }
        for w in warnings { logger.warning("import warning", metadata: ["sf.job": "\(job)", "warning": "\(w)"]) }
        var report = ImportRunReport(job: job, started: started, ended: clock.now(), outcome: outcome, objects: stats,
                                     apiCalls: apiCalls() - callsBefore, warnings: warnings, errors: errors)
        report.configurationFailure = configurationFailure
        do { try await sink.record(run: report) } catch {
            logger.error("run record not stored", metadata: ["sf.job": "\(job)", "error": "\(error)"])
        }
        return report
    }

    /// Describes the objects the spec's explicit parent paths (`Contact__r.Email`) pass through,
    /// one call each, so that the plan checks them to the leaf.
    func describeParents(of spec: ObjectImportSpec, schema: ObjectSchema) async throws -> [String: ObjectSchema] {
        var parents: [String: ObjectSchema] = [:]
        while true {
            let needed = spec.planner.parentObjects(of: schema, known: parents)
            if needed.isEmpty { return parents }
            for name in needed {
                parents[name.lowercased()] = try await SourceErrors.source(object: name) { try await source.describe(name) }
            }
        }
    }

    /// Runs until the pass completes, sleeping through budget pauses (until each pause's
    /// wake-up time, or `retryAfter` when it names none) and resuming from the checkpoint.
    /// Returns every run's report, the last one completed, failed or cancelled.
    public func runResumingAfterPauses(job: String, objects: [ObjectImportSpec], retryAfter: TimeInterval = 900,
                                       progress: ImportProgressHandler? = nil) async -> [ImportRunReport] {
        var reports: [ImportRunReport] = []
        while true {
            let report = await run(job: job, objects: objects, progress: progress)
            reports.append(report)
            guard case .paused(let until) = report.outcome else { return reports }
            let wake = until ?? clock.now().addingTimeInterval(retryAfter)
            logger.info("import paused for budget", metadata: ["sf.job": "\(job)", "until": "\(SalesforceDate.format(wake))"])
            do { try await clock.sleep(until: wake) } catch { return reports }
        }
    }
}
