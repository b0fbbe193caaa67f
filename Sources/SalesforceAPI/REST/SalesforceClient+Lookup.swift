import ConnectorCore
import Foundation

extension SalesforceClient {
    /// One match of ``lookupIDs(object:field:values:)``.
    public struct LookupMatch: Sendable, Hashable {
        public var id: String
        /// The looked-up field's value on the record, as Salesforce returned it.
        public var value: JSONValue
    }

    /// `SELECT Id, <field> FROM <object> WHERE <field> IN (…)` for any number of values: the
    /// values are escaped as SOQL string literals and split over as many GET queries as the
    /// URL-length guard needs (never a 414). Values that match nothing are simply absent.
    /// - Throws: ``SalesforceError``: `invalidRequest` for a bad name, Salesforce's errors
    ///   (`INVALID_FIELD` for a field the object lacks).
    public func lookupIDs(object: String, field: String, values: [String]) async throws -> [LookupMatch] {
        var seen = Set<String>()
        let unique = values.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return [] }
        let queries: [SOQLQuery]
        do {
            let fields = field == "Id" ? ["Id"] : ["Id", field]
            queries = try SOQLQuery().select(fields).from(object)
                .splittingIN(field: field, values: unique.map { .string($0) },
                             basePath: dataPath + "/query", maxURLLength: maxQueryPathLength)
        } catch let e as SOQLBuildError {
            throw SalesforceError(kind: .invalidRequest, message: e.description, sobject: object, fields: [field])
        }
        var matches: [LookupMatch] = []
        for q in queries {
            for try await page in try query(q) {
                for record in page.records {
                    guard let id = record["Id"]?.stringValue else { continue }
                    matches.append(LookupMatch(id: id, value: record[field] ?? .null))
                }
            }
        }
        return matches
    }
}
