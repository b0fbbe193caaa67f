import Foundation

/// Field-level write validation against describe metadata. Two stages, as Salesforce orders them:
/// `resolve` (unknown fields, type coercion: a JSON body fails as a whole) and `check`
/// (insert/update-ability, required fields, length, email format, restricted picklists: per record).
struct RecordValidator: Sendable {
    enum Operation: Sendable { case create, update }

    let object: WriteObjectRules

    /// Canonical field → coerced value. Throws `INVALID_FIELD` for an unknown field and a type error
    /// (`JSON_PARSER_ERROR` for JSON, `INVALID_TYPE_ON_FIELD_IN_RECORD` for CSV) for a bad value.
    func resolve(_ input: WriteInputRecord, json: Bool) throws(WriteError) -> [(WriteFieldRules, SimValue)] {
        var out: [(WriteFieldRules, SimValue)] = []
        for (name, value) in input {
            guard let f = object.field(name) else { throw .invalidField(name, object: object.name) }
            guard let v = Self.coerce(value, to: f) else { throw .wrongType(f, value.display, json: json) }
            out.append((f, v))
        }
        return out
    }

    /// Record-level problems, in Salesforce's order: not writable, then missing required fields,
    /// then every value problem.
    func check(_ values: [(WriteFieldRules, SimValue)], operation: Operation) -> [WriteError] {
        let locked = values.filter { f, _ in
            f.name != "Id" && !(operation == .create ? f.createable : f.updateable)
        }.map(\.0.name)
        if !locked.isEmpty { return [.notWritable(locked)] }
        var given: [String: SimValue] = [:]
        for (f, v) in values { given[f.name] = v }
        let missing = object.fields.filter { f in
            guard f.requiredOnCreate else { return false }
            switch operation {
            case .create: return given[f.name].map(\.isNull) ?? true
            case .update: return given[f.name]?.isNull ?? false
            }
        }.map(\.name)
        if !missing.isEmpty { return [.requiredMissing(missing)] }
        var errors: [WriteError] = []
        for (f, v) in values {
            guard case .string(let s) = v else { continue }
            if f.length > 0, f.isText, s.utf16.count > f.length { errors.append(.tooLong(f, s)); continue }
            if f.type == "email", !Self.isEmail(s) { errors.append(.invalidEmail(f, s)); continue }
            if f.restrictedPicklist, f.type == "picklist" || f.type == "multipicklist" {
                let parts = f.type == "multipicklist" ? s.split(separator: ";").map(String.init) : [s]
                if let bad = parts.first(where: { !f.picklistValues.contains($0) }) {
                    errors.append(.restrictedPicklist(f, bad))
                }
            }
        }
        return errors
    }

    /// The stored value for a client value, or nil when it does not fit the field's type.
    static func coerce(_ value: WriteInputValue, to f: WriteFieldRules) -> SimValue? {
        switch (f.type, value) {
        case (_, .null): return f.type == "boolean" ? .bool(false) : .null
        case ("boolean", .bool(let b)): return .bool(b)
        case ("boolean", .text(let s)):
            switch s.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        case ("int", .number(let d)): return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : nil
        case ("int", .text(let s)): return Int(s).map { .int($0) }
        case ("double", .number(let d)), ("currency", .number(let d)), ("percent", .number(let d)),
             ("long", .number(let d)):
            return .double(d)
        case ("double", .text(let s)), ("currency", .text(let s)), ("percent", .text(let s)), ("long", .text(let s)):
            return Double(s).map { .double($0) }
        case ("date", .text(let s)):
            if SOQLDates.isDate(s) { return .date(s) }
            if let d = SOQLDates.parseDateTime(s) { return .date(String(BulkCSVWriter.datetime(d).prefix(10))) }
            return nil
        case ("datetime", .text(let s)):
            guard let d = SOQLDates.parseDateTime(s) else { return nil }
            return .datetime(Date(timeIntervalSince1970: d.timeIntervalSince1970.rounded(.down)))
        case ("boolean", _), ("int", _), ("double", _), ("currency", _), ("percent", _), ("long", _),
             ("date", _), ("datetime", _):
            return nil
        case (_, .text(let s)): return .string(s)
        case (_, .bool(let b)): return .string(b ? "true" : "false")
        case (_, .number(let d)): return .string(BulkCSVWriter.number(d))
        }
    }

    /// A plain `local@domain.tld` check: one `@`, no spaces, a dotted domain without empty labels.
    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !s.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
