import ConnectorCore
import Foundation

extension SalesforceClient {
    /// `GET /limits`. The daily API usage it reports is also handed to the gate.
    /// - Throws: ``SalesforceError``.
    public func limits() async throws -> OrgLimits {
        let body = try await decode(OrgLimitsBody.self, from: RESTCall(path: dataPath + "/limits/"))
        let limits = OrgLimits(limits: body.limits)
        if let usage = limits.dailyAPIRequests { await gate.observe(usage) }
        return limits
    }

    /// `GET /limits/recordCount?sObjects=…`: Salesforce's approximate, cached row counts.
    /// Objects Salesforce does not know are absent from the result (as Salesforce omits them).
    /// - Throws: ``SalesforceError``; `invalidRequest` for a name that is not an API name.
    public func recordCount(_ objects: [String]) async throws -> [String: Int] {
        let names = try objects.map { try Self.validName($0) }
        let query = names.isEmpty ? nil : "sObjects=" + SOQLQuery.percentEncode(names.joined(separator: ","))
        let body = try await decode(RecordCountBody.self,
                                    from: RESTCall(path: dataPath + "/limits/recordCount", query: query))
        var counts: [String: Int] = [:]
        for entry in body.sObjects { counts[entry.name] = entry.count }
        return counts
    }

    /// `GET /sobjects/{object}/deleted/?start=…&end=…`: ids deleted between `start` and `end`.
    /// - Throws: ``SalesforceError``.
    public func getDeleted(_ object: String, start: Date, end: Date) async throws -> DeletedRecords {
        let name = try Self.validName(object)
        let query = "start=" + SOQLQuery.percentEncode(Self.isoSeconds(start))
            + "&end=" + SOQLQuery.percentEncode(Self.isoSeconds(end))
        let body = try await decode(DeletedRecordsBody.self,
                                    from: RESTCall(path: dataPath + "/sobjects/\(name)/deleted/", query: query, sobject: name))
        return DeletedRecords(records: body.deletedRecords.map { .init(id: $0.id, deletedDate: $0.deletedDate) },
                              earliestDateAvailable: body.earliestDateAvailable, latestDateCovered: body.latestDateCovered)
    }

    /// `2024-01-31T17:05:09+00:00` in UTC.
    static func isoSeconds(_ date: Date) -> String {
        String(SOQLLiteral.datetime(date).render().dropLast()) + "+00:00"
    }
}
