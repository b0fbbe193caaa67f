import Foundation

/// Every Bulk job of the org, behind a lock. Job Ids use the `750` key prefix.
final class BulkJobRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var queries: [String: BulkQueryJob] = [:]
    private var ingests: [String: BulkIngestJob] = [:]
    private var order: [String] = []
    private var seq = 0
    private var settingsValue = BulkSettings()

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    var settings: BulkSettings {
        get { locked { settingsValue } }
        set { locked { settingsValue = newValue } }
    }

    /// A new job Id, the completion policy and the next injected failure (consumed).
    func nextJob() -> (id: String, policy: BulkCompletionPolicy, failure: BulkInjectedFailure?) {
        locked {
            seq += 1
            let failure = settingsValue.pendingFailures.isEmpty ? nil : settingsValue.pendingFailures.removeFirst()
            return (RecordID.make(prefix: "750", seq: seq), settingsValue.policy, failure)
        }
    }

    func add(_ job: BulkQueryJob) { locked { queries[job.id] = job; order.append(job.id) } }
    func add(_ job: BulkIngestJob) { locked { ingests[job.id] = job; order.append(job.id) } }

    /// Runs `body` on a query job under the lock; nil when there is no such job.
    func withQuery<T>(_ id: String, _ body: (inout BulkQueryJob) throws -> T) rethrows -> T? {
        try locked {
            guard var job = queries[id] else { return nil }
            defer { queries[id] = job }
            return try body(&job)
        }
    }

    func withIngest<T>(_ id: String, _ body: (inout BulkIngestJob) throws -> T) rethrows -> T? {
        try locked {
            guard var job = ingests[id] else { return nil }
            defer { ingests[id] = job }
            return try body(&job)
        }
    }

    func removeQuery(_ id: String) -> Bool { locked { queries.removeValue(forKey: id) != nil } }
    func removeIngest(_ id: String) -> Bool { locked { ingests.removeValue(forKey: id) != nil } }

    func allQueries() -> [BulkQueryJob] { locked { order.compactMap { queries[$0] } } }
    func allIngests() -> [BulkIngestJob] { locked { order.compactMap { ingests[$0] } } }
}
