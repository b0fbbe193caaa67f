import ConnectorCore
import Foundation

/// A REST query sent as a Bulk API 2.0 query job because its GET URL would be too long
/// (salesforce-api.md §3.3: a long `?q=` gets HTTP 414; long queries go by Bulk).
struct BulkRoute: Sendable {
    let rewrite: BulkRewrite
    /// `queryAll`: soft-deleted and archived rows too.
    let all: Bool
    /// Records per handed-on page (the REST batch size, default 2,000).
    let pageSize: Int
    let sobject: String?
}

/// Hands on a Bulk query's rows as REST query pages: records typed as REST types them
/// (``BulkRecordTyping``), `pageSize` per page, `done` on the last one.
///
/// Without `ORDER BY` each Bulk results page is handed on as it arrives (one results page in
/// memory). With `ORDER BY` the rows are read whole (at most
/// ``SalesforceClient/Configuration/bulkSortMaxRecords``), sorted as Salesforce sorts, then handed
/// on; `LIMIT` keeps the first rows.
struct BulkRouteReader {
    let client: SalesforceClient
    let route: BulkRoute
    var bulk: BulkQueryPages.Iterator
    var typing: BulkRecordTyping?
    var buffer: ArraySlice<SalesforceRecord> = []
    var bulkDone = false
    var finished = false
    var taken = 0
    var totalSize = 0
    var index = 0

    init(client: SalesforceClient, route: BulkRoute) {
        self.client = client
        self.route = route
        bulk = client.bulkQuery(route.rewrite.bulkSOQL, all: route.all, sobject: route.sobject).makeAsyncIterator()
    }

    mutating func next() async throws -> QueryPage? {
        guard !finished else { return nil }
        if route.rewrite.ordering.isEmpty {
            while buffer.isEmpty, !bulkDone { try await readBulkPage() }
        } else if !bulkDone {
            try await readSorted()
        }
        let records = Array(buffer.prefix(route.pageSize))
        buffer = buffer.dropFirst(records.count)
        let done = buffer.isEmpty && bulkDone
        finished = done
        defer { index += 1 }
        return QueryPage(totalSize: totalSize, done: done, nextRecordsURL: nil, records: records, index: index)
    }

    /// The next Bulk results page into `buffer`, typed and cut at `LIMIT`.
    private mutating func readBulkPage() async throws {
        guard let page = try await bulk.next() else { bulkDone = true; return }
        let limit = route.rewrite.limit ?? Int.max
        let records = try await typed(page, keeping: max(0, limit - taken))
        taken += records.count
        if taken >= limit || bulk.finished { bulkDone = true }
        buffer = ArraySlice(records)
        totalSize = max(min(bulk.totalRecords ?? 0, limit), taken)
    }

    /// Every row, checked against the sort cap, then sorted and cut at `LIMIT`.
    private mutating func readSorted() async throws {
        let cap = client.configuration.bulkSortMaxRecords
        var rows: [SalesforceRecord] = []
        while !bulkDone {
            guard let page = try await bulk.next() else { break }
            if let total = bulk.totalRecords, total > cap { throw tooMany(total, cap) }
            rows += try await typed(page, keeping: Int.max)
            if rows.count > cap { throw tooMany(rows.count, cap) }
            if bulk.finished { break }
        }
        bulkDone = true
        var sorted = RecordOrdering.sorted(rows, by: route.rewrite.ordering)
        if let limit = route.rewrite.limit, sorted.count > limit { sorted.removeLast(sorted.count - limit) }
        totalSize = sorted.count
        buffer = ArraySlice(sorted)
    }

    /// The first `keeping` records of `page` as REST types them (describe is read once).
    private mutating func typed(_ page: BulkQueryPage, keeping: Int) async throws -> [SalesforceRecord] {
        let typing: BulkRecordTyping
        if let known = self.typing {
            typing = known
        } else {
            let client = self.client
            typing = try await BulkRecordTyping.resolve(object: route.rewrite.object, columns: page.columns) {
                try await client.describe($0)
            }
            self.typing = typing
        }
        return page.records.prefix(keeping).map { typing.rest($0) }
    }

    private func tooMany(_ count: Int, _ cap: Int) -> SalesforceError {
        SalesforceError(kind: .invalidRequest,
                        message: "The query is too long for a GET, so it went by Bulk API 2.0, which cannot sort; its ORDER BY is applied by sfconnect for up to \(cap) rows and this result has \(count). Select fewer or shorter fields, or narrow the WHERE clause",
                        sobject: route.sobject ?? route.rewrite.object)
    }
}
