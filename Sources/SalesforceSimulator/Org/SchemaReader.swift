import Foundation

/// Validates the JSON of a schema file into ``SchemaFile`` values, naming the key path of each problem.
struct SchemaReader {
    let path: String

    func fail(_ at: String, _ problem: String) -> SimulatorError { .schemaFile(path, "\(at): \(problem)") }

    func keys(_ dict: [String: SchemaJSON], _ allowed: Set<String>, at: String) throws {
        for key in dict.keys.sorted() where !allowed.contains(key) {
            throw fail(at.isEmpty ? key : "\(at).\(key)",
                       "unknown key (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func string(_ d: [String: SchemaJSON], _ key: String, at: String, required: Bool = false) throws -> String? {
        guard let raw = d[key] else {
            if required { throw fail(at, "\"\(key)\" is required") }
            return nil
        }
        guard case .string(let s) = raw, !s.isEmpty else { throw fail("\(at).\(key)", "must be a non-empty string") }
        return s
    }

    func bool(_ d: [String: SchemaJSON], _ key: String, at: String) throws -> Bool? {
        guard let raw = d[key] else { return nil }
        guard case .bool(let b) = raw else { throw fail("\(at).\(key)", "must be true or false") }
        return b
    }

    func int(_ d: [String: SchemaJSON], _ key: String, at: String) throws -> Int? {
        guard let raw = d[key] else { return nil }
        guard case .number(let n) = raw, n == n.rounded(), abs(n) < 1e15 else {
            throw fail("\(at).\(key)", "must be a whole number")
        }
        return Int(n)
    }

    func strings(_ d: [String: SchemaJSON], _ key: String, at: String) throws -> [String]? {
        guard let raw = d[key] else { return nil }
        if case .array(let list) = raw {
            let out = list.compactMap { item -> String? in
                if case .string(let s) = item, !s.isEmpty { return s } else { return nil }
            }
            if out.count == list.count { return out }
        }
        throw fail("\(at).\(key)", "must be an array of non-empty strings")
    }

    func object(_ item: SchemaJSON, at: String) throws -> SchemaFile.Object {
        guard case .object(let d) = item else { throw fail(at, "must be an object") }
        try keys(d, SchemaFile.objectKeys, at: at)
        let name = try string(d, "name", at: at, required: true)!
        let standard = StandardObjects.names.contains(name.lowercased())
        if !standard, !name.hasSuffix("__c") {
            throw fail("\(at).name", "\"\(name)\" is neither a standard object nor a custom one ending in __c")
        }
        let prefix = try string(d, "keyPrefix", at: at)
        if let prefix {
            if standard { throw fail("\(at).keyPrefix", "a standard object keeps its own key prefix") }
            guard prefix.count == 3, prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw fail("\(at).keyPrefix", "must be 3 letters or digits, e.g. a01")
            }
        }
        guard case .array(let list)? = d["fields"] else { throw fail(at, "needs a \"fields\" array") }
        var fields: [FieldDescribe] = []
        for (i, f) in list.enumerated() {
            let field = try self.field(f, at: "\(at).fields[\(i)]")
            if fields.contains(where: { $0.name.lowercased() == field.name.lowercased() }) {
                throw fail("\(at).fields[\(i)].name", "\(field.name) is listed twice")
            }
            fields.append(field)
        }
        return SchemaFile.Object(name: name, label: try string(d, "label", at: at),
                                 labelPlural: try string(d, "labelPlural", at: at), keyPrefix: prefix, fields: fields)
    }

    func field(_ item: SchemaJSON, at: String) throws -> FieldDescribe {
        guard case .object(let d) = item else { throw fail(at, "must be an object") }
        try keys(d, SchemaFile.fieldKeys, at: at)
        let name = try string(d, "name", at: at, required: true)!
        guard name.hasSuffix("__c"), name.count > 3 else { throw fail("\(at).name", "\"\(name)\" must end in __c") }
        let typeName = try string(d, "type", at: at, required: true)!
        guard let type = FieldType(rawValue: typeName), type != .id else {
            let allowed = FieldType.allCases.filter { $0 != .id }.map(\.rawValue).joined(separator: ", ")
            throw fail("\(at).type", "\"\(typeName)\" is not a field type (one of: \(allowed))")
        }
        let defaultLength = type == .textarea ? 32768 : (type == .reference ? 18 : 255)
        let length = try int(d, "length", at: at) ?? defaultLength
        if type.isText {
            let maximum = type == .textarea ? 131_072 : 255
            guard (1...maximum).contains(length) else {
                throw fail("\(at).length", "\(length) is outside 1...\(maximum) for type \(typeName)")
            }
        } else if d["length"] != nil {
            throw fail("\(at).length", "only text types have a length")
        }
        var f = FieldDescribe(name: name, label: try string(d, "label", at: at), type: type, length: length)
        f.nillable = !(try bool(d, "required", at: at) ?? false)
        f.externalId = try bool(d, "externalId", at: at) ?? false
        if f.externalId {
            guard [.string, .email, .int, .double].contains(type) else {
                throw fail("\(at).externalId", "only string, email, int and double fields can be External IDs")
            }
            f.idLookup = true
        }
        f.unique = try bool(d, "unique", at: at) ?? false
        f.caseSensitive = try bool(d, "caseSensitive", at: at) ?? false
        f.createable = try bool(d, "createable", at: at) ?? true
        f.updateable = try bool(d, "updateable", at: at) ?? true
        f.precision = try int(d, "precision", at: at) ?? f.precision
        f.scale = try int(d, "scale", at: at) ?? f.scale
        try picklist(d, &f, at: at)
        try reference(d, &f, at: at)
        return f
    }

    private func picklist(_ d: [String: SchemaJSON], _ f: inout FieldDescribe, at: String) throws {
        let values = try strings(d, "picklistValues", at: at)
        let isPicklist = f.type == .picklist || f.type == .multipicklist
        if values != nil || d["defaultValue"] != nil || d["restrictedPicklist"] != nil, !isPicklist {
            throw fail(at, "picklistValues, defaultValue and restrictedPicklist need type picklist or multipicklist")
        }
        let def = try string(d, "defaultValue", at: at)
        if let def, !(values ?? []).contains(def) {
            throw fail("\(at).defaultValue", "\"\(def)\" is not one of the picklistValues")
        }
        f.picklistValues = (values ?? []).map { PicklistValue($0, defaultValue: $0 == def) }
        f.defaultedOnCreate = def != nil
        f.restrictedPicklist = try bool(d, "restrictedPicklist", at: at) ?? false
    }

    private func reference(_ d: [String: SchemaJSON], _ f: inout FieldDescribe, at: String) throws {
        let targets = try strings(d, "referenceTo", at: at)
        if f.type == .reference {
            guard let targets, !targets.isEmpty else { throw fail(at, "a reference field needs \"referenceTo\"") }
            f.referenceTo = targets
            f.relationshipName = try string(d, "relationshipName", at: at)
                ?? String(f.name.dropLast(3)) + "__r"
            f.childRelationshipName = try string(d, "childRelationshipName", at: at)
        } else if targets != nil || d["relationshipName"] != nil || d["childRelationshipName"] != nil {
            throw fail(at, "referenceTo, relationshipName and childRelationshipName need type reference")
        }
    }
}

/// A JSON value as the schema file holds it (booleans and numbers kept apart).
enum SchemaJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([SchemaJSON]), object([String: SchemaJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([SchemaJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: SchemaJSON].self)) }
    }
}
