import Foundation
import GRDB

extension Store {
    /// How many outbox entries of `job` are waiting to be sent.
    /// - Throws: ``StoreError`` `.database`.
    public func pendingExportCount(job: String) throws -> Int {
        try read("count the export outbox of \(job)", subject: job) { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM export_outbox WHERE job = ? AND done_at IS NULL",
                             arguments: [job]) ?? 0
        }
    }

    /// Like ``pendingExportCount(job:)`` but stops counting at `limit`: a send loop that only
    /// asks "more than N?" each round does not walk the whole outbox each time.
    /// - Throws: ``StoreError`` `.database`.
    public func pendingExportCount(job: String, upTo limit: Int) throws -> Int {
        try read("count the export outbox of \(job)", subject: job) { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT 1 FROM export_outbox WHERE job = ? AND done_at IS NULL LIMIT ?)
                """, arguments: [job, limit]) ?? 0
        }
    }

    /// The saved position of `consumer`, or nil when it never saved one (an export job that has
    /// not finished enqueueing its backfill).
    /// - Throws: ``StoreError`` `.database`.
    public func savedConsumerPosition(_ consumer: String) throws -> Int64? {
        try read("read the position of \(consumer)", subject: consumer) { db in
            try Int64.fetchOne(db, sql: "SELECT position FROM consumer_cursor WHERE consumer = ?", arguments: [consumer])
        }
    }
}
