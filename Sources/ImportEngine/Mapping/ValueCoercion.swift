import ConnectorCore
import Foundation

/// Coerces a Salesforce value to a mapping type. `nil` means "does not fit": the caller keeps a
/// null and counts a warning. Null fits every type. Bulk CSV values arrive as text and are
/// parsed here (`"12"` → 12, `"true"` → true).
public enum ValueCoercion {
    public static func coerce(_ value: JSONValue, to kind: ValueKind) -> JSONValue? {
        if case .null = value { return .null }
        guard case .typed(let type) = kind else { return value }
        switch type {
        case .string: return string(value).map(JSONValue.string)
        case .number: return number(value).map(JSONValue.number)
        case .int:
            guard let n = number(value), n.rounded() == n, abs(n) < 9.0e15 else { return nil }
            return .number(n)
        case .bool: return bool(value).map(JSONValue.bool)
        case .date: return date(value).map(JSONValue.string)
        case .stringList:
            switch value {
            case .array(let items):
                var out: [JSONValue] = []
                for item in items where !item.isNull {
                    guard let s = string(item) else { return nil }
                    out.append(.string(s))
                }
                return .array(out)
            default:
                guard let s = string(value) else { return nil }
                return .array(s.isEmpty ? [] : [.string(s)])
            }
        }
    }

    static func string(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .number(let n): return n.rounded() == n && abs(n) < 9.0e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .number(let n): return n
        case .string(let s):
            guard let n = Double(s.trimmingCharacters(in: .whitespaces)), n.isFinite else { return nil }
            return n
        default: return nil
        }
    }

    static func bool(_ v: JSONValue) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .string(let s):
            switch s.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Datetimes become `yyyy-MM-ddTHH:mm:ss.SSSZ` (UTC); dates stay `yyyy-MM-dd`.
    static func date(_ v: JSONValue) -> String? {
        guard case .string(let s) = v else { return nil }
        switch SalesforceDate.parse(s) {
        case .date(let y, let m, let d)?: return SalesforceDate.format(year: y, month: m, day: d)
        case .instant(let t)?: return SalesforceDate.format(t)
        case nil: return nil
        }
    }

    /// The lower-cased domain of an email address, or nil when the text is not an email.
    public static func emailDomain(_ v: JSONValue) -> JSONValue? {
        if case .null = v { return .null }
        guard case .string(let s) = v, let at = s.lastIndex(of: "@") else { return nil }
        let domain = s[s.index(after: at)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard !domain.isEmpty, !s[..<at].isEmpty, !domain.contains("@"), !domain.contains(" ") else { return nil }
        return .array([.string(domain)])
    }
}
