import ConnectorCore
import Foundation
import ImportEngine
import Store

/// The import engine's ``ImportSink`` over the Store: each page's records, the profile update and
/// the checkpoint go into one SQLite transaction (`Store.appendPage`); runs land in the run table.
public struct ImportStoreSink: ImportSink {
    public let store: Store

    public init(store: Store) { self.store = store }

    public func checkpoint(job: String, object: String) async throws -> Checkpoint? {
        try store.checkpoint(job: job, object: object)
    }

    public func commit(_ page: PageCommit) async throws -> CommitResult {
        let r = try store.appendPage(stream: page.stream, object: page.object, records: page.records,
                                     mapping: page.mapping, checkpoint: page.checkpoint)
        return CommitResult(stored: r.stored, duplicates: r.duplicates)
    }

    public func record(run report: ImportRunReport) async throws {
        var run = try store.startRun(job: report.job, at: report.started)
        run.endedAt = report.ended
        run.records = report.stored
        run.apiCalls = report.apiCalls
        run.warnings = report.warnings.count
        run.errors = report.errors.count
        switch report.outcome {
        case .completed: run.state = .succeeded
        case .paused(let until):
            run.state = .paused
            run.message = "paused for budget until " + (until.map(SalesforceDate.format) ?? "the window frees")
        case .cancelled:
            run.state = .failed
            run.message = "cancelled; resumes at the last stored page"
        case .failed:
            run.state = .failed
            run.message = report.errors.first
        }
        try store.finishRun(run)
    }
}
