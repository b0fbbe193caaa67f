import BudgetScheduler
import ConnectorCore
import ExportEngine
import Foundation
import SalesforceAPI
import Store

/// One pass of an export job: queue the backfill (first run only), queue what the change feed
/// says changed, and send the outbox. Backfill sends are charged at backfill priority until the
/// backfill's outbox has drained once; after that sends are real time.
struct ExportPass: Sendable {
    let job: ExportAudiencesJob
    let backfill: ExportRunner
    let realtime: ExportRunner
    let session: JobSession

    /// Describes the object and plans the job against it.
    /// - Throws: ``ExportError`` `.invalidJob` listing every problem, or the client's error.
    static func make(job: ExportAudiencesJob, session: JobSession) async throws -> ExportPass {
        let backfillClient = session.client(job: job.name, priority: job.priority?.callPriority ?? .backfill)
        let realtimeClient = session.client(job: job.name, priority: job.priority?.callPriority ?? .realtimeExport)
        let plan = try ExportPlan.make(job: job, description: try await backfillClient.describe(job.object))
        return ExportPass(job: job, backfill: ExportRunner(job: job, plan: plan, client: backfillClient, store: session.store),
                          realtime: ExportRunner(job: job, plan: plan, client: realtimeClient, store: session.store),
                          session: session)
    }

    /// Marks the backfill as sent (its outbox drained once).
    var backfillSentMarker: String { "export-backfill-sent:\(job.name)" }

    func run() async -> ExportRunReport {
        let store = session.store
        var report = ExportRunReport(job: job.name, object: job.object)
        var pendingBefore = 0, rejectedBefore = 0
        let skippedBefore = skippedSoFar
        do {
            if try store.savedConsumerPosition(backfill.consumer) == nil {
                // The feed position is taken before the members are read, and saved only after
                // their entries are written: a change during the backfill is sent again, never lost.
                let start = try store.latestChangeSequence()
                report.backfilled = try backfill.enqueueMembers()
                try store.saveConsumerPosition(backfill.consumer, position: start)
            }
            report.changed = try realtime.enqueueChanges()
            pendingBefore = try store.pendingExportCount(job: job.name)
            rejectedBefore = try store.rejectedRecords(job: job.name).count
            let backfillSent = try store.savedConsumerPosition(backfillSentMarker) != nil
            _ = try await (backfillSent ? realtime : backfill).drain()
            if !backfillSent, try store.pendingExportCount(job: job.name) == 0 {
                try store.saveConsumerPosition(backfillSentMarker, position: 1)
            }
        } catch {
            report.outcome = Self.outcome(of: error)
        }
        if let pending = try? store.pendingExportCount(job: job.name),
           let rejected = try? store.rejectedRecords(job: job.name).count {
            report.pending = pending
            report.rejected = max(0, rejected - rejectedBefore)
            report.skipped = skippedSoFar - skippedBefore
            report.sent = max(0, pendingBefore - pending - report.rejected - report.skipped)
        }
        report.overflowMembers = backfill.warnings.overflowMembers + realtime.warnings.overflowMembers
        report.overflowNames = Array(Set(backfill.warnings.overflowNames + realtime.warnings.overflowNames)).sorted()
        report.apiCalls = session.gate.calls
        return report
    }

    /// Members skipped (no match under `create_missing: false`) by this pass's runners so far.
    private var skippedSoFar: Int { backfill.warnings.skippedMembers + realtime.warnings.skippedMembers }

    /// Budget stops pause; cancellation cancels; a configuration disposition or a plan that does
    /// not fit fails as configuration; anything else fails. Nothing queued is dropped in any case.
    static func outcome(of error: any Error) -> ExportRunReport.Outcome {
        if error is CancellationError { return .cancelled }
        if let budget = error as? BudgetError, case .stopForBudget(let until) = budget.disposition {
            return .paused(until: until ?? budget.resumeAt)
        }
        if let sf = error as? SalesforceError {
            switch sf.disposition {
            case .stopForBudget(let until): return .paused(until: until)
            case .failConfiguration: return .failed(sf.description, configuration: true)
            default: return .failed(sf.description, configuration: false)
            }
        }
        if let export = error as? ExportError { return .failed(export.description, configuration: true) }
        return .failed(String(describing: error), configuration: false)
    }
}
