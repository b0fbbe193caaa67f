import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// Saves a checkpoint on its own (a page's checkpoint goes with the page through
    /// ``appendPage(stream:object:records:mapping:checkpoint:)``).
    /// - Throws: ``StoreError`` `.database`.
    public func saveCheckpoint(_ checkpoint: Checkpoint) throws {
        let now = Millis.from(clock.now())
        try write("save the checkpoint of \(checkpoint.job)/\(checkpoint.object)", subject: checkpoint.job) { db in
            try Self.save(checkpoint, db: db, now: now)
        }
    }

    /// The checkpoint of `job` on `object`, or nil before its first page.
    /// - Throws: ``StoreError`` `.database`.
    public func checkpoint(job: String, object: String) throws -> Checkpoint? {
        try read("read the checkpoint of \(job)/\(object)", subject: job) { db in
            try Row.fetchOne(db, sql: "SELECT * FROM checkpoint WHERE job = ? AND object = ?", arguments: [job, object])
                .map(Self.checkpoint(from:))
        }
    }

    /// Every checkpoint of `job`, by object.
    /// - Throws: ``StoreError`` `.database`.
    public func checkpoints(job: String) throws -> [Checkpoint] {
        try read("read the checkpoints of \(job)", subject: job) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM checkpoint WHERE job = ? ORDER BY object", arguments: [job])
                .map(Self.checkpoint(from:))
        }
    }

    /// Removes the checkpoints of `job` (the next run starts from the beginning).
    /// - Throws: ``StoreError`` `.database`.
    public func resetCheckpoints(job: String) throws {
        try write("reset the checkpoints of \(job)", subject: job) { db in
            try db.execute(sql: "DELETE FROM checkpoint WHERE job = ?", arguments: [job])
        }
    }

    static func save(_ c: Checkpoint, db: Database, now: Int64) throws {
        try db.execute(sql: """
            INSERT INTO checkpoint (job, object, ts, last_id, window_upper, phase, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job, object) DO UPDATE SET ts = excluded.ts, last_id = excluded.last_id,
              window_upper = excluded.window_upper, phase = excluded.phase, updated_at = excluded.updated_at
            """, arguments: [c.job, c.object, Millis.fromIfAny(c.timestamp), c.lastID, Millis.fromIfAny(c.windowUpperBound),
                             c.phase.rawValue, now])
    }

    static func checkpoint(from row: Row) -> Checkpoint {
        Checkpoint(job: row["job"], object: row["object"], timestamp: Millis.dateIfAny(row["ts"] as Int64?),
                   lastID: row["last_id"], windowUpperBound: Millis.dateIfAny(row["window_upper"] as Int64?),
                   phase: Checkpoint.Phase(rawValue: row["phase"]), updatedAt: Millis.dateIfAny(row["updated_at"] as Int64?))
    }
}
