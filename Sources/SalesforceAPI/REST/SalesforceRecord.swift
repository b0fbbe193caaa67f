import ConnectorCore
import Foundation

/// A record as the REST API returns it: field name → value. Parent relationships
/// (`"Account": {"Name": "Acme"}`) stay nested objects (or `.null` when the lookup is empty);
/// child subqueries stay `{"totalSize", "done", "records": [...]}` objects. The `attributes`
/// member Salesforce adds to every record is dropped at every level.
public typealias SalesforceRecord = [String: JSONValue]

/// Any JSON key.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Decodes a record object, dropping `attributes` at every level.
struct DecodedRecord: Decodable {
    var fields: SalesforceRecord

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var fields = SalesforceRecord(minimumCapacity: c.allKeys.count)
        for key in c.allKeys where key.stringValue != "attributes" {
            fields[key.stringValue] = try c.decode(DecodedValue.self, forKey: key).value
        }
        self.fields = fields
    }
}

/// A JSON value decoded with the likely cases tried first (records are mostly strings and
/// nulls), objects decoded as records.
struct DecodedValue: Decodable {
    var value: JSONValue

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = .null; return }
        if let s = try? c.decode(String.self) { value = .string(s); return }
        if let n = try? c.decode(Double.self) { value = .number(n); return }
        if let b = try? c.decode(Bool.self) { value = .bool(b); return }
        if let o = try? c.decode(DecodedRecord.self) { value = .object(o.fields); return }
        value = .array(try c.decode([DecodedValue].self).map(\.value))
    }
}
