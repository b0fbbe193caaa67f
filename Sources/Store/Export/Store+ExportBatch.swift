import ConnectorCore
import Foundation
import GRDB

extension Store {
    /// Marks many outbox entries done and saves their export states, in one transaction (what
    /// ``completeExport(id:state:)`` does for one). Entries already done are left as they are.
    /// Returns how many were completed now.
    /// - Throws: ``StoreError`` `.notFound` for an unknown entry (nothing is saved then), `.database`.
    @discardableResult
    public func completeExports(_ items: [(id: Int64, state: ExportState)]) throws -> Int {
        guard let first = items.first else { return 0 }
        let now = Millis.from(clock.now())
        return try write("complete exports of \(first.state.job)", subject: first.state.job) { db in
            var completed = 0
            for (id, state) in items {
                guard let done = try Row.fetchOne(db, sql: "SELECT done_at FROM export_outbox WHERE id = ?", arguments: [id]) else {
                    throw StoreError(.notFound, subject: state.job, "There is no outbox entry \(id) in job \(state.job); read entries with pendingExports(job:).")
                }
                guard (done["done_at"] as Int64?) == nil else { continue }
                try db.execute(sql: "UPDATE export_outbox SET done_at = ? WHERE id = ?", arguments: [now, id])
                try Self.save(state, db: db, now: now)
                completed += 1
            }
            return completed
        }
    }
}

extension Store {
    /// The export states of `profileIDs` in `job` that exist, by profile id.
    /// - Throws: ``StoreError`` `.database`.
    public func exportStates(job: String, profileIDs: [Int64]) throws -> [Int64: ExportState] {
        guard !profileIDs.isEmpty else { return [:] }
        return try read("read export states of \(job)", subject: job) { db in
            var out: [Int64: ExportState] = [:]
            var start = 0
            while start < profileIDs.count {
                let chunk = Array(profileIDs[start..<min(profileIDs.count, start + 500)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM export_state WHERE job = ? AND profile_id IN (\(marks))",
                                            arguments: StatementArguments([job] + chunk.map { $0 as any DatabaseValueConvertible }))
                for row in rows {
                    let state = Self.exportState(from: row)
                    out[state.profileID] = state
                }
                start += chunk.count
            }
            return out
        }
    }
}
