/// A field reference resolved against the schema: follow `foreignKeys` through `objects`, then read `key`.
struct ResolvedField {
    var foreignKeys: [String] = []
    var objects: [String] = []
    var key: String
    var name: String
    var type: SOQLFieldType
}

indirect enum Predicate {
    case constant(Bool)
    case and([Predicate])
    case or([Predicate])
    case not(Predicate)
    case isNull(ResolvedField, Bool)
    case compare(ResolvedField, CompareOp, SimValue)
    case like(ResolvedField, [LikeElement])
    case inSet(ResolvedField, strings: Set<String>, others: [SimValue], hasNull: Bool, negated: Bool)
}

struct SortKey {
    var field: ResolvedField
    var ascending: Bool
    var nullsFirst: Bool
}

/// Resolves names against a schema, caching case-insensitive field indexes.
final class SOQLResolver {
    let schema: any SOQLSchema
    private var fieldIndex: [String: [String: (String, SOQLFieldType)]] = [:]

    init(schema: any SOQLSchema) { self.schema = schema }

    func object(_ name: String) throws(SOQLError) -> String {
        guard let canonical = schema.canonicalObjectName(name), schema.fields(of: canonical) != nil else {
            throw .unsupportedType(name)
        }
        return canonical
    }

    private func lookup(_ field: String, on object: String) -> (String, SOQLFieldType)? {
        if let idx = fieldIndex[object] { return idx[field.lowercased()] }
        var idx: [String: (String, SOQLFieldType)] = [:]
        for (k, t) in schema.fields(of: object) ?? [:] { idx[k.lowercased()] = (k, t) }
        fieldIndex[object] = idx
        return idx[field.lowercased()]
    }

    /// Resolves the parent relationships of a path; returns them and the object holding the last part.
    func relationships(_ parts: ArraySlice<String>, from object: String) throws(SOQLError)
        -> ([SOQLRelationship], String) {
        var obj = object
        var rels: [SOQLRelationship] = []
        for rel in parts {
            guard let r = schema.parentRelationship(of: obj, named: rel),
                  let parent = schema.canonicalObjectName(r.object) else { throw .badRelationship(rel) }
            rels.append(SOQLRelationship(name: r.name, object: parent, foreignKey: r.foreignKey))
            obj = parent
        }
        return (rels, obj)
    }

    func field(_ path: FieldPath, on object: String) throws(SOQLError) -> ResolvedField {
        let (rels, obj) = try relationships(path.parts.dropLast(), from: object)
        let last = path.parts[path.parts.count - 1]
        guard let (name, type) = lookup(last, on: obj) else { throw .noSuchColumn(last, entity: obj) }
        return ResolvedField(foreignKeys: rels.map { $0.foreignKey.lowercased() }, objects: rels.map(\.object),
                             key: name.lowercased(), name: name, type: type)
    }

    func predicate(_ c: Condition, on object: String) throws(SOQLError) -> Predicate {
        switch c {
        case .and(let parts):
            var out: [Predicate] = []
            for p in parts { out.append(try predicate(p, on: object)) }
            return .and(out)
        case .or(let parts):
            var out: [Predicate] = []
            for p in parts { out.append(try predicate(p, on: object)) }
            return .or(out)
        case .not(let inner):
            return .not(try predicate(inner, on: object))
        case .compare(let path, let op, let lit):
            let f = try field(path, on: object)
            let v = try value(lit, for: f)
            if v.isNull {
                switch op {
                case .eq: return .isNull(f, true)
                case .ne: return .isNull(f, false)
                default: return .constant(false)
                }
            }
            return .compare(f, op, v)
        case .like(let path, let pattern):
            let f = try field(path, on: object)
            let lowered = pattern.map { e -> LikeElement in
                if case .char(let ch) = e { return .char(Character(ch.lowercased())) }
                return e
            }
            return .like(f, lowered)
        case .inList(let path, let lits, let negated):
            let f = try field(path, on: object)
            var strings = Set<String>()
            var others: [SimValue] = []
            var hasNull = false
            for lit in lits {
                switch try value(lit, for: f) {
                case .null: hasNull = true
                case .string(let s): strings.insert(s.lowercased())
                case let v: others.append(v)
                }
            }
            return .inSet(f, strings: strings, others: others, hasNull: hasNull, negated: negated)
        }
    }

    /// Converts a literal to a value of the field's type, rejecting mismatches as Salesforce does.
    func value(_ lit: Literal, for f: ResolvedField) throws(SOQLError) -> SimValue {
        if case .null = lit { return .null }
        switch f.type {
        case .datetime:
            if case .datetime(let d) = lit { return .datetime(d) }
            throw .filterType(f.name, type: "dateTime", quoted: false)
        case .date:
            if case .date(let d) = lit { return .date(d) }
            throw .filterType(f.name, type: "date", quoted: false)
        case .boolean:
            if case .bool(let b) = lit { return .bool(b) }
            throw .filterType(f.name, type: "boolean", quoted: false)
        case .integer, .double:
            if case .number(let text) = lit {
                if f.type == .integer, let n = Int(text) { return .int(n) }
                if let d = Double(text) { return .double(d) }
            }
            throw .filterType(f.name, type: f.type == .integer ? "integer" : "double", quoted: false)
        case .string, .id, .reference:
            if case .string(let s) = lit { return .string(s) }
            throw .filterType(f.name, type: f.type == .string ? "string" : "id", quoted: true)
        }
    }
}
