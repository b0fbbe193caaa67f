import Foundation

/// One write failure in Salesforce's words. Rendered with `errorCode` in REST error arrays (§2.2)
/// and with `statusCode` in per-record results of collections and Bulk (§6.2).
struct WriteError: Error, Sendable, Equatable {
    var code: String
    var message: String
    var fields: [String] = []
    /// Set for `DUPLICATES_DETECTED`: rendered as the `duplicateResut` detail of §6.5.
    var duplicate: DuplicateMatch?

    /// `{"errorCode", "message", "fields"}` (+ `duplicateResut`) for a REST error array.
    var restJSON: [String: Any] { json(codeKey: "errorCode") }

    /// `{"statusCode", "message", "fields"}` (+ `duplicateResut`) for a per-record result.
    var recordJSON: [String: Any] { json(codeKey: "statusCode") }

    /// `CODE:message:fields--` as in Bulk `sf__Error` (§7.2).
    var bulkText: String { "\(code):\(message):\(fields.joined(separator: ","))--" }

    private func json(codeKey: String) -> [String: Any] {
        var out: [String: Any] = [codeKey: code, "message": message, "fields": fields]
        if let duplicate {
            out["duplicateResut"] = duplicate.json
            if codeKey == "errorCode" { out["fields"] = nil }  // §6.5's REST body has no `fields`
        }
        return out
    }

    static func invalidField(_ field: String, object: String) -> WriteError {
        WriteError(code: "INVALID_FIELD", message: "No such column '\(field)' on sobject of type \(object)")
    }

    static func notWritable(_ fields: [String]) -> WriteError {
        WriteError(code: "INVALID_FIELD_FOR_INSERT_UPDATE", message:
            "Unable to create/update fields: \(fields.joined(separator: ", ")). Please check the security settings "
            + "of this field and verify that it is read/write for your profile or permission set.", fields: fields)
    }

    static func requiredMissing(_ fields: [String]) -> WriteError {
        WriteError(code: "REQUIRED_FIELD_MISSING",
                   message: "Required fields are missing: [\(fields.joined(separator: ", "))]", fields: fields)
    }

    static func tooLong(_ f: WriteFieldRules, _ value: String) -> WriteError {
        WriteError(code: "STRING_TOO_LONG",
                   message: "\(f.label): data value too large: \(value) (max length=\(f.length))", fields: [f.name])
    }

    static func invalidEmail(_ f: WriteFieldRules, _ value: String) -> WriteError {
        WriteError(code: "INVALID_EMAIL_ADDRESS", message: "\(f.label): invalid email address: \(value)",
                   fields: [f.name])
    }

    static func restrictedPicklist(_ f: WriteFieldRules, _ value: String) -> WriteError {
        WriteError(code: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                   message: "\(f.label): bad value for restricted picklist field: \(value)", fields: [f.name])
    }

    static func duplicateValue(field: String, id: String) -> WriteError {
        WriteError(code: "DUPLICATE_VALUE",
                   message: "duplicate value found: \(field) duplicates value on record with id: \(id)")
    }

    static func wrongType(_ f: WriteFieldRules, _ value: String, json: Bool) -> WriteError {
        if json {
            return WriteError(code: "JSON_PARSER_ERROR", message:
                "Cannot deserialize instance of \(f.type) from VALUE_STRING value \(value) or request may be "
                + "missing a required field")
        }
        return WriteError(code: "INVALID_TYPE_ON_FIELD_IN_RECORD",
                          message: "\(f.label): value not of required type: \(value)", fields: [f.name])
    }

    static let convertedLead = WriteError(code: "CANNOT_UPDATE_CONVERTED_LEAD",
                                          message: "cannot reference converted lead")
    static let entityIsDeleted = WriteError(code: "ENTITY_IS_DELETED", message: "entity is deleted")
    static let rolledBack = WriteError(code: "ALL_OR_NONE_OPERATION_ROLLED_BACK", message:
        "Record rolled back because not all records were valid and the request was using AllOrNone header")

    static func unableToLock(_ id: String?) -> WriteError {
        WriteError(code: "UNABLE_TO_LOCK_ROW", message: "unable to obtain exclusive access to this record"
                   + (id.map { " or 1 records: \($0)" } ?? ""))
    }
}

/// Records a duplicate rule matched (§6.5).
struct DuplicateMatch: Sendable, Equatable {
    var rule: String
    var entityType: String
    var allowSave: Bool
    var errorMessage: String
    var matchedIds: [String]
    var apiVersion: String

    var json: [String: Any] {
        let records: [[String: Any]] = matchedIds.map { id in
            ["additionalInformation": [Any](), "fieldDiffs": [Any](), "matchConfidence": 100.0,
             "record": ["attributes": ["type": entityType, "url": "/services/data/v\(apiVersion)/sobjects/\(entityType)/\(id)"],
                        "Id": id] as [String: Any]]
        }
        return ["allowSave": allowSave, "duplicateRule": rule, "duplicateRuleEntityType": entityType,
                "errorMessage": errorMessage,
                "matchResults": [["entityType": entityType, "errors": [Any](), "matchEngine": "ExactMatchEngine",
                                  "rule": rule.replacingOccurrences(of: "Duplicate_Rule", with: "Match_Rule"),
                                  "size": matchedIds.count, "success": true, "matchRecords": records] as [String: Any]]]
    }
}
