import Foundation

/// What each step of an import costs in API calls: the explicit, parameterised cost model the
/// estimate uses. Defaults follow Salesforce's paging (REST query pages of 2,000 records; Bulk
/// API 2.0 results pages of `maxRecords`); the import engine sets the counts that match its own
/// call pattern (how many describes, how many Bulk polls, whether it reads deletes).
///
/// First run, per object: `planCallsPerObject` + the read, by REST
/// `max(1, ⌈records ÷ restPageSize⌉)` or by Bulk
/// `bulkCreateCalls + bulkPollsPerJob + max(1, ⌈records ÷ bulkResultPageSize⌉) + bulkCleanupCalls`.
/// The chosen method is Bulk from `bulkThreshold` records on (when `bulkAllowed`), else REST.
/// Plus `planCallsPerRun` once.
///
/// Each keep-updated run, per object (always REST):
/// `perRunCallsPerObject + max(1, ⌈(changed + lookbackRecordsPerRun) ÷ restPageSize⌉)`, plus
/// `max(1, ⌈deleted ÷ restPageSize⌉)` for the `queryAll` of deleted records when `readsDeletes`.
/// Plus `perRunCalls` once. A run costs at least one query call per object even when nothing changed.
public struct ImportCallModel: Sendable, Hashable, Codable {
    /// Records per REST query page (`Sforce-Query-Options: batchSize`, 200 ... 2,000).
    public var restPageSize = 2000
    /// `maxRecords` of each Bulk API 2.0 results request.
    public var bulkResultPageSize = 50_000
    /// Calls to create a Bulk query job.
    public var bulkCreateCalls = 1
    /// Status polls per Bulk job until `JobComplete`.
    public var bulkPollsPerJob = 2
    /// Calls after the results (e.g. `DELETE` of the job); 0 when jobs are left to expire.
    public var bulkCleanupCalls = 0
    /// First runs of at least this many records use Bulk API 2.0.
    public var bulkThreshold = 10_000
    /// False when the object or its fields cannot use Bulk (compound or base64 fields).
    public var bulkAllowed = true
    /// Calls per object before its first run (describe, a `COUNT()`).
    public var planCallsPerObject = 1
    /// Calls once per first run (e.g. `/limits`).
    public var planCallsPerRun = 0
    /// Calls per object on every keep-updated run besides its queries (e.g. a describe).
    public var perRunCallsPerObject = 0
    /// Calls once per keep-updated run.
    public var perRunCalls = 0
    /// Records re-read per object and run by the lookback window.
    public var lookbackRecordsPerRun = 0
    /// Whether each run also reads deleted records with `queryAll`.
    public var readsDeletes = true

    public init() {}

    /// REST query calls to read `records`: one per page, at least one.
    public func restCalls(records: Int) -> Int { Self.pages(records, restPageSize) }

    /// Bulk API 2.0 calls to read `records`: create, polls, results pages, cleanup.
    public func bulkCalls(records: Int) -> Int {
        bulkCreateCalls + bulkPollsPerJob + Self.pages(records, bulkResultPageSize) + bulkCleanupCalls
    }

    /// Whether a first run of `records` uses Bulk.
    public func usesBulk(records: Int) -> Bool { bulkAllowed && records >= bulkThreshold }

    /// Calls for one keep-updated run of one object.
    public func incrementalCalls(changed: Int, deleted: Int) -> Int {
        perRunCallsPerObject + Self.pages(changed + lookbackRecordsPerRun, restPageSize)
            + (readsDeletes ? Self.pages(deleted, restPageSize) : 0)
    }

    /// `max(1, ⌈n ÷ size⌉)`: a query that matches nothing still costs its one call.
    static func pages(_ n: Int, _ size: Int) -> Int {
        let size = max(1, size)
        return max(1, (max(0, n) + size - 1) / size)
    }
}
