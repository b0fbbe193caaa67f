import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// Keeps a record Salesforce refused, with its error code and message.
    /// - Throws: ``StoreError`` `.database`.
    @discardableResult
    public func recordRejected(job: String, profileID: Int64, errorCode: String, message: String,
                               payload: [String: JSONValue], at: Date) throws -> Int64 {
        try write("keep a rejected record of \(job)", subject: job) { db in
            try db.execute(sql: """
                INSERT INTO rejected_record (job, profile_id, error_code, message, payload, at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [job, profileID, errorCode, message, JSONText.encode(payload, sortedKeys: true), Millis.from(at)])
            return db.lastInsertedRowID
        }
    }

    /// The rejected records of `job`, oldest first.
    /// - Throws: ``StoreError`` `.database`.
    public func rejectedRecords(job: String) throws -> [RejectedRecord] {
        try fetchRejected(job: job, onlyRetry: false)
    }

    /// The rejected records of `job` marked for retry.
    /// - Throws: ``StoreError`` `.database`.
    public func rejectedForRetry(job: String) throws -> [RejectedRecord] {
        try fetchRejected(job: job, onlyRetry: true)
    }

    /// Marks every rejected record of `job` for retry; returns how many.
    /// - Throws: ``StoreError`` `.database`.
    @discardableResult
    public func markRejectedForRetry(job: String) throws -> Int {
        try write("mark rejected records of \(job) for retry", subject: job) { db in
            try db.execute(sql: "UPDATE rejected_record SET retry_requested = 1 WHERE job = ? AND retry_requested = 0",
                           arguments: [job])
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rejected_record WHERE job = ? AND retry_requested = 1",
                                    arguments: [job]) ?? 0
        }
    }

    /// Forgets rejected records (after a retry succeeded or was rejected again and re-recorded).
    /// - Throws: ``StoreError`` `.database`.
    public func clearRejected(ids: [Int64]) throws {
        try write("clear rejected records") { db in
            for id in ids { try db.execute(sql: "DELETE FROM rejected_record WHERE id = ?", arguments: [id]) }
        }
    }

    private func fetchRejected(job: String, onlyRetry: Bool) throws -> [RejectedRecord] {
        try read("read rejected records of \(job)", subject: job) { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM rejected_record WHERE job = ? AND (? = 0 OR retry_requested = 1) ORDER BY at, id
                """, arguments: [job, onlyRetry]).map { r in
                RejectedRecord(id: r["id"], job: r["job"], profileID: r["profile_id"], errorCode: r["error_code"],
                               message: r["message"], payload: Self.object(r["payload"]), at: Millis.date(r["at"] as Int64),
                               retryRequested: r["retry_requested"])
            }
        }
    }
}
