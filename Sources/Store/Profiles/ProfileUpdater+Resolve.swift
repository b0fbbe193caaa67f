import ConnectorCore
import GRDB

extension ProfileUpdater {
    /// Re-resolves every touched profile from its sources, writes the changed columns of its
    /// view row, records the change, and re-evaluates audiences for those profiles only.
    /// Returns how many profiles changed.
    mutating func finish() throws -> Int {
        guard !dirty.isEmpty else { return 0 }
        let ids = dirty.sorted()
        var changed = 0
        for id in ids {
            let resolved = try resolve(id)
            if try write(resolved, for: id) { changed += 1 }
        }
        try AudienceEvaluator(db: db, now: now).evaluate(profiles: ids)
        dirty.removeAll()
        return changed
    }

    /// Latest timestamp wins per scalar field (ties: stream then record id); lists are the
    /// sorted union of every source's items.
    func resolve(_ profile: Int64) throws -> [String: JSONValue] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT fields FROM profile_source WHERE profile_id = ? AND deleted = 0 ORDER BY ts DESC, stream, record_id
            """), arguments: [profile])
        var scalars: [String: JSONValue] = [:]
        var lists: [String: Set<String>] = [:]
        for row in rows {
            let c = Contribution(json: row["fields"], types: types)
            for (k, v) in c.scalars where scalars[k] == nil { scalars[k] = v }
            for (k, items) in c.lists { lists[k, default: []].formUnion(items) }
        }
        for (k, items) in lists { scalars[k] = .array(items.sorted().map(JSONValue.string)) }
        return scalars
    }

    /// Writes the columns that differ; returns whether anything changed.
    private func write(_ resolved: [String: JSONValue], for id: Int64) throws -> Bool {
        let current = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM profile_view WHERE profile_id = ?"), arguments: [id])
        var names: [String] = [], values: [DatabaseValue] = []
        for name in Set(resolved.keys).union(current.map { Array($0.columnNames) } ?? []).sorted() where name != "profile_id" {
            let type = types[name] ?? .string
            let new = FieldCatalog.databaseValue(resolved[name], type: type)
            let old: DatabaseValue = current?[name] ?? .null
            if new != old { names.append(name); values.append(new) }
        }
        if current == nil {
            let cols = ([("profile_id")] + names.map(FieldCatalog.quote)).joined(separator: ", ")
            let marks = Array(repeating: "?", count: names.count + 1).joined(separator: ", ")
            try db.cachedStatement(sql: "INSERT INTO profile_view (\(cols)) VALUES (\(marks))")
                .execute(arguments: StatementArguments([id.databaseValue] + values))
            try ChangeLog.emit(db, .profileCreated, profile: id, at: now, fields: names)
            return true
        }
        guard !names.isEmpty else { return false }
        let sets = names.map { "\(FieldCatalog.quote($0)) = ?" }.joined(separator: ", ")
        try db.cachedStatement(sql: "UPDATE profile_view SET \(sets) WHERE profile_id = ?")
            .execute(arguments: StatementArguments(values + [id.databaseValue]))
        try db.cachedStatement(sql: "UPDATE profile SET updated_at = ? WHERE id = ?").execute(arguments: [now, id])
        try ChangeLog.emit(db, .profileChanged, profile: id, at: now, fields: names)
        return true
    }
}
