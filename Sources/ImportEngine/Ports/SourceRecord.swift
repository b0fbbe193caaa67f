import ConnectorCore

/// One row as the source returned it: a REST JSON object (parents nested, child subqueries as
/// `{"records": […]}`) or a Bulk CSV row (flat columns named by path, `""` for null).
public enum SourceRecord: Sendable {
    case json([String: JSONValue])
    case flat([String: String])

    /// The value at a field or parent path (`Email`, `RecordType.Name`); `.null` when absent.
    public func value(at path: [String]) -> JSONValue {
        switch self {
        case .json(let object):
            var current: JSONValue = .object(object)
            for part in path {
                guard case .object(let o) = current, let next = o[part] else { return .null }
                current = next
            }
            return current
        case .flat(let row):
            guard let s = row[path.joined(separator: ".")], !s.isEmpty else { return .null }
            return .string(s)
        }
    }

    /// The values of `field` in the rows of child relationship `relationship`; nil when the
    /// relationship is null (no children). `complete` is false when Salesforce paged the children.
    public func childValues(relationship: String, field: String) -> (values: [JSONValue], complete: Bool)? {
        guard case .json(let object) = self, case .object(let sub)? = object[relationship],
              case .array(let rows)? = sub["records"] else { return nil }
        let done = sub["done"]?.boolValue ?? true
        return (rows.map { $0[field] ?? .null }, done)
    }
}
