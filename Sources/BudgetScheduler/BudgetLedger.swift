import Foundation
import Synchronization

/// One charge in the budget ledger: `count` calls spent by `job` at `at`.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public var job: String
    public var at: Date
    public var count: Int

    public init(job: String, at: Date, count: Int) {
        self.job = job
        self.at = at
        self.count = count
    }
}

/// Durable storage for one org's API-call ledger, so that a restart loses no call.
///
/// `BudgetScheduler` appends every granted call before it is sent, reads the last 24 hours
/// back when it starts, and prunes old rows now and then. Implementations: `InMemoryBudgetLedger`
/// (tests, tools) and the Store-backed `StoreBudgetLedger`.
public protocol BudgetLedger: Sendable {
    /// Records `count` calls spent by `job` at `at`.
    /// - Throws: the backing store's error when the row cannot be written.
    func append(job: String, count: Int, at: Date) throws
    /// Every entry with `at >= since`, oldest first.
    /// - Throws: the backing store's error when the rows cannot be read.
    func calls(since: Date) throws -> [LedgerEntry]
    /// Deletes entries older than `before`.
    /// - Throws: the backing store's error when the rows cannot be deleted.
    func prune(before: Date) throws
}

/// A ledger held in memory. Share one instance between two schedulers to model a restart
/// (the second scheduler reads what the first wrote).
public final class InMemoryBudgetLedger: BudgetLedger {
    private let rows = Mutex<[LedgerEntry]>([])

    public init(_ entries: [LedgerEntry] = []) { rows.withLock { $0 = entries } }

    public func append(job: String, count: Int, at: Date) throws {
        rows.withLock { $0.append(LedgerEntry(job: job, at: at, count: count)) }
    }

    public func calls(since: Date) throws -> [LedgerEntry] {
        rows.withLock { $0.filter { $0.at >= since }.sorted { $0.at < $1.at } }
    }

    public func prune(before: Date) throws {
        rows.withLock { $0.removeAll { $0.at < before } }
    }

    /// All rows, for tests.
    public var entries: [LedgerEntry] { rows.withLock { $0 } }
}
