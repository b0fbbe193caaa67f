import Foundation

/// Renders stored records as REST JSON: `attributes`, explicit nulls, datetimes as
/// `2024-01-31T17:05:09.000+0000`.
enum WriteRecordJSON {
    static func value(_ v: SimValue) -> Any {
        switch v {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s), .date(let s): return s
        case .datetime(let d): return BulkCSVWriter.datetime(d).replacingOccurrences(of: "Z", with: "+0000")
        }
    }

    static func url(_ object: String, _ id: String, version: String) -> String {
        "/services/data/v\(version)/sobjects/\(object)/\(id)"
    }

    /// The record with every field of the object (or only `fields`, in describe order).
    static func record(_ values: [String: SimValue], object: ObjectDescribe, fields: [String]?,
                       version: String) -> [String: Any] {
        let id = values["Id"].flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? ""
        var out: [String: Any] = ["attributes": ["type": object.name, "url": url(object.name, id, version: version)]]
        let wanted = fields.map { Set($0.map { $0.lowercased() }) }
        for f in object.fields where wanted?.contains(f.name.lowercased()) ?? true {
            out[f.name] = value(values[f.name] ?? .null)
        }
        return out
    }
}
