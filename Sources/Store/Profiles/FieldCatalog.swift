import ConnectorCore
import GRDB

/// The profile fields known to the store and their columns in the wide `profile_view` table
/// (one column per user field, added as fields first appear; lists are JSON text).
enum FieldCatalog {
    static func load(_ db: Database) throws -> [String: FieldType] {
        var types: [String: FieldType] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, type FROM profile_field") {
            types[row["name"]] = FieldType(rawValue: row["type"]) ?? .string
        }
        return types
    }

    /// Adds the fields of `mapping` that are new; the first type a field is seen with stays.
    /// - Throws: ``StoreError`` `.invalidInput` for a user field that is not a plain name.
    static func register(_ mapping: [FieldMapping], into types: inout [String: FieldType], db: Database) throws {
        for m in mapping where types[m.userField] == nil {
            try add(m.userField, type: m.type, into: &types, db: db)
        }
    }

    static func add(_ name: String, type: FieldType, into types: inout [String: FieldType], db: Database) throws {
        guard isPlainName(name), name != "profile_id" else {
            throw StoreError(.invalidInput, subject: name,
                             "The user field '\(name)' cannot be a profile column; use letters, digits and underscores (not profile_id).")
        }
        try db.execute(sql: "ALTER TABLE profile_view ADD COLUMN \(quote(name)) \(sqlType(type))")
        try db.execute(sql: "INSERT INTO profile_field (name, type) VALUES (?, ?)", arguments: [name, type.rawValue])
        types[name] = type
    }

    static func isPlainName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || (f.isASCII && f.properties.isAlphabetic) else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func sqlType(_ t: FieldType) -> String {
        switch t {
        case .string, .date, .stringList: return "TEXT"
        case .number: return "REAL"
        case .int, .bool: return "INTEGER"
        }
    }

    /// The column value for a resolved field value.
    static func databaseValue(_ v: JSONValue?, type: FieldType) -> DatabaseValue {
        guard let v else { return .null }
        switch (type, v) {
        case (.bool, .bool(let b)): return (b ? 1 : 0).databaseValue
        case (.int, .number(let n)): return Int64(n).databaseValue
        case (.number, .number(let n)): return n.databaseValue
        case (_, .string(let s)): return s.databaseValue
        case (.stringList, .array): return JSONText.encode(v).databaseValue
        case (_, .null): return .null
        default: return JSONText.encode(v).databaseValue
        }
    }
}
