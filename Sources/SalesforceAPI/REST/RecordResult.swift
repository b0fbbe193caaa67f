import ConnectorCore
import Foundation

/// The outcome of writing one record (a single upsert, one entry of an sObject Collections
/// response), in request order.
public struct RecordResult: Sendable, Hashable {
    /// The record's Salesforce id (nil when the write failed, or for a 204 upsert-update).
    public var id: String?
    public var success: Bool
    /// True for an insert, false for an update; nil when Salesforce does not say (create, update).
    public var created: Bool?
    public var errors: [RecordError]

    public init(id: String?, success: Bool, created: Bool? = nil, errors: [RecordError] = []) {
        self.id = id
        self.success = success
        self.created = created
        self.errors = errors
    }

    /// What to do about a failed record, from the first error's code (nil on success):
    /// `skipRecord` for a rejection, `retry` for `UNABLE_TO_LOCK_ROW`, …
    public var disposition: Disposition? {
        guard !success else { return nil }
        return errors.first?.disposition ?? .skipRecord
    }
}

/// One per-record error: `statusCode` (not `errorCode`), message, fields, and for
/// `DUPLICATES_DETECTED` the ids of the matched records when Salesforce sends them.
public struct RecordError: Sendable, Hashable {
    public var statusCode: String
    public var message: String
    public var fields: [String]
    /// Ids of existing records a duplicate rule matched (from `duplicateResut`, as Salesforce
    /// spells it, or `duplicateResult`).
    public var duplicateRecordIDs: [String]

    public init(statusCode: String, message: String, fields: [String] = [], duplicateRecordIDs: [String] = []) {
        self.statusCode = statusCode
        self.message = message
        self.fields = fields
        self.duplicateRecordIDs = duplicateRecordIDs
    }

    public var disposition: Disposition { ErrorTable.disposition(status: nil, errorCode: statusCode, attempt: 0) }
}

/// The wire shape of one result and of its errors.
struct RecordResultBody: Decodable {
    var id: String?
    var success: Bool
    var created: Bool?
    var errors: [RecordErrorBody]?

    var result: RecordResult {
        RecordResult(id: id, success: success, created: created, errors: (errors ?? []).map(\.error))
    }
}

struct RecordErrorBody: Decodable {
    var statusCode: String?
    var errorCode: String?
    var message: String?
    var fields: [String]?
    var duplicateResut: JSONValue?
    var duplicateResult: JSONValue?

    var error: RecordError {
        RecordError(statusCode: statusCode ?? errorCode ?? "UNKNOWN_EXCEPTION", message: message ?? "",
                    fields: fields ?? [], duplicateRecordIDs: Self.matchedIDs(duplicateResut ?? duplicateResult))
    }

    /// `matchResults[].matchRecords[].record.Id` of a duplicate result.
    static func matchedIDs(_ detail: JSONValue?) -> [String] {
        guard let results = detail?["matchResults"]?.arrayValue else { return [] }
        return results.flatMap { result in
            (result["matchRecords"]?.arrayValue ?? []).compactMap { $0["record"]?["Id"]?.stringValue }
        }
    }
}
