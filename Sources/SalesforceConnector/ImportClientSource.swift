import ConnectorCore
import Foundation
import ImportEngine
import SalesforceAPI

/// The import engine's ``RecordSource`` over the real Salesforce client: describe, `COUNT()`,
/// REST `query`/`queryAll` pages and Bulk API 2.0 query pages. Every call goes through the
/// client, hence through its `APICallGate` (the budget).
public struct ImportClientSource: RecordSource {
    public let client: SalesforceClient
    /// `Sforce-Query-Options: batchSize` for REST pages (nil: Salesforce's default, 2,000).
    public let batchSize: Int?

    public init(client: SalesforceClient, batchSize: Int? = nil) {
        self.client = client
        self.batchSize = batchSize
    }

    public func describe(_ object: String) async throws -> ObjectSchema {
        let d = try await client.describe(object)
        var children: [String: String] = [:]
        for rel in d.childRelationships { if let name = rel.relationshipName { children[name] = rel.childSObject } }
        return ObjectSchema(name: d.name,
                            fields: d.fields.map { .init(name: $0.name, type: $0.type, relationshipName: $0.relationshipName,
                                                         referenceTo: $0.referenceTo) },
                            childRelationships: children)
    }

    public func count(_ soql: String) async throws -> Int { try await client.count(soql) }

    public func open(_ query: SourceQuery) async throws -> any RecordPageStream {
        switch query.api {
        case .rest:
            let pages = query.includeDeleted ? try client.queryAll(query.soql, batchSize: batchSize)
                                             : try client.query(query.soql, batchSize: batchSize)
            return RESTPageStream(pages.makeAsyncIterator())
        case .bulk:
            return BulkPageStream(client.bulkQuery(query.soql, all: query.includeDeleted).makeAsyncIterator())
        }
    }
}

/// REST pages, one call each; the last page has `done: true`.
/// The engine reads a stream from one task, one page at a time (never concurrently), which is
/// what makes the unchecked conformance safe.
final class RESTPageStream: RecordPageStream, @unchecked Sendable {
    var iterator: QueryPages.Iterator
    init(_ iterator: QueryPages.Iterator) { self.iterator = iterator }

    func next() async throws -> RecordPage? {
        let page = try await iterator.next()
        guard let page else { return nil }
        return RecordPage(records: page.records.map(SourceRecord.json), isLast: page.done)
    }
}

/// Bulk result pages (parents nested as in REST); the end shows as a nil page.
/// The engine reads a stream from one task, one page at a time (never concurrently), which is
/// what makes the unchecked conformance safe.
final class BulkPageStream: RecordPageStream, @unchecked Sendable {
    var iterator: BulkQueryPages.Iterator
    init(_ iterator: BulkQueryPages.Iterator) { self.iterator = iterator }

    func next() async throws -> RecordPage? {
        let page = try await iterator.next()
        guard let page else { return nil }
        return RecordPage(records: page.records.map(SourceRecord.json), isLast: false)
    }
}
