import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// Makes the store know these profile fields (columns for audience expressions) before any
    /// record carries them. Idempotent.
    /// - Throws: ``StoreError`` `.invalidInput` for a field name that is not plain, `.database`.
    public func registerFields(_ mapping: [FieldMapping]) throws {
        try write("register profile fields") { db in
            var types = try FieldCatalog.load(db)
            try FieldCatalog.register(mapping, into: &types, db: db)
        }
    }

    /// The profile fields the store knows, by name.
    /// - Throws: ``StoreError`` `.database`.
    public func profileFields() throws -> [String: FieldType] {
        try read("read profile fields") { db in try FieldCatalog.load(db) }
    }

    /// nil when `expression` compiles over this store's profile fields; else the database's message.
    /// - Throws: ``StoreError`` `.database` when the store cannot be read.
    public func checkAudienceExpression(_ expression: String) throws -> String? {
        try read("check an audience expression") { db in AudienceExpression.problem(expression, db: db) }
    }

    /// nil when `expression` compiles over the given profile fields (no store needed: for
    /// `validate`); else the database's message, e.g. `no such column: salesforce_lead_statuz`.
    public static func checkAudienceExpression(_ expression: String, fields: [String: FieldType]) -> String? {
        AudienceExpression.problem(expression, fields: fields)
    }

    /// Creates or replaces an audience and brings its membership up to date (every enter and
    /// exit goes into the change feed). An unchanged definition re-evaluates nothing.
    /// - Throws: ``StoreError`` `.invalidExpression` with the database's message, `.invalidInput`, `.database`.
    @discardableResult
    public func defineAudience(_ audience: ResolvedAudience) throws -> AudienceUpdate {
        let name = audience.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw StoreError(.invalidInput, "An audience needs a name; set name: in its YAML.") }
        let now = Millis.from(clock.now())
        return try write("define audience \(name)", subject: name) { db in
            var whereSQL: String?
            var ids: [String] = []
            switch audience.selection {
            case .expression(let w):
                if let problem = AudienceExpression.problem(w, db: db) {
                    throw StoreError(.invalidExpression, subject: name, databaseMessage: problem,
                                     "The where of audience '\(name)' does not compile: \(problem); fix the expression (profile fields by name, SQL syntax).")
                }
                whereSQL = w.trimmingCharacters(in: .whitespacesAndNewlines)
            case .members(let list):
                ids = Array(Set(list.compactMap(Self.memberValue))).sorted()
            }
            let old = try Row.fetchOne(db, sql: "SELECT where_sql FROM audience WHERE name = ?", arguments: [name])
            let oldIDs = try String.fetchAll(db, sql: "SELECT value FROM audience_id WHERE audience = ? ORDER BY value", arguments: [name])
            if let old, (old["where_sql"] as String?) == whereSQL, oldIDs == ids {
                try db.execute(sql: "UPDATE audience SET description = ? WHERE name = ?", arguments: [audience.description, name])
                return AudienceUpdate(entered: 0, exited: 0, changed: false)
            }
            try db.execute(sql: """
                INSERT INTO audience (name, description, where_sql, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET description = excluded.description, where_sql = excluded.where_sql,
                  updated_at = excluded.updated_at
                """, arguments: [name, audience.description, whereSQL, now])
            try db.execute(sql: "DELETE FROM audience_id WHERE audience = ?", arguments: [name])
            for v in ids { try db.execute(sql: "INSERT INTO audience_id (audience, value) VALUES (?, ?)", arguments: [name, v]) }
            let before = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM change") ?? 0
            try AudienceEvaluator(db: db, now: now).evaluateAll(.init(name: name, whereSQL: whereSQL))
            let counts = try Row.fetchOne(db, sql: """
                SELECT SUM(kind = 'audience_entered') AS e, SUM(kind = 'audience_exited') AS x FROM change WHERE seq > ?
                """, arguments: [before])
            return AudienceUpdate(entered: counts?["e"] ?? 0, exited: counts?["x"] ?? 0, changed: true)
        }
    }

    /// Removes an audience; its members exit (in the change feed).
    /// - Throws: ``StoreError`` `.notFound`, `.database`.
    public func removeAudience(_ name: String) throws {
        let now = Millis.from(clock.now())
        try write("remove audience \(name)", subject: name) { db in
            let members = try Int64.fetchAll(db, sql: "SELECT profile_id FROM audience_member WHERE audience = ? ORDER BY profile_id",
                                             arguments: [name])
            try db.execute(sql: "DELETE FROM audience WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw Self.noAudience(name, db: db) }
            try db.execute(sql: "DELETE FROM audience_id WHERE audience = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM audience_member WHERE audience = ?", arguments: [name])
            for p in members { try ChangeLog.emit(db, .audienceExited, profile: p, at: now, audience: name) }
        }
    }

    /// Every audience with its size, by name.
    /// - Throws: ``StoreError`` `.database`.
    public func audiences() throws -> [AudienceSummary] {
        try read("list audiences") { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name, a.description, a.where_sql, a.updated_at,
                  (SELECT COUNT(*) FROM audience_member m WHERE m.audience = a.name) AS size
                FROM audience a ORDER BY a.name
                """).map {
                AudienceSummary(name: $0["name"], description: $0["description"], whereSQL: $0["where_sql"],
                                size: $0["size"], updatedAt: Millis.date($0["updated_at"] as Int64))
            }
        }
    }

    /// The current members of `audience`, by profile id.
    /// - Throws: ``StoreError`` `.notFound` for an unknown audience, `.database`.
    public func members(of audience: String) throws -> [Int64] {
        try read("read the members of \(audience)", subject: audience) { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM audience WHERE name = ?", arguments: [audience]) != nil else {
                throw Self.noAudience(audience, db: db)
            }
            return try Int64.fetchAll(db, sql: "SELECT profile_id FROM audience_member WHERE audience = ? ORDER BY profile_id",
                                      arguments: [audience])
        }
    }

    /// The audiences `profile` belongs to, by name.
    /// - Throws: ``StoreError`` `.database`.
    public func audiences(of profile: Int64) throws -> [String] {
        try read("read audiences of a profile") { db in
            try String.fetchAll(db, sql: "SELECT audience FROM audience_member WHERE profile_id = ? ORDER BY audience",
                                arguments: [profile])
        }
    }

    static func noAudience(_ name: String, db: Database) -> StoreError {
        let known = (try? String.fetchAll(db, sql: "SELECT name FROM audience ORDER BY name")) ?? []
        let list = known.isEmpty ? "none is defined yet" : "known: " + known.joined(separator: ", ")
        return StoreError(.notFound, subject: name, "There is no audience named '\(name)' (\(list)); run `sfconnect audiences list`.")
    }

    /// An explicit member value as identities store it (emails in lower case).
    static func memberValue(_ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return nil }
        return t.contains("@") ? t.lowercased() : t
    }
}

/// A member as `audiences members` lists it.
public struct AudienceMember: Sendable, Hashable {
    public var profileID: Int64
    /// The profile's email, when it has one.
    public var email: String?
    public var since: Date

    /// `{"email":…,"id":…,"since":…}`
    public var json: String {
        JSONText.encode(["id": .number(Double(profileID)), "email": email.map(JSONValue.string) ?? .null,
                         "since": .string(ISOTime.format(since))], sortedKeys: true)
    }
}

extension Store {
    /// The members of `audience` with their email and since when, by profile id.
    /// - Throws: ``StoreError`` `.notFound` for an unknown audience, `.database`.
    public func audienceMembers(_ audience: String) throws -> [AudienceMember] {
        try read("read the members of \(audience)", subject: audience) { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM audience WHERE name = ?", arguments: [audience]) != nil else {
                throw Self.noAudience(audience, db: db)
            }
            let hasEmail = try FieldCatalog.load(db)["email"] != nil
            let email = hasEmail ? "v.\"email\"" : "NULL"
            return try Row.fetchAll(db, sql: """
                SELECT m.profile_id, m.since, \(email) AS email FROM audience_member m
                LEFT JOIN profile_view v ON v.profile_id = m.profile_id WHERE m.audience = ? ORDER BY m.profile_id
                """, arguments: [audience]).map {
                AudienceMember(profileID: $0["profile_id"], email: $0["email"], since: Millis.date($0["since"] as Int64))
            }
        }
    }
}
