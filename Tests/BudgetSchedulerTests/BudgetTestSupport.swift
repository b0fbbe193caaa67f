import BudgetScheduler
import ConnectorCore
import Foundation

let day: TimeInterval = 86_400
let hour: TimeInterval = 3600

func importing(_ job: String) -> CallPurpose { CallPurpose(job: job, priority: .importing) }
func export(_ job: String) -> CallPurpose { CallPurpose(job: job, priority: .realtimeExport) }
func backfill(_ job: String) -> CallPurpose { CallPurpose(job: job, priority: .backfill) }

/// A scheduler on org "00D1" with a fresh manual clock and in-memory ledger unless given.
func makeScheduler(limit: Int? = nil, reserve: Double = 20, allotments: [String: Int] = [:],
                   clock: ManualWallClock = ManualWallClock(), ledger: InMemoryBudgetLedger = InMemoryBudgetLedger(),
                   configure: (inout BudgetConfiguration) -> Void = { _ in }) throws -> BudgetScheduler {
    var config = BudgetConfiguration(dailyLimit: limit, reservePercent: reserve, allotments: allotments)
    configure(&config)
    return try BudgetScheduler(org: "00D1", ledger: ledger, clock: clock, configuration: config)
}

/// Acquires one call at a time until the budget refuses; returns the calls granted and the error.
func drain(_ s: BudgetScheduler, _ purpose: CallPurpose, max: Int = 100_000) async -> (granted: Int, error: BudgetError?) {
    var granted = 0
    while granted < max {
        do { try await s.acquire(cost: 1, for: purpose) } catch let e as BudgetError { return (granted, e) } catch {
            return (granted, nil)
        }
        granted += 1
    }
    return (granted, nil)
}

/// The budget error `body` throws, or nil.
func budgetError(_ body: () async throws -> Void) async -> BudgetError? {
    do { try await body() } catch let e as BudgetError { return e } catch { return nil }
    return nil
}

/// A ledger whose writes fail, to check that a charge that cannot be persisted is not granted.
final class FailingLedger: BudgetLedger {
    struct Broken: Error, CustomStringConvertible { var description: String { "disk I/O error" } }
    func append(job: String, count: Int, at: Date) throws { throw Broken() }
    func calls(since: Date) throws -> [LedgerEntry] { [] }
    func prune(before: Date) throws {}
}
