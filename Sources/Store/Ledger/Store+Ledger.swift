import Foundation
import GRDB

extension Store {
    /// Adds `count` calls spent by `job` on `org` at `at` to the persisted ledger.
    /// - Throws: ``StoreError`` `.invalidInput` for a negative count, `.database`.
    public func recordAPICalls(org: String, job: String, count: Int, at: Date) throws {
        guard count >= 0 else { throw StoreError(.invalidInput, subject: job, "A call count cannot be negative (\(count)).") }
        guard count > 0 else { return }
        try write("record API calls of \(job)", subject: job) { db in
            try db.cachedStatement(sql: "INSERT INTO api_call (org, job, at, count) VALUES (?, ?, ?, ?)")
                .execute(arguments: [org, job, count == 0 ? 0 : Millis.from(at), count])
        }
    }

    /// The ledger entries of `org` at or after `since`, oldest first.
    /// - Throws: ``StoreError`` `.database`.
    public func apiCalls(org: String, since: Date) throws -> [APICallEntry] {
        try read("read the API ledger of \(org)", subject: org) { db in
            try Row.fetchAll(db, sql: "SELECT job, at, count FROM api_call WHERE org = ? AND at >= ? ORDER BY at, id",
                             arguments: [org, Millis.from(since)]).map {
                APICallEntry(job: $0["job"], at: Millis.date($0["at"] as Int64), count: $0["count"])
            }
        }
    }

    /// Drops ledger entries older than `before` (every org).
    /// - Throws: ``StoreError`` `.database`.
    public func pruneAPICalls(before: Date) throws {
        try write("prune the API ledger") { db in
            try db.execute(sql: "DELETE FROM api_call WHERE at < ?", arguments: [Millis.from(before)])
        }
    }

    /// Saves `job`'s state (and until when it is paused, for `.paused`).
    /// - Throws: ``StoreError`` `.database`.
    public func setJobState(job: String, state: JobState, pausedUntil: Date? = nil) throws {
        let now = Millis.from(clock.now())
        try write("save the state of \(job)", subject: job) { db in
            try db.execute(sql: """
                INSERT INTO job_state (job, state, paused_until, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (job) DO UPDATE SET state = excluded.state, paused_until = excluded.paused_until,
                  updated_at = excluded.updated_at
                """, arguments: [job, state.rawValue, Millis.fromIfAny(pausedUntil), now])
        }
    }

    /// `job`'s saved state, or nil if it never ran.
    /// - Throws: ``StoreError`` `.database`.
    public func jobState(job: String) throws -> JobStatus? {
        try jobStates().first { $0.job == job }
    }

    /// Every job's saved state, by job.
    /// - Throws: ``StoreError`` `.database`.
    public func jobStates() throws -> [JobStatus] {
        try read("read job states") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM job_state ORDER BY job").map {
                JobStatus(job: $0["job"], state: JobState(rawValue: $0["state"]),
                          pausedUntil: Millis.dateIfAny($0["paused_until"] as Int64?), updatedAt: Millis.date($0["updated_at"] as Int64))
            }
        }
    }
}
