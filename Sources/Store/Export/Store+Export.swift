import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// The export state of `profile` in `job`, or nil if never sent.
    /// - Throws: ``StoreError`` `.database`.
    public func exportState(job: String, profileID: Int64) throws -> ExportState? {
        try read("read export state of \(job)", subject: job) { db in
            try Row.fetchOne(db, sql: "SELECT * FROM export_state WHERE job = ? AND profile_id = ?", arguments: [job, profileID])
                .map(Self.exportState(from:))
        }
    }

    /// Every export state of `job`, by profile.
    /// - Throws: ``StoreError`` `.database`.
    public func exportStates(job: String) throws -> [ExportState] {
        try read("read export states of \(job)", subject: job) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM export_state WHERE job = ? ORDER BY profile_id", arguments: [job])
                .map(Self.exportState(from:))
        }
    }

    /// Saves an export state directly (``completeExport(id:state:)`` does it with the outbox).
    /// - Throws: ``StoreError`` `.database`.
    public func setExportState(_ state: ExportState) throws {
        let now = Millis.from(clock.now())
        try write("save export state of \(state.job)", subject: state.job) { db in try Self.save(state, db: db, now: now) }
    }

    /// Writes what must be sent, before sending it. A pending entry for the same (job,
    /// profile) is replaced, so a profile is never sent twice for one change.
    /// - Throws: ``StoreError`` `.database`.
    public func enqueueExports(_ entries: [OutboxEntry]) throws {
        let now = Millis.from(clock.now())
        try write("write the export outbox") { db in
            let s = try db.cachedStatement(sql: """
                INSERT INTO export_outbox (job, profile_id, operation, payload, audiences, trigger_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (job, profile_id) WHERE done_at IS NULL DO UPDATE SET operation = excluded.operation,
                  payload = excluded.payload, audiences = excluded.audiences, trigger_hash = excluded.trigger_hash
                """)
            for e in entries {
                try s.execute(arguments: [e.job, e.profileID, e.operation, JSONText.encode(e.payload, sortedKeys: true),
                                          Self.list(e.audiences), e.triggerHash, now])
            }
        }
    }

    /// Entries of `job` not yet marked done, oldest first (after a crash: what to replay).
    /// - Throws: ``StoreError`` `.database`.
    public func pendingExports(job: String, limit: Int = 200) throws -> [OutboxEntry] {
        try read("read the export outbox of \(job)", subject: job) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM export_outbox WHERE job = ? AND done_at IS NULL ORDER BY id LIMIT ?",
                             arguments: [job, limit]).map { r in
                OutboxEntry(id: r["id"], job: r["job"], profileID: r["profile_id"], operation: r["operation"],
                            payload: Self.object(r["payload"]), audiences: Self.strings(r["audiences"]),
                            triggerHash: r["trigger_hash"], createdAt: Millis.date(r["created_at"] as Int64))
            }
        }
    }

    /// Marks an outbox entry done and saves the profile's export state, in one transaction.
    /// Returns false (and changes nothing) when the entry was already done: replay is idempotent.
    /// - Throws: ``StoreError`` `.notFound` for an unknown entry, `.database`.
    @discardableResult
    public func completeExport(id: Int64, state: ExportState) throws -> Bool {
        let now = Millis.from(clock.now())
        return try write("complete an export of \(state.job)", subject: state.job) { db in
            guard let done = try Row.fetchOne(db, sql: "SELECT done_at FROM export_outbox WHERE id = ?", arguments: [id]) else {
                throw StoreError(.notFound, subject: state.job, "There is no outbox entry \(id) in job \(state.job); read entries with pendingExports(job:).")
            }
            guard (done["done_at"] as Int64?) == nil else { return false }
            try db.execute(sql: "UPDATE export_outbox SET done_at = ? WHERE id = ?", arguments: [now, id])
            try Self.save(state, db: db, now: now)
            return true
        }
    }

    static func save(_ s: ExportState, db: Database, now: Int64) throws {
        try db.execute(sql: """
            INSERT INTO export_state (job, profile_id, audiences, trigger_hash, salesforce_id, status, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job, profile_id) DO UPDATE SET audiences = excluded.audiences, trigger_hash = excluded.trigger_hash,
              salesforce_id = excluded.salesforce_id, status = excluded.status, updated_at = excluded.updated_at
            """, arguments: [s.job, s.profileID, list(s.audiences), s.triggerHash, s.salesforceID, s.status.rawValue, now])
    }

    static func exportState(from r: Row) -> ExportState {
        ExportState(job: r["job"], profileID: r["profile_id"], audiences: strings(r["audiences"]), triggerHash: r["trigger_hash"],
                    salesforceID: r["salesforce_id"], status: ExportState.Status(rawValue: r["status"]),
                    updatedAt: Millis.date(r["updated_at"] as Int64))
    }

    static func list(_ items: [String]) -> String { JSONText.encode(.array(items.map(JSONValue.string))) }
    static func strings(_ text: String) -> [String] { (try? JSONText.decode(text))?.arrayValue?.compactMap(\.stringValue) ?? [] }
    static func object(_ text: String) -> [String: JSONValue] { (try? JSONText.decode(text))?.objectValue ?? [:] }
}
