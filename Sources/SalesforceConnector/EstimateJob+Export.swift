import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import Store

/// `sfconnect estimate JOB` for a `kind: export_audiences` job: reads the store only (no
/// Salesforce call). The backfill is every distinct member of the job's audiences; the daily
/// changes are the distinct members the change feed touched in the last 24 hours.
public enum EstimateExportJob {
    /// - Throws: ``StoreError`` `.notFound` for an audience not in the store, `.database`.
    public static func estimate(job: ExportAudiencesJob, store: Store, now: Date) throws -> ExportEstimate {
        var members = Set<Int64>()
        for audience in job.audiences { members.formUnion(try store.members(of: audience)) }
        let since = now.addingTimeInterval(-86_400)
        var changed = Set<Int64>()
        var after: Int64 = 0
        while true {
            let page = try store.changes(after: after, limit: 5_000)
            guard let last = page.last else { break }
            for c in page where c.at >= since && members.contains(c.profileID) { changed.insert(c.profileID) }
            after = last.sequence
        }
        var model = ExportCallModel()
        model.collectionBatchSize = min(200, max(1, job.batchSize))
        return ExportEstimate.estimate(job: job.name, members: members.count, changesPerDay: changed.count,
                                       budget: job.maxDailyAPICalls, model: model)
    }
}

/// What `sfconnect estimate` prints for one job: an import or an export estimate.
public enum JobEstimate: Sendable {
    case importJob(EstimateReport)
    case exportJob(ExportEstimate)

    /// - Throws: `EncodingError` (not expected).
    public func json() throws -> String {
        switch self {
        case .importJob(let r): return try r.json()
        case .exportJob(let e):
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try enc.encode(e), as: UTF8.self)
        }
    }

    public func text() -> String {
        switch self {
        case .importJob(let r): return r.text()
        case .exportJob(let e): return e.text()
        }
    }
}

extension EstimateJob {
    /// Estimates an import job (through Salesforce) or an export job (from the store at `storePath`).
    /// - Throws: as ``run(clock:)``; ``StoreError`` for an export job whose store or audiences cannot be read.
    public func runAny(storePath: String, clock: any WallClock = SystemWallClock()) async throws -> JobEstimate {
        let job = try JobLoader.load(file: path(jobFile), now: clock.now())
        guard case .exportAudiences(let export) = job else { return .importJob(try await run(clock: clock)) }
        let estimate = try Store.withStore(path: path(storePath), clock: clock) { store in
            try EstimateExportJob.estimate(job: export, store: store, now: clock.now())
        }
        return .exportJob(estimate)
    }
}
