import ConnectorCore
import Foundation
import HTTPTransport

/// One results page of a Bulk API 2.0 query.
public struct BulkQueryPage: Sendable {
    public var jobID: String
    /// Column names in SELECT order (`Account.Name` for relationship fields).
    public var columns: [String]
    /// Records keyed by column. Bulk CSV cannot tell null from an empty text: both are
    /// `.null`; every other value is `.string` (numbers and booleans as Salesforce wrote them).
    /// A dotted column (`Account.Name`) is nested as in REST (`["Account": ["Name": …]]`).
    public var records: [SalesforceRecord]
    public var index: Int
}

/// The results of a Bulk API 2.0 query, page by page (`Sforce-Locator` until `null`). The job
/// is created and polled when the first page is asked for; each page is parsed as its CSV
/// streams in, so at most one page is in memory.
public struct BulkQueryPages: AsyncSequence, Sendable {
    public typealias Element = BulkQueryPage
    let client: SalesforceClient
    let soql: String
    let all: Bool
    let sobject: String?

    public func makeAsyncIterator() -> Iterator { Iterator(pages: self) }

    public struct Iterator: AsyncIteratorProtocol {
        let pages: BulkQueryPages
        var jobID: String?
        var locator: String?
        var finished = false
        var index = 0
        /// Rows of the whole result (`numberRecordsProcessed` of the finished job), once known.
        public private(set) var totalRecords: Int?

        public mutating func next() async throws -> BulkQueryPage? {
            guard !finished else { return nil }
            let client = pages.client
            if jobID == nil {
                let (id, total) = try await client.startBulkQuery(pages)
                jobID = id
                totalRecords = total
            }
            guard let id = jobID else { return nil }
            let (page, next) = try await client.bulkResultsPage(id, locator: locator, index: index, sobject: pages.sobject)
            index += 1
            locator = next
            if next == nil { finished = true }
            return page
        }
    }
}

extension SalesforceClient {
    /// A Bulk API 2.0 query (`operation: query`, or `queryAll` with `all`). Use it for large
    /// results and for queries too long for a REST GET. Bulk SOQL has no subqueries, no
    /// aggregates and no compound fields.
    /// - Throws: (while iterating) ``SalesforceError``: `bulkJobFailed` for a failed, aborted or
    ///   timed-out job, Salesforce's errors for a bad query.
    public func bulkQuery(_ soql: String, all: Bool = false, sobject: String? = nil) -> BulkQueryPages {
        BulkQueryPages(client: self, soql: soql, all: all, sobject: sobject)
    }

    /// Creates the job and waits for it; returns its id and its row count when Salesforce gave one.
    func startBulkQuery(_ pages: BulkQueryPages) async throws -> (String, Int?) {
        var create = RESTCall(method: "POST", path: dataPath + "/jobs/query", sobject: pages.sobject)
        let body: JSONValue = .object(["operation": .string(pages.all ? "queryAll" : "query"), "query": .string(pages.soql),
                                       "contentType": .string("CSV"), "columnDelimiter": .string("COMMA"), "lineEnding": .string("LF")])
        create.setJSON(try Self.encodeJSON(body))
        create.idempotent = false
        var machine = bulkMachine(.query)
        var total: Int?
        let id = try await runBulkJob(&machine, create: create, kindPath: "query",
                                      onInfo: { total = $0.numberRecordsProcessed ?? total })
        return (id, total)
    }

    /// One results page and the next locator (nil after the last page).
    func bulkResultsPage(_ id: String, locator: String?, index: Int,
                         sobject: String?) async throws -> (BulkQueryPage, String?) {
        var query: [String] = []
        if let max = configuration.bulkMaxRecords { query.append("maxRecords=\(max)") }
        if let locator { query.append("locator=" + SOQLQuery.percentEncode(locator)) }
        var call = bulkCall("GET", "query", id, suffix: "/results", query: query.isEmpty ? nil : query.joined(separator: "&"))
        call.sobject = sobject
        call.headers.set("Accept", "text/csv")
        let response = try await stream(call)
        var columns: [String] = []
        var records: [SalesforceRecord] = []
        try await Self.parseCSV(response.body, jobID: id) { row in
            if columns.isEmpty { columns = row; return }
            records.append(Self.record(columns: columns, row: row))
        }
        let next = response.headers["Sforce-Locator"].flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
        return (BulkQueryPage(jobID: id, columns: columns, records: records, index: index), next)
    }

    static func record(columns: [String], row: [String]) -> SalesforceRecord {
        var record = SalesforceRecord(minimumCapacity: columns.count)
        for (i, column) in columns.enumerated() {
            let text = i < row.count ? row[i] : ""
            let value: JSONValue = text.isEmpty ? .null : .string(text)
            guard column.contains(".") else { record[column] = value; continue }
            let parts = column.split(separator: ".").map(String.init)
            record[parts[0]] = nest(record[parts[0]], path: parts.dropFirst(), value: value)
        }
        return record
    }

    private static func nest(_ existing: JSONValue?, path: ArraySlice<String>, value: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        var object = existing?.objectValue ?? [:]
        object[key] = nest(object[key], path: path.dropFirst(), value: value)
        return .object(object)
    }
}
