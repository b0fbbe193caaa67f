import ConnectorCore
import Foundation

/// Turns Bulk API 2.0 CSV records (every value text) into the records a REST query returns, from
/// the fields' describe types: booleans and numbers become JSON booleans and numbers, datetimes
/// take REST's `…+0000` offset, and a parent whose every selected field is empty becomes `null`
/// (REST's `"Account": null` for an empty lookup). Text stays text; null and empty text are
/// both null, as in REST.
struct BulkRecordTyping: Sendable {
    /// Describe type by lower-cased column path (`account.name`).
    let types: [String: String]

    static let numberTypes: Set<String> = ["int", "long", "double", "currency", "percent"]

    /// Looks up the type of every column: `Account.Name` follows the `Account` relationship to
    /// its first `referenceTo` object. A column it cannot resolve stays text.
    static func resolve(object: String, columns: [String],
                        describe: (String) async throws -> ObjectDescription) async throws -> BulkRecordTyping {
        var types: [String: String] = [:]
        for column in columns {
            var current = try await describe(object)
            let parts = column.split(separator: ".").map(String.init)
            var type: String?
            for (i, part) in parts.enumerated() {
                if i == parts.count - 1 { type = current.field(part)?.type; break }
                guard let link = current.fields.first(where: {
                    $0.relationshipName?.caseInsensitiveCompare(part) == .orderedSame
                }), let target = link.referenceTo.first else { break }
                current = try await describe(target)
            }
            if let type { types[column.lowercased()] = type }
        }
        return BulkRecordTyping(types: types)
    }

    func rest(_ record: SalesforceRecord) -> SalesforceRecord {
        var out = SalesforceRecord(minimumCapacity: record.count)
        for (key, value) in record { out[key] = typed(value, path: key.lowercased()) }
        return out
    }

    private func typed(_ value: JSONValue, path: String) -> JSONValue {
        switch value {
        case .object(let fields):
            var out: [String: JSONValue] = [:]
            for (key, inner) in fields { out[key] = typed(inner, path: path + "." + key.lowercased()) }
            return out.values.allSatisfy { $0 == .null } ? .null : .object(out)
        case .string(let text):
            return Self.convert(text, type: types[path])
        default:
            return value
        }
    }

    static func convert(_ text: String, type: String?) -> JSONValue {
        switch type {
        case "boolean": return .bool(text.lowercased() == "true")
        case let t? where numberTypes.contains(t): return Double(text).map(JSONValue.number) ?? .string(text)
        case "datetime" where text.hasSuffix("Z"): return .string(text.dropLast() + "+0000")
        default: return .string(text)
        }
    }
}

/// Salesforce's ORDER BY for records already in memory: nulls first ascending and last
/// descending unless `NULLS FIRST/LAST` says otherwise, text compared case-insensitively, numbers
/// and booleans by value; ties keep their input order.
enum RecordOrdering {
    static func sorted(_ records: [SalesforceRecord], by keys: [BulkRewrite.SortKey]) -> [SalesforceRecord] {
        let paths = keys.map { $0.path.split(separator: ".").map { String($0).lowercased() } }
        let decorated = records.enumerated().map { (offset, record) in
            (offset, record, paths.map { value(record, path: $0) })
        }
        return decorated.sorted { a, b in
            for (i, key) in keys.enumerated() {
                let order = compare(a.2[i], b.2[i], key)
                if order != 0 { return order < 0 }
            }
            return a.0 < b.0
        }.map(\.1)
    }

    static func value(_ record: SalesforceRecord, path: [String]) -> JSONValue {
        var current: JSONValue = .object(record)
        for part in path {
            guard case .object(let fields) = current,
                  let next = fields.first(where: { $0.key.lowercased() == part })?.value else { return .null }
            current = next
        }
        return current
    }

    /// -1, 0 or 1 for `a` before, with or after `b` under `key`.
    static func compare(_ a: JSONValue, _ b: JSONValue, _ key: BulkRewrite.SortKey) -> Int {
        switch (a == .null, b == .null) {
        case (true, true): return 0
        case (true, false): return key.nullsLast ? 1 : -1
        case (false, true): return key.nullsLast ? -1 : 1
        default: break
        }
        let order: Int
        switch (a, b) {
        case let (.number(x), .number(y)): order = x < y ? -1 : (x > y ? 1 : 0)
        case let (.bool(x), .bool(y)): order = x == y ? 0 : (!x ? -1 : 1)
        case let (.string(x), .string(y)):
            let (l, r) = (x.lowercased(), y.lowercased())
            order = l < r ? -1 : (l > r ? 1 : 0)
        default: order = 0
        }
        return key.ascending ? order : -order
    }
}
