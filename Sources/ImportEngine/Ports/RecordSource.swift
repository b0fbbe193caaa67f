import Foundation

/// Which Salesforce API reads the rows.
public enum QueryAPI: String, Sendable, Hashable, Codable {
    /// REST `query` / `queryAll`, ordered, paged with `nextRecordsUrl`.
    case rest
    /// Bulk API 2.0 query job, CSV result pages (unordered; no subqueries, no compound fields).
    case bulk
}

/// A query the engine wants run.
public struct SourceQuery: Sendable, Hashable {
    public var soql: String
    public var api: QueryAPI
    /// `queryAll` (soft-deleted rows too) instead of `query`.
    public var includeDeleted: Bool
    /// For Bulk: a token from a previous page to continue after (job id and locator).
    public var resumeToken: String?

    public init(soql: String, api: QueryAPI, includeDeleted: Bool = false, resumeToken: String? = nil) {
        self.soql = soql
        self.api = api
        self.includeDeleted = includeDeleted
        self.resumeToken = resumeToken
    }
}

/// One page of rows.
public struct RecordPage: Sendable {
    public var records: [SourceRecord]
    /// True on the last page of the query.
    public var isLast: Bool
    /// For Bulk: resumes after this page (stable while the job exists). Nil for REST.
    public var resumeToken: String?

    public init(records: [SourceRecord], isLast: Bool, resumeToken: String? = nil) {
        self.records = records
        self.isLast = isLast
        self.resumeToken = resumeToken
    }
}

/// The pages of one query, fetched one at a time as the engine asks.
public protocol RecordPageStream: AnyObject, Sendable {
    /// The next page, or nil after the last one.
    /// - Throws: the source's error (the runner maps it to ``ImportError``).
    func next() async throws -> RecordPage?
}

/// A source of record pages: Salesforce through the client, or a fake in tests.
public protocol RecordSource: Sendable {
    /// The object's fields and relationships.
    func describe(_ object: String) async throws -> ObjectSchema
    /// `SELECT COUNT() …`: the number of matching rows.
    func count(_ soql: String) async throws -> Int
    /// Starts a query; pages come from the returned stream.
    func open(_ query: SourceQuery) async throws -> any RecordPageStream
}
