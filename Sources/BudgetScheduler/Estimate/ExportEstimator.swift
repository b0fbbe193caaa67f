import Foundation

/// What each step of an audience export costs in API calls (the explicit model the export
/// estimate uses). A backfill of up to `bulkThreshold` records goes by sObject Collections
/// (`⌈n ÷ collectionBatchSize⌉` calls), a larger one by Bulk API 2.0 ingest: per job of up to
/// `bulkRecordsPerJob` records, create + upload + close + polls + result downloads. Plus
/// `planCalls` once (describe of the target object). Real-time changes are sent by collections,
/// flushed every `flushInterval`: a day costs `max(⌈changes ÷ 200⌉, min(changes, flushes per day))`
/// calls (full batches at least, and at most one call per flush when changes trickle in).
public struct ExportCallModel: Sendable, Hashable, Codable {
    public var collectionBatchSize = 200
    public var bulkThreshold = 2000
    public var bulkRecordsPerJob = 100_000
    public var bulkCreateCalls = 1
    public var bulkUploadCalls = 1
    public var bulkCloseCalls = 1
    public var bulkPollsPerJob = 2
    /// `successfulResults` and `failedResults`.
    public var bulkResultCalls = 2
    public var planCalls = 1
    public var flushInterval: TimeInterval = 60

    public init() {}

    public func collectionCalls(records: Int) -> Int { records <= 0 ? 0 : ImportCallModel.pages(records, collectionBatchSize) }

    public func bulkCalls(records: Int) -> Int {
        guard records > 0 else { return 0 }
        let perJob = bulkCreateCalls + bulkUploadCalls + bulkCloseCalls + bulkPollsPerJob + bulkResultCalls
        return ImportCallModel.pages(records, bulkRecordsPerJob) * perJob
    }

    public func callsPerDay(changes: Int) -> Int {
        guard changes > 0 else { return 0 }
        let flushes = max(1, Int((86_400 / max(1, flushInterval)).rounded(.down)))
        return max(collectionCalls(records: changes), min(changes, flushes))
    }
}

/// The export side of `sfconnect estimate`: backfill calls and calls per day for one export job.
public struct ExportEstimate: Sendable, Hashable, Codable {
    public var job: String
    /// Members to send on the first run.
    public var backfillRecords: Int
    public var backfillCallsCollections: Int
    public var backfillCallsBulk: Int
    public var backfillMethod: EstimateReport.Method
    public var backfillCalls: Int
    /// Membership or trigger-field changes per day, and what sending them costs.
    public var changesPerDay: Int
    public var callsPerDay: Int
    public var budget: Int?
    public var daysToFinishBackfill: Double?

    /// Computes the estimate: `members` to backfill, `changesPerDay` afterwards, at `budget`
    /// calls per day (`max_daily_api_calls`, or the seed's suggestion).
    public static func estimate(job: String, members: Int, changesPerDay: Int, budget: Int?,
                                model: ExportCallModel = ExportCallModel()) -> ExportEstimate {
        let collections = model.planCalls + model.collectionCalls(records: members)
        let bulk = model.planCalls + model.bulkCalls(records: members)
        let method: EstimateReport.Method = members > model.bulkThreshold ? .bulk : .rest
        let chosen = method == .bulk ? bulk : collections
        let usable = budget.flatMap { $0 > 0 ? $0 : nil }
        return ExportEstimate(job: job, backfillRecords: max(0, members), backfillCallsCollections: collections,
                              backfillCallsBulk: bulk, backfillMethod: method, backfillCalls: chosen,
                              changesPerDay: max(0, changesPerDay), callsPerDay: model.callsPerDay(changes: changesPerDay),
                              budget: budget, daysToFinishBackfill: usable.map { Double(chosen) / Double($0) })
    }

    /// One line per figure, for the text report.
    public func text() -> String {
        var lines = ["Estimate for export job \(job)",
                     "Backfill: \(EstimateReport.int(backfillRecords)) records, \(EstimateReport.int(backfillCalls)) calls by \(backfillMethod == .bulk ? "Bulk API 2.0 ingest" : "sObject Collections") (collections \(EstimateReport.int(backfillCallsCollections)), Bulk \(EstimateReport.int(backfillCallsBulk))).",
                     "Keep updated: \(EstimateReport.int(changesPerDay)) changes/day, \(EstimateReport.int(callsPerDay)) calls/day."]
        if let budget, let days = daysToFinishBackfill {
            lines.append("At \(EstimateReport.int(budget)) calls/day: backfill in \(EstimateReport.num(days)) days.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
