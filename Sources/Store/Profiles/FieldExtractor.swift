import ConnectorCore
import Foundation

/// Turns a stream record's source fields into user-field values by its mapping, coercing each
/// to its type (a value that does not fit is left out) and applying derivations.
enum FieldExtractor {
    static func contribution(of record: StreamRecord, mapping: [FieldMapping], importedAt: Int64) -> Contribution {
        var c = Contribution()
        for m in mapping {
            let raw = value(of: m, in: record, importedAt: importedAt)
            guard let raw, !raw.isNull else { continue }
            if m.type == .stringList {
                let items = listItems(raw)
                guard !items.isEmpty else { continue }
                var merged = c.lists[m.userField] ?? []
                for i in items where !merged.contains(i) { merged.append(i) }
                c.lists[m.userField] = merged
                if m.isUniqueID { c.ids += items.compactMap { IdentityKey.normalized(kind: m.userField, $0) } }
            } else if let v = coerce(raw, to: m.type) {
                c.scalars[m.userField] = v
                if m.isUniqueID, let s = v.stringValue ?? scalarText(v), let key = IdentityKey.normalized(kind: m.userField, s) {
                    c.ids.append(key)
                }
            }
        }
        return c
    }

    private static func value(of m: FieldMapping, in record: StreamRecord, importedAt: Int64) -> JSONValue? {
        let raw = record.fields[m.source]
        switch m.derivation {
        case .emailDomain?:
            guard let s = raw?.stringValue, let at = s.lastIndex(of: "@") else { return nil }
            let domain = s[s.index(after: at)...].lowercased()
            return domain.isEmpty ? nil : .string(domain)
        case .importTime?:
            if let raw, !raw.isNull { return raw }
            return .string(ISOTime.format(ms: importedAt))
        case .childIds?, nil:
            return raw
        }
    }

    private static func listItems(_ v: JSONValue) -> [String] {
        switch v {
        case .array(let a): return a.compactMap { $0.stringValue ?? scalarText($0) }.filter { !$0.isEmpty }
        case .string(let s): return s.isEmpty ? [] : [s]
        default: return scalarText(v).map { [$0] } ?? []
        }
    }

    private static func scalarText(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return s
        case .number: return JSONText.encode(v)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The value as the type wants it, or nil when it does not fit.
    static func coerce(_ v: JSONValue, to type: FieldType) -> JSONValue? {
        switch type {
        case .string:
            if case .array = v { return .string(JSONText.encode(v)) }
            if case .object = v { return .string(JSONText.encode(v)) }
            return scalarText(v).map(JSONValue.string)
        case .number:
            if case .number = v { return v }
            if case .string(let s) = v, let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite { return .number(d) }
            return nil
        case .int:
            if case .number(let n) = v, n.rounded(.towardZero) == n, abs(n) < 9e15 { return v }
            if case .string(let s) = v, let i = Int64(s.trimmingCharacters(in: .whitespaces)) { return .number(Double(i)) }
            return nil
        case .bool:
            if case .bool = v { return v }
            if case .string(let s) = v {
                switch s.lowercased() { case "true", "1", "yes": return .bool(true); case "false", "0", "no": return .bool(false); default: return nil }
            }
            if case .number(let n) = v, n == 0 || n == 1 { return .bool(n == 1) }
            return nil
        case .date:
            if case .string(let s) = v, let ms = ISOTime.parse(s) { return .string(ISOTime.format(ms: ms)) }
            return nil
        case .stringList:
            return .array(listItems(v).map(JSONValue.string))
        }
    }
}
