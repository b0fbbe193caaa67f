import Foundation

/// A Bulk API 2.0 query job: its definition, lifecycle and (once complete) its result.
struct BulkQueryJob: Sendable {
    let id: String
    let operation: String
    let object: String
    let query: String
    let apiVersion: String
    let format: BulkCSVFormat
    let createdDate: Date
    var systemModstamp: Date
    var machine: BulkProcessingMachine
    /// Prepared at creation (the query is validated then); served once the job is `JobComplete`.
    let result: OrgQuery
    /// Header paths in SELECT order, canonical spelling (`Account.Name`).
    let columns: [String]
    var errorMessage: String?

    var numberRecordsProcessed: Int { machine.state == .jobComplete ? result.totalSize : 0 }
}

/// A Bulk API 2.0 ingest job: definition, lifecycle, the one upload and the per-row results.
struct BulkIngestJob: Sendable {
    let id: String
    let operation: String
    let object: String
    let externalIdFieldName: String?
    let apiVersion: String
    let format: BulkCSVFormat
    let createdDate: Date
    var systemModstamp: Date
    var machine: BulkIngestMachine
    var upload: String?
    var results = BulkIngestResults()
    var errorMessage: String?
}

/// Result files of an ingest job; rows hold the original cells after the `sf__` columns.
struct BulkIngestResults: Sendable {
    var header: [String] = []
    /// `sf__Id`, `sf__Created`, original cells.
    var successful: [[String?]] = []
    /// `sf__Id`, `sf__Error`, original cells.
    var failed: [[String?]] = []
    /// Original cells of rows never processed.
    var unprocessed: [[String]] = []

    var processed: Int { successful.count + failed.count }
}

/// Bulk settings and the injected failures, set through `POST /__admin/bulk`.
struct BulkSettings: Sendable, Equatable {
    var policy = BulkCompletionPolicy()
    /// Result page size when the client sends no `maxRecords`.
    var defaultPageSize = 50_000
    /// Rows per internal write batch (one `SystemModstamp` each).
    var batchSize = 10_000
    /// Failures for the next jobs created, in order.
    var pendingFailures: [BulkInjectedFailure] = []
}
