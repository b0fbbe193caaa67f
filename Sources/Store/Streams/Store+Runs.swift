import Foundation
import GRDB

extension Store {
    /// Records the start of a run and returns it with its id.
    /// - Throws: ``StoreError`` `.database`.
    public func startRun(job: String, at: Date) throws -> RunRecord {
        try write("record the start of a run of \(job)", subject: job) { db in
            try db.execute(sql: "INSERT INTO run (job, started_at, state) VALUES (?, ?, ?)",
                           arguments: [job, Millis.from(at), RunRecord.State.running.rawValue])
            return RunRecord(id: db.lastInsertedRowID, job: job, startedAt: at)
        }
    }

    /// Saves a run's counters, end and state (call with the run from ``startRun(job:at:)``).
    /// - Throws: ``StoreError`` `.notFound` for an unknown run id, `.database`.
    public func finishRun(_ run: RunRecord) throws {
        try write("record the end of a run of \(run.job)", subject: run.job) { db in
            try db.execute(sql: """
                UPDATE run SET ended_at = ?, records = ?, api_calls = ?, warnings = ?, errors = ?, state = ?, message = ?
                WHERE id = ?
                """, arguments: [Millis.fromIfAny(run.endedAt), run.records, run.apiCalls, run.warnings, run.errors,
                                 run.state.rawValue, run.message, run.id])
            guard db.changesCount == 1 else {
                throw StoreError(.notFound, subject: run.job, "There is no run \(run.id) of \(run.job); start runs with startRun(job:at:).")
            }
        }
    }

    /// The latest runs of `job` (all jobs when nil), newest first.
    /// - Throws: ``StoreError`` `.database`.
    public func runs(job: String? = nil, limit: Int = 20) throws -> [RunRecord] {
        try read("read runs") { db in
            let rows = job == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit])
                : try Row.fetchAll(db, sql: "SELECT * FROM run WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT ?",
                                   arguments: [job, limit])
            return rows.map { r in
                RunRecord(id: r["id"], job: r["job"], startedAt: Millis.date(r["started_at"] as Int64),
                          endedAt: Millis.dateIfAny(r["ended_at"] as Int64?), records: r["records"], apiCalls: r["api_calls"],
                          warnings: r["warnings"], errors: r["errors"], state: RunRecord.State(rawValue: r["state"]),
                          message: r["message"])
            }
        }
    }
}
