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

    /// The budget's wake-up after Salesforce answered `REQUEST_LIMIT_EXCEEDED` (the client tells
    /// the budget, which computes it, but its error carries no time); nil: none known.
    public let pausedUntil: (@Sendable () async -> Date?)?

    public init(client: SalesforceClient, batchSize: Int? = nil, pausedUntil: (@Sendable () async -> Date?)? = nil) {
        self.client = client
        self.batchSize = batchSize
        self.pausedUntil = pausedUntil
    }

    public func describe(_ object: String) async throws -> ObjectSchema {
        let d = try await withWakeUp { try await client.describe(object) }
        var children: [String: String] = [:]
        for rel in d.childRelationships { if let name = rel.relationshipName { children[name] = rel.childSObject } }
        return ObjectSchema(name: d.name,
                            fields: d.fields.map { .init(name: $0.name, type: $0.type, relationshipName: $0.relationshipName,
                                                         referenceTo: $0.referenceTo) },
                            childRelationships: children)
    }

    public func count(_ soql: String) async throws -> Int { try await withWakeUp { try await client.count(soql) } }

    public func open(_ query: SourceQuery) async throws -> any RecordPageStream {
        switch query.api {
        case .rest:
            let pages = query.includeDeleted ? try client.queryAll(query.soql, batchSize: batchSize)
                                             : try client.query(query.soql, batchSize: batchSize)
            return RESTPageStream(pages.makeAsyncIterator(), source: self)
        case .bulk:
            return BulkPageStream(client.bulkQuery(query.soql, all: query.includeDeleted).makeAsyncIterator(), source: self)
        }
    }

    /// Runs one client call; a `REQUEST_LIMIT_EXCEEDED` stop without a time gets the budget's
    /// computed wake-up, so the job pauses until then rather than for a guessed interval.
    func withWakeUp<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let e as SalesforceError {
            guard case .stopForBudget(nil) = e.disposition, let pausedUntil, let until = await pausedUntil() else { throw e }
            throw RequestLimitPause(resumeAt: until, error: e)
        }
    }
}

/// Salesforce's `REQUEST_LIMIT_EXCEEDED` with the budget's wake-up time.
struct RequestLimitPause: BudgetStop, CustomStringConvertible {
    var resumeAt: Date?
    var error: SalesforceError
    var description: String { error.description }
}

/// REST pages, one call each; the last page has `done: true`.
/// The engine reads a stream from one task, one page at a time (never concurrently), which is
/// what makes the unchecked conformance safe.
final class RESTPageStream: RecordPageStream, @unchecked Sendable {
    var iterator: QueryPages.Iterator
    let source: ImportClientSource
    init(_ iterator: QueryPages.Iterator, source: ImportClientSource) {
        self.iterator = iterator
        self.source = source
    }

    func next() async throws -> RecordPage? {
        let page = try await source.withWakeUp { try await iterator.next() }
        guard let page else { return nil }
        return RecordPage(records: page.records.map(SourceRecord.json), isLast: page.done)
    }
}

/// Bulk result pages (parents nested as in REST); the end shows as a nil page.
/// The engine reads a stream from one task, one page at a time (never concurrently), which is
/// what makes the unchecked conformance safe.
final class BulkPageStream: RecordPageStream, @unchecked Sendable {
    var iterator: BulkQueryPages.Iterator
    let source: ImportClientSource
    init(_ iterator: BulkQueryPages.Iterator, source: ImportClientSource) {
        self.iterator = iterator
        self.source = source
    }

    func next() async throws -> RecordPage? {
        let page = try await source.withWakeUp { try await iterator.next() }
        guard let page else { return nil }
        return RecordPage(records: page.records.map(SourceRecord.json), isLast: false)
    }
}
