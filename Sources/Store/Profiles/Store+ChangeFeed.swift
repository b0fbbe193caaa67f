import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// Up to `limit` change-feed entries with a sequence above `after`, in order.
    /// - Throws: ``StoreError`` `.database`.
    public func changes(after: Int64, limit: Int = 1000) throws -> [ChangeEvent] {
        try read("read the change feed") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM change WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [after, limit]).map { r in
                var fields: [String] = []
                if let text = r["fields"] as String?, case .array(let a)? = try? JSONText.decode(text) {
                    fields = a.compactMap(\.stringValue)
                }
                return ChangeEvent(sequence: r["seq"], at: Millis.date(r["at"] as Int64), kind: ChangeEvent.Kind(rawValue: r["kind"]),
                                   profileID: r["profile_id"], audience: r["audience"], otherProfileID: r["other_profile"],
                                   fields: fields)
            }
        }
    }

    /// The highest sequence in the change feed (0 when empty).
    /// - Throws: ``StoreError`` `.database`.
    public func latestChangeSequence() throws -> Int64 {
        try read("read the change feed") { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM change") ?? 0 }
    }

    /// The saved position of `consumer` (0 before its first save).
    /// - Throws: ``StoreError`` `.database`.
    public func consumerPosition(_ consumer: String) throws -> Int64 {
        try read("read the position of \(consumer)", subject: consumer) { db in
            try Int64.fetchOne(db, sql: "SELECT position FROM consumer_cursor WHERE consumer = ?", arguments: [consumer]) ?? 0
        }
    }

    /// Saves the last sequence `consumer` handled; it never moves backwards.
    /// - Throws: ``StoreError`` `.database`.
    public func saveConsumerPosition(_ consumer: String, position: Int64) throws {
        let now = Millis.from(clock.now())
        try write("save the position of \(consumer)", subject: consumer) { db in
            try db.execute(sql: """
                INSERT INTO consumer_cursor (consumer, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (consumer) DO UPDATE SET position = MAX(consumer_cursor.position, excluded.position),
                  updated_at = excluded.updated_at
                """, arguments: [consumer, position, now])
        }
    }
}
