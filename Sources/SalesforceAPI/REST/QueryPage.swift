import ConnectorCore
import Foundation

/// One page of a REST query result.
public struct QueryPage: Sendable {
    /// Rows matching the whole query (not this page).
    public var totalSize: Int
    public var done: Bool
    /// Path of the next page; nil on the last one.
    public var nextRecordsURL: String?
    public var records: [SalesforceRecord]
    /// 0 for the first page.
    public var index: Int
}

/// The wire shape of a query response (§3.1).
struct QueryPageBody: Decodable {
    var totalSize: Int
    var done: Bool
    var nextRecordsUrl: String?
    var records: [DecodedRecord]
}

/// The pages of a REST query, fetched one at a time as the consumer asks for the next: at
/// most one page is in memory, and an abandoned iteration makes no further calls.
///
/// A query too long for a GET comes from a Bulk API 2.0 query job instead (see
/// ``SalesforceClient/query(_:batchSize:sobject:)``); its pages look the same.
///
/// - Throws: (from `next()`) ``SalesforceError`` for a failed page.
public struct QueryPages: AsyncSequence, Sendable {
    public typealias Element = QueryPage
    enum Source: Sendable {
        case rest(RESTCall)
        case bulk(BulkRoute)
    }
    let client: SalesforceClient
    let source: Source

    /// True when the query goes by Bulk API 2.0 because it is too long for a GET.
    public var isBulkRoute: Bool { if case .bulk = source { return true } else { return false } }

    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .rest(let call): return Iterator(client: client, nextCall: call)
        case .bulk(let route): return Iterator(client: client, nextCall: nil, bulk: BulkRouteReader(client: client, route: route))
        }
    }

    public struct Iterator: AsyncIteratorProtocol {
        let client: SalesforceClient
        var nextCall: RESTCall?
        var bulk: BulkRouteReader?
        var index = 0

        public mutating func next() async throws -> QueryPage? {
            if var reader = bulk {
                defer { bulk = reader }
                return try await reader.next()
            }
            guard let call = nextCall else { return nil }
            nextCall = nil
            let page = try await client.fetchPage(call, index: index)
            index += 1
            if !page.done, let next = page.nextRecordsURL {
                var follow = RESTCall(path: next, sobject: call.sobject)
                follow.headers = call.headers
                nextCall = follow
            }
            return page
        }
    }

    /// Every record of every page, in order (for small results; prefer iterating pages).
    public func allRecords() async throws -> [SalesforceRecord] {
        var all: [SalesforceRecord] = []
        for try await page in self { all += page.records }
        return all
    }
}

extension SalesforceClient {
    func fetchPage(_ call: RESTCall, index: Int) async throws -> QueryPage {
        let response = try await send(call)
        let body: QueryPageBody
        do {
            body = try JSONDecoder().decode(QueryPageBody.self, from: response.body)
        } catch {
            throw SalesforceError(kind: .malformedResponse, httpStatus: response.status,
                                  message: "query page is not a query result (\(error))", sobject: call.sobject,
                                  requestID: response.requestID)
        }
        return QueryPage(totalSize: body.totalSize, done: body.done, nextRecordsURL: body.nextRecordsUrl,
                         records: body.records.map(\.fields), index: index)
    }
}
