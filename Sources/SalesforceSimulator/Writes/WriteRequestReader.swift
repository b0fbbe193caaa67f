import Foundation

/// Reads write request bodies (JSON) into resolved records, in Salesforce's request-level words.
struct WriteRequestReader {
    let schema: OrgSchema

    static func parserError(_ detail: String) -> WriteError {
        WriteError(code: "JSON_PARSER_ERROR", message: detail)
    }

    /// The JSON object of a single-record body.
    static func object(_ body: Data) throws(WriteError) -> [String: WriteJSON] {
        guard let json = WriteJSON.parse(body) else {
            throw parserError("Unexpected character in the request body: it is not valid JSON")
        }
        guard let object = json.objectValue else {
            throw parserError("Cannot deserialize instance of sObject from a JSON value that is not an object")
        }
        return object
    }

    /// Field values of one JSON record (`attributes` skipped), resolved against `target`.
    /// - Throws: `INVALID_FIELD` for an unknown field, `JSON_PARSER_ERROR` for a value of the wrong type.
    func values(_ record: [String: WriteJSON], _ target: WriteTarget) throws(WriteError) -> [(WriteFieldRules, SimValue)] {
        var input: WriteInputRecord = []
        for (key, value) in record.sorted(by: { $0.key < $1.key }) where key != "attributes" {
            switch value {
            case .null: input.append((key, .null))
            case .bool(let b): input.append((key, .bool(b)))
            case .number(let d): input.append((key, .number(d)))
            case .string(let s): input.append((key, .text(s)))
            case .array, .object:
                guard target.rules.field(key) != nil else { throw .invalidField(key, object: target.name) }
                throw Self.parserError("Cannot deserialize instance of \(target.rules.field(key)!.type) from "
                                       + "START_OBJECT value for field \(key)")
            }
        }
        return try RecordValidator(object: target.rules).resolve(input, json: true)
    }

    /// The target named by a URL segment or `attributes.type`, or nil when the org has no such object.
    func target(_ name: String) -> WriteTarget? { schema.object(name).map(WriteTarget.init) }

    /// An external-id field usable in upsert and GET-by-external-id URLs.
    func externalIdField(_ name: String, of target: WriteTarget) -> WriteFieldRules? {
        guard let f = target.describe.field(name), f.externalId else { return nil }
        return WriteFieldRules(f)
    }
}
