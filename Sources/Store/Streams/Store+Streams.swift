import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// Appends one page of records to `stream` and, in the same transaction, saves `checkpoint`
    /// and updates the profiles the records feed (by `mapping`), audiences and the change feed.
    /// A record version already stored (same stream, Id and timestamp) is skipped.
    /// - Throws: ``StoreError`` `.database`, `.invalidInput` (a user field that is not a plain name);
    ///   nothing of the page is kept then.
    @discardableResult
    public func appendPage(stream: String, object: String?, records: [StreamRecord], mapping: [FieldMapping],
                           checkpoint: Checkpoint? = nil) throws -> AppendResult {
        guard !stream.isEmpty else { throw StoreError(.invalidInput, "A stream needs a name; name it in the mapping's stream: key.") }
        let now = Millis.from(clock.now())
        return try write("append a page to stream \(stream)", subject: stream) { db in
            var updater = try ProfileUpdater(db: db, now: now)
            try updater.register(mapping)
            let insert = try db.cachedStatement(sql: """
                INSERT INTO stream_record (stream, record_id, ts, deleted, fields, imported_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (stream, record_id, ts) DO NOTHING
                """)
            var stored = 0
            for r in records {
                try insert.execute(arguments: [stream, r.id, Millis.from(r.timestamp), r.isDeleted,
                                               JSONText.encode(r.fields), now])
                guard db.changesCount > 0 else { continue }
                stored += 1
                guard !mapping.isEmpty else { continue }
                let c = r.isDeleted ? Contribution() : FieldExtractor.contribution(of: r, mapping: mapping, importedAt: now)
                try updater.apply(stream: stream, record: r, contribution: c)
            }
            try db.execute(sql: """
                INSERT INTO stream (name, object, record_count, last_import) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET record_count = record_count + excluded.record_count,
                  last_import = excluded.last_import, object = COALESCE(excluded.object, stream.object)
                """, arguments: [stream, object, stored, now])
            if let checkpoint { try Self.save(checkpoint, db: db, now: now) }
            let changed = try updater.finish()
            let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM change") ?? 0
            return AppendResult(stored: stored, duplicates: records.count - stored, profilesChanged: changed, lastChange: last)
        }
    }

    /// Every stream with its record count and last import, by name.
    /// - Throws: ``StoreError`` `.database`.
    public func streams() throws -> [StreamSummary] {
        try read("list streams") { db in
            try Row.fetchAll(db, sql: "SELECT name, object, record_count, last_import FROM stream ORDER BY name").map {
                StreamSummary(name: $0["name"], object: $0["object"], recordCount: $0["record_count"],
                              lastImport: Millis.dateIfAny($0["last_import"] as Int64?))
            }
        }
    }

    /// Up to `limit` record versions of `stream` in arrival order, after sequence `after`.
    /// - Throws: ``StoreError`` `.notFound` for an unknown stream, `.database`.
    public func readStream(_ name: String, after: Int64 = 0, limit: Int = 1000) throws -> [StoredRecord] {
        try read("read stream \(name)", subject: name) { db in
            if after == 0, try Int.fetchOne(db, sql: "SELECT 1 FROM stream WHERE name = ?", arguments: [name]) == nil {
                let known = try String.fetchAll(db, sql: "SELECT name FROM stream ORDER BY name")
                let list = known.isEmpty ? "the store has none yet" : "known: " + known.joined(separator: ", ")
                throw StoreError(.notFound, subject: name, "There is no stream named '\(name)' (\(list)); run `sfconnect streams list`.")
            }
            return try Row.fetchAll(db, sql: """
                SELECT seq, record_id, ts, deleted, fields, imported_at FROM stream_record
                WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?
                """, arguments: [name, after, limit]).map { row in
                let text: String = row["fields"]
                let fields = (try? JSONText.decode(text))?.objectValue ?? [:]
                let record = StreamRecord(id: row["record_id"], timestamp: Millis.date(row["ts"] as Int64),
                                          isDeleted: row["deleted"], fields: fields)
                return StoredRecord(sequence: row["seq"], stream: name, record: record,
                                    importedAt: Millis.date(row["imported_at"] as Int64))
            }
        }
    }

    /// Whether this exact record version (stream, Id, timestamp) is stored.
    /// - Throws: ``StoreError`` `.database`.
    public func contains(stream: String, id: String, timestamp: Date) throws -> Bool {
        try read("look up a record version", subject: stream) { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM stream_record WHERE stream = ? AND record_id = ? AND ts = ?",
                             arguments: [stream, id, Millis.from(timestamp)]) != nil
        }
    }
}
