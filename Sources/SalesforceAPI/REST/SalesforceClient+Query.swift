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
    /// does not fit goes by Bulk API 2.0 (``query(_:batchSize:sobject:)`` does that on its own) or
    /// is split (``lookupIDs(object:field:values:)``).
    public func queryFitsInGET(_ soql: String) -> Bool {
        (dataPath + "/queryAll?q=").utf8.count + SOQLQuery.percentEncode(soql).utf8.count <= maxQueryPathLength
    }

    /// The pages of `soql` from `/query`, fetched one at a time as they are consumed.
    ///
    /// A query whose GET URL would exceed ``Configuration/maxURLLength`` is never sent as a GET
    /// (Salesforce answers 414): it runs as a Bulk API 2.0 query job instead and its rows are
    /// handed on as the same pages, typed as REST types them (one describe call per object).
    /// Bulk takes no `ORDER BY`/`LIMIT`, so the client applies them itself, sorting at most
    /// ``Configuration/bulkSortMaxRecords`` rows.
    /// - Parameter batchSize: `Sforce-Query-Options: batchSize=N` (default: the configuration's).
    /// - Throws: ``SalesforceError/Kind-swift.struct/invalidRequest`` when the query is too long for a GET
    ///   and Bulk cannot run it (subqueries, `COUNT()` and other functions, `GROUP BY`, `OFFSET`);
    ///   iterating throws the page's ``SalesforceError``.
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
            let rewrite: BulkRewrite
            do { rewrite = try BulkRewrite(soql) } catch {
                throw SalesforceError(
                    kind: .invalidRequest,
                    message: "The query needs \(length + Self.hostAllowance) URL characters, over the \(configuration.maxURLLength) safe for a GET. \(error.description)",
                    sobject: sobject)
            }
            logger.debug("salesforce query too long for GET, using Bulk API 2.0",
                         metadata: ["sf.sobject": "\(sobject ?? rewrite.object)", "sf.url_length": "\(length)"])
            let size = batchSize ?? configuration.queryBatchSize ?? 2000
            return QueryPages(client: self, source: .bulk(BulkRoute(rewrite: rewrite, all: resource == "queryAll",
                                                                    pageSize: size, sobject: sobject)))
        }
        var call = RESTCall(path: path, query: "q=" + encoded, sobject: sobject)
        if let size = batchSize ?? configuration.queryBatchSize {
            call.headers.set("Sforce-Query-Options", "batchSize=\(size)")
        }
        return QueryPages(client: self, source: .rest(call))
    }
}
