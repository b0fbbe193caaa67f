import ConnectorCore
import Foundation
import HTTPTransport

extension SalesforceClient {
    /// Records per sObject Collections request (Salesforce's maximum).
    public static let collectionsLimit = 200

    /// The duplicate-rule header (§6.5) sent when a write may save despite an `Alert` duplicate
    /// rule; a `Block` rule still refuses the record with `DUPLICATES_DETECTED`.
    public static let allowSaveHeader = (name: "Sforce-Duplicate-Rule-Header", value: "allowSave=true")

    /// `POST /composite/sobjects`: creates records of `object`, 200 per call.
    /// - Parameter allowDuplicateSave: sends ``allowSaveHeader`` (same for ``update(_:records:allOrNone:allowDuplicateSave:)``
    ///   and ``upsert(_:externalIDField:records:allOrNone:allowDuplicateSave:)``).
    /// - Returns: one result per record, in input order.
    /// - Throws: ``SalesforceError`` for a failed call (auth, budget, a malformed request);
    ///   rejected records are failed results, not errors.
    public func create(_ object: String, records: [SalesforceRecord], allOrNone: Bool = false,
                       allowDuplicateSave: Bool = false) async throws -> [RecordResult] {
        let name = try Self.validName(object)
        return try await collections(records, object: name, method: "POST",
                                     path: dataPath + "/composite/sobjects", allOrNone: allOrNone, idempotent: false,
                                     allowDuplicateSave: allowDuplicateSave)
    }

    /// `PATCH /composite/sobjects`: updates records by `Id`, 200 per call.
    /// - Throws: ``SalesforceError``; `invalidRequest` when a record has no `Id`.
    public func update(_ object: String, records: [SalesforceRecord], allOrNone: Bool = false,
                       allowDuplicateSave: Bool = false) async throws -> [RecordResult] {
        let name = try Self.validName(object)
        if let index = records.firstIndex(where: { $0["Id"]?.stringValue == nil }) {
            throw SalesforceError(kind: .invalidRequest,
                                  message: "Record \(index + 1) has no Id; an update needs each record's Id (use upsert to match by external id).",
                                  sobject: name, fields: ["Id"])
        }
        return try await collections(records, object: name, method: "PATCH",
                                     path: dataPath + "/composite/sobjects", allOrNone: allOrNone, idempotent: true,
                                     allowDuplicateSave: allowDuplicateSave)
    }

    /// `PATCH /composite/sobjects/{object}/{externalIDField}`: upserts by external id, 200 per call.
    /// Each record must carry the external-id value and no `Id`.
    /// - Throws: ``SalesforceError``; `invalidRequest` when a record lacks the external id.
    public func upsert(_ object: String, externalIDField: String, records: [SalesforceRecord],
                       allOrNone: Bool = false, allowDuplicateSave: Bool = false) async throws -> [RecordResult] {
        let name = try Self.validName(object)
        let field = try Self.validName(externalIDField, sobject: name)
        if let index = records.firstIndex(where: { ($0[field] ?? .null).isNull }) {
            throw SalesforceError(kind: .invalidRequest,
                                  message: "Record \(index + 1) has no \(field) value; an upsert matches on it, so every record needs one.",
                                  sobject: name, fields: [field])
        }
        let stripped = records.map { r -> SalesforceRecord in var r = r; r.removeValue(forKey: "Id"); return r }
        return try await collections(stripped, object: name, method: "PATCH",
                                     path: dataPath + "/composite/sobjects/\(name)/\(field)", allOrNone: allOrNone,
                                     idempotent: true, allowDuplicateSave: allowDuplicateSave)
    }

    private func collections(_ records: [SalesforceRecord], object: String, method: String, path: String,
                             allOrNone: Bool, idempotent: Bool, allowDuplicateSave: Bool) async throws -> [RecordResult] {
        var results: [RecordResult] = []
        results.reserveCapacity(records.count)
        var start = 0
        while start < records.count {
            let end = min(records.count, start + Self.collectionsLimit)
            let chunk = records[start..<end].map { record -> JSONValue in
                var r = record
                r["attributes"] = .object(["type": .string(object)])
                return .object(r)
            }
            var call = RESTCall(method: method, path: path, sobject: object)
            call.idempotent = idempotent
            if allowDuplicateSave { call.headers.set(Self.allowSaveHeader.name, Self.allowSaveHeader.value) }
            call.setJSON(try Self.encodeJSON(.object(["allOrNone": .bool(allOrNone), "records": .array(chunk)])))
            let response = try await send(call)
            guard let body = try? JSONDecoder().decode([RecordResultBody].self, from: response.body),
                  body.count == chunk.count else {
                throw SalesforceError(kind: .malformedResponse, httpStatus: response.status,
                                      message: "sObject Collections answered without one result per record (sent \(chunk.count))",
                                      sobject: object, requestID: response.requestID)
            }
            results += body.map(\.result)
            start = end
        }
        return results
    }
}
