import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// The profile with this id; an id merged into another profile yields the survivor.
    /// - Throws: ``StoreError`` `.notFound`, `.database`.
    public func profile(id: Int64) throws -> Profile {
        try read("read profile \(id)", subject: String(id)) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, merged_into FROM profile WHERE id = ?", arguments: [id]) else {
                throw StoreError(.notFound, subject: String(id), "There is no profile \(id); look it up by --email or a unique id instead.")
            }
            return try Self.load(profile: (row["merged_into"] as Int64?) ?? id, db: db)
        }
    }

    /// The profile holding this unique-id value (an email in any case, a lead or contact id…).
    /// - Throws: ``StoreError`` `.notFound`, `.database`.
    public func profile(uniqueID value: String) throws -> Profile {
        let raw = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return try read("look up profile \(raw)", subject: raw) { db in
            let id = try Int64.fetchOne(db, sql: """
                SELECT profile_id FROM identity WHERE value = ? OR value = ? ORDER BY (value = ?) DESC LIMIT 1
                """, arguments: [raw, raw.lowercased(), raw])
            guard let id else {
                throw StoreError(.notFound, subject: raw, "No profile has the unique id '\(raw)'; check the value, or import or ingest records that carry it.")
            }
            return try Self.load(profile: id, db: db)
        }
    }

    /// The profile with this email (compared case-insensitively).
    /// - Throws: ``StoreError`` `.notFound`, `.database`.
    public func profile(email: String) throws -> Profile {
        let key = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return try read("look up profile \(key)", subject: key) { db in
            let id = try Int64.fetchOne(db, sql: "SELECT profile_id FROM identity WHERE value = ? AND kind LIKE '%email' LIMIT 1",
                                        arguments: [key])
            guard let id else {
                throw StoreError(.notFound, subject: key, "No profile has the email '\(key)'; check the spelling, or look it up with --id.")
            }
            return try Self.load(profile: id, db: db)
        }
    }

    /// How many live profiles the store holds (merged ones not counted).
    /// - Throws: ``StoreError`` `.database`.
    public func profileCount() throws -> Int {
        try read("count profiles") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profile_view") ?? 0 }
    }

    static func load(profile id: Int64, db: Database) throws -> Profile {
        let types = try FieldCatalog.load(db)
        var fields: [String: JSONValue] = [:]
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM profile_view WHERE profile_id = ?", arguments: [id]) {
            for (name, value) in row where name != "profile_id" && !value.isNull {
                fields[name] = Self.jsonValue(value, type: types[name] ?? .string)
            }
        }
        let identities = try Row.fetchAll(db, sql: "SELECT kind, value FROM identity WHERE profile_id = ? ORDER BY kind, value",
                                          arguments: [id]).map { Profile.Identity(kind: $0["kind"], value: $0["value"]) }
        let sources = try Row.fetchAll(db, sql: """
            SELECT stream, record_id FROM profile_source WHERE profile_id = ? AND deleted = 0 ORDER BY stream, record_id
            """, arguments: [id]).map { "\($0["stream"] as String)/\($0["record_id"] as String)" }
        let audiences = try String.fetchAll(db, sql: "SELECT audience FROM audience_member WHERE profile_id = ? ORDER BY audience",
                                            arguments: [id])
        let merged = try Int64.fetchAll(db, sql: "SELECT id FROM profile WHERE merged_into = ? ORDER BY id", arguments: [id])
        let times = try Row.fetchOne(db, sql: "SELECT created_at, updated_at FROM profile WHERE id = ?", arguments: [id])
        return Profile(id: id, fields: fields, identities: identities, sources: sources, audiences: audiences, mergedFrom: merged,
                       createdAt: Millis.date((times?["created_at"] as Int64?) ?? 0),
                       updatedAt: Millis.date((times?["updated_at"] as Int64?) ?? 0))
    }

    static func jsonValue(_ v: DatabaseValue, type: FieldType) -> JSONValue {
        switch v.storage {
        case .null: return .null
        case .int64(let i): return type == .bool ? .bool(i != 0) : .number(Double(i))
        case .double(let d): return .number(d)
        case .string(let s):
            if type == .stringList, let parsed = try? JSONText.decode(s) { return parsed }
            return .string(s)
        case .blob: return .null
        }
    }
}
