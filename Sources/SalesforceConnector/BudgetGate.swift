import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import Store
import Synchronization

/// The API budget a job runs under: one `BudgetScheduler` per org and store in this process, so
/// the jobs `serve` runs side by side on one org spend one budget (each with its own
/// `max_daily_api_calls` allotment within it) and see each other's calls at once, not only when
/// they next read the ledger back.
enum BudgetGate {
    /// Live schedulers by store path and org. Weak: a budget no session uses any more is
    /// dropped, and the next session reads the persisted ledger back.
    private static let shared = Mutex<[String: WeakBudget]>([:])

    final class WeakBudget: Sendable {
        nonisolated(unsafe) weak var budget: BudgetScheduler?
        init(_ budget: BudgetScheduler) { self.budget = budget }
    }

    /// The org's budget with this job's allotment and the authorization's reserve set.
    /// - Throws: `BudgetError` for an allotment or reserve out of range, or an unreadable ledger.
    static func make(job: JobDefinition, org: String, reservePercent: Int, store: Store, storePath: String,
                     clock: any WallClock) async throws -> BudgetScheduler {
        let key = storePath + "\u{0}" + org
        let budget = try shared.withLock { table -> BudgetScheduler in
            if let live = table[key]?.budget { return live }
            let created = try BudgetScheduler(org: org, ledger: StoreBudgetLedger(store: store, org: org), clock: clock,
                                              configuration: BudgetConfiguration(reservePercent: Double(reservePercent)))
            table = table.filter { $0.value.budget != nil }
            table[key] = WeakBudget(created)
            return created
        }
        try await budget.setReservePercent(Double(reservePercent))
        try await budget.setAllotment(job.maxDailyAPICalls, for: job.name)
        return budget
    }
}
