import Foundation
import Store

/// The ledger of one org in the embedded store (`api_call` table), so that a restart reads the
/// last 24 hours back. The store keeps times to the millisecond.
public struct StoreBudgetLedger: BudgetLedger {
    public let store: Store
    public let org: String

    public init(store: Store, org: String) {
        self.store = store
        self.org = org
    }

    /// - Throws: `StoreError` from the store.
    public func append(job: String, count: Int, at: Date) throws {
        try store.recordAPICalls(org: org, job: job, count: count, at: at)
    }

    /// - Throws: `StoreError` from the store.
    public func calls(since: Date) throws -> [LedgerEntry] {
        try store.apiCalls(org: org, since: since).map { LedgerEntry(job: $0.job, at: $0.at, count: $0.count) }
    }

    /// Prunes every org's old rows (they are outside every window).
    /// - Throws: `StoreError` from the store.
    public func prune(before: Date) throws { try store.pruneAPICalls(before: before) }
}
