import ConnectorCore
import GRDB

/// Applies source records to profiles inside one write transaction: identity lookup, merges,
/// per-source contributions; ``finish()`` then re-resolves only the profiles touched.
struct ProfileUpdater {
    let db: Database
    let now: Int64
    var types: [String: FieldType]
    var dirty: Set<Int64> = []

    init(db: Database, now: Int64) throws {
        self.db = db
        self.now = now
        types = try FieldCatalog.load(db)
    }

    mutating func register(_ mapping: [FieldMapping]) throws {
        try FieldCatalog.register(mapping, into: &types, db: db)
    }

    private struct Source { var profile: Int64?; var ts: Int64; var deleted: Bool; var fields: String }

    mutating func apply(stream: String, record: StreamRecord, contribution c: Contribution) throws {
        let ts = Millis.from(record.timestamp)
        let existing = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT profile_id, ts, deleted, fields FROM profile_source WHERE stream = ? AND record_id = ?
            """), arguments: [stream, record.id]).map {
            Source(profile: $0["profile_id"], ts: $0["ts"], deleted: $0["deleted"], fields: $0["fields"])
        }
        if let e = existing, ts < e.ts, e.deleted || record.isDeleted { return }   // stale next to a tombstone
        if record.isDeleted {
            try saveSource(stream, record.id, profile: existing?.profile, ts: ts, deleted: true, fields: "{}")
            if let p = existing?.profile { dirty.insert(p) }
            return
        }
        var profiles = Set<Int64>()
        if let p = existing?.profile { profiles.insert(p) }
        var missing: [IdentityKey] = []
        let lookup = try db.cachedStatement(sql: "SELECT profile_id FROM identity WHERE kind = ? AND value = ?")
        for key in c.ids {
            if let p = try Int64.fetchOne(lookup, arguments: [key.kind, key.value]) { profiles.insert(p) } else { missing.append(key) }
        }
        let old = existing.flatMap { $0.deleted ? nil : Contribution(json: $0.fields, types: types) } ?? Contribution()
        let folded = c.folded(onto: old, newer: existing.map { ts >= $0.ts } ?? true)
        var target: Int64?
        if let survivor = profiles.min() {
            target = survivor
            for absorbed in profiles.sorted() where absorbed != survivor {
                try merge(absorbed, into: survivor, stream: stream, recordID: record.id)
            }
        } else if !c.ids.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO profile (created_at, updated_at) VALUES (?, ?)").execute(arguments: [now, now])
            target = db.lastInsertedRowID
        }
        if let target {
            let add = try db.cachedStatement(sql: """
                INSERT INTO identity (kind, value, profile_id) VALUES (?, ?, ?) ON CONFLICT (kind, value) DO NOTHING
                """)
            for key in missing { try add.execute(arguments: [key.kind, key.value, target]) }
            dirty.insert(target)
        }
        try saveSource(stream, record.id, profile: target, ts: max(ts, existing?.ts ?? ts), deleted: false, fields: folded.json)
    }

    private func saveSource(_ stream: String, _ id: String, profile: Int64?, ts: Int64, deleted: Bool, fields: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO profile_source (stream, record_id, profile_id, ts, deleted, fields) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (stream, record_id) DO UPDATE SET profile_id = excluded.profile_id, ts = excluded.ts,
              deleted = excluded.deleted, fields = excluded.fields
            """).execute(arguments: [stream, id, profile, ts, deleted, fields])
    }

    /// Joins `absorbed` into `survivor` for good: identities and sources move, the absorbed
    /// profile leaves its audiences (exits in the feed), and the merge is recorded.
    private mutating func merge(_ absorbed: Int64, into survivor: Int64, stream: String, recordID: String) throws {
        try db.execute(sql: "UPDATE identity SET profile_id = ? WHERE profile_id = ?", arguments: [survivor, absorbed])
        try db.execute(sql: "UPDATE profile_source SET profile_id = ? WHERE profile_id = ?", arguments: [survivor, absorbed])
        try db.execute(sql: "UPDATE profile SET merged_into = ?, updated_at = ? WHERE id = ? OR merged_into = ?",
                       arguments: [survivor, now, absorbed, absorbed])
        try db.execute(sql: "INSERT INTO profile_merge (survivor, absorbed, at, stream, record_id) VALUES (?, ?, ?, ?, ?)",
                       arguments: [survivor, absorbed, now, stream, recordID])
        try db.execute(sql: "UPDATE profile_merge SET survivor = ? WHERE survivor = ?", arguments: [survivor, absorbed])
        let audiences = try String.fetchAll(db, sql: "SELECT audience FROM audience_member WHERE profile_id = ? ORDER BY audience",
                                            arguments: [absorbed])
        try db.execute(sql: "DELETE FROM audience_member WHERE profile_id = ?", arguments: [absorbed])
        for a in audiences { try ChangeLog.emit(db, .audienceExited, profile: absorbed, at: now, audience: a) }
        try db.execute(sql: "DELETE FROM profile_view WHERE profile_id = ?", arguments: [absorbed])
        try ChangeLog.emit(db, .profileMerged, profile: survivor, at: now, other: absorbed)
        dirty.remove(absorbed)
        dirty.insert(survivor)
    }
}
