import ConnectorCore
import Foundation
import HTTPTransport

extension SalesforceClient {
    /// `PATCH /sobjects/{object}/{externalIDField}/{value}`: inserts or updates one record by
    /// external id. The external-id field is taken out of the body (it is in the URL); `.null`
    /// values are sent as JSON null and clear the field.
    ///
    /// Accepts 201 (inserted), 200 (updated, v46+) and 204 (updated, older versions). A record
    /// Salesforce rejects (400: validation, duplicates) comes back as a failed ``RecordResult``
    /// with its ``RecordResult/disposition``. `UNABLE_TO_LOCK_ROW` and reset connections are
    /// retried with backoff (the upsert is idempotent), like every transient failure.
    /// - Throws: ``SalesforceError``: `ambiguousMatch` when the value matches several records
    ///   (300, nothing written); `NOT_FOUND` for an unknown external-id field; `transient` once
    ///   the retries are spent; auth, budget and transport failures.
    public func upsert(_ object: String, externalIDField: String, value: String,
                       record: SalesforceRecord) async throws -> RecordResult {
        let name = try Self.validName(object)
        let field = try Self.validName(externalIDField, sobject: name)
        var body = record
        body.removeValue(forKey: field)
        body.removeValue(forKey: "attributes")
        var call = RESTCall(method: "PATCH", path: dataPath + "/sobjects/\(name)/\(field)/" + SOQLQuery.percentEncode(value),
                            sobject: name)
        call.setJSON(try Self.encodeJSON(.object(body)))
        call.passStatuses = [300, 400]
        let response = try await send(call)
        switch response.status {
        case 204:
            return RecordResult(id: nil, success: true, created: false)
        case 300:
            let ids = ((try? JSONDecoder().decode([String].self, from: response.body)) ?? []).map {
                String($0.split(separator: "/").last ?? "")
            }
            throw SalesforceError(kind: .ambiguousMatch, httpStatus: 300,
                                  message: "\(field) = '\(value)' matches \(ids.count) records: \(ids.joined(separator: ", "))",
                                  sobject: name, requestID: response.requestID, fields: [field])
        case 400:
            let errors = (try? JSONDecoder().decode([RecordErrorBody].self, from: response.body)) ?? []
            let first = errors.first
            let kind = ErrorTable.kind(status: 400, errorCode: first?.statusCode ?? first?.errorCode)
            guard kind == .recordRejected || kind == .transient, !errors.isEmpty else {
                throw SalesforceError(kind: kind, errorCode: first?.errorCode ?? first?.statusCode, httpStatus: 400,
                                      message: first?.message ?? Self.snippet(response.body), sobject: name,
                                      requestID: response.requestID, fields: first?.fields ?? [])
            }
            return RecordResult(id: nil, success: false, errors: errors.map(\.error))
        default:
            guard let result = try? JSONDecoder().decode(RecordResultBody.self, from: response.body) else {
                return RecordResult(id: nil, success: true, created: response.status == 201)
            }
            var r = result.result
            if r.created == nil { r.created = response.status == 201 }
            return r
        }
    }

    /// JSON for a request body; `.null` stays an explicit null.
    static func encodeJSON(_ value: JSONValue) throws -> Data {
        do { return try JSONEncoder().encode(value) } catch {
            throw SalesforceError(kind: .invalidRequest, message: "The record cannot be written as JSON: \(error)")
        }
    }
}
