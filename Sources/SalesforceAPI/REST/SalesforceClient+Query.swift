import ConnectorCore
import Foundation
import HTTPTransport

extension SalesforceClient {
    /// Host and scheme allowance kept free of the URL-length budget (the instance URL is known
    /// only once a token is in hand).
    static let hostAllowance = 256

    /// The longest `path?q=…` the client sends for a query.
    var maxQueryPathLength: Int { configuration.maxURLLength - Self.hostAllowance }

    /// Whether `soql` fits a GET to `/query` within ``Configuration/maxURLLength``. A query that
    /// does not fit goes by Bulk API 2.0 (``bulkQuery(_:all:)``) or is split (``lookupIDs(object:field:values:)``).
    public func queryFitsInGET(_ soql: String) -> Bool {
        (dataPath + "/queryAll?q=").utf8.count + SOQLQuery.percentEncode(soql).utf8.count <= maxQueryPathLength
    }

    /// The pages of `soql` from `/query`, fetched one at a time as they are consumed.
    /// - Parameter batchSize: `Sforce-Query-Options: batchSize=N` (default: the configuration's).
    /// - Throws: ``SalesforceError/Kind-swift.struct/invalidRequest`` when the query is too long for a GET
    ///   (never a 414); iterating throws the page's ``SalesforceError``.
    public func query(_ soql: String, batchSize: Int? = nil, sobject: String? = nil) throws -> QueryPages {
        try pages(soql, resource: "query", batchSize: batchSize, sobject: sobject)
    }

    /// Like ``query(_:batchSize:sobject:)`` but from `/queryAll`: soft-deleted and archived rows too.
    public func queryAll(_ soql: String, batchSize: Int? = nil, sobject: String? = nil) throws -> QueryPages {
        try pages(soql, resource: "queryAll", batchSize: batchSize, sobject: sobject)
    }

    /// The pages of a built query (its object is carried into errors).
    public func query(_ query: SOQLQuery, all: Bool = false, batchSize: Int? = nil) throws -> QueryPages {
        try pages(query.render(), resource: all ? "queryAll" : "query", batchSize: batchSize, sobject: query.object)
    }

    /// `totalSize` of a `SELECT COUNT() …` query (one call).
    /// - Throws: ``SalesforceError`` from Salesforce, or `invalidRequest` for an over-long query.
    public func count(_ soql: String, sobject: String? = nil) async throws -> Int {
        var iterator = try query(soql, sobject: sobject).makeAsyncIterator()
        guard let page = try await iterator.next() else { return 0 }
        return page.totalSize
    }

    func pages(_ soql: String, resource: String, batchSize: Int?, sobject: String?) throws -> QueryPages {
        let encoded = SOQLQuery.percentEncode(soql)
        let path = dataPath + "/" + resource
        let length = path.utf8.count + 3 + encoded.utf8.count
        guard length <= maxQueryPathLength else {
            throw SalesforceError(
                kind: .invalidRequest,
                message: "The query needs \(length + Self.hostAllowance) URL characters, over the \(configuration.maxURLLength) safe for a GET; run it by Bulk API 2.0 or split its IN list.",
                sobject: sobject)
        }
        var call = RESTCall(path: path, query: "q=" + encoded, sobject: sobject)
        if let size = batchSize ?? configuration.queryBatchSize {
            call.headers.set("Sforce-Query-Options", "batchSize=\(size)")
        }
        return QueryPages(client: self, first: call)
    }
}
