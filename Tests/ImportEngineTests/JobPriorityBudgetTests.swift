import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
@testable import SalesforceConnector
import Testing

/// The per-job `priority:` key through the budget: `sfconnect run` charges a job's calls at the
/// class its key names (`RunJob.priority(of:)`), and when calls are scarce the scheduler grants
/// the higher class while the lower one waits.
@Suite struct JobPriorityBudgetTests {
    static func load(_ name: String, _ extra: String, in dir: String) throws -> JobDefinition {
        let file = dir + "/\(name).yaml"
        try "kind: import\nauthorization: simulator\nleads: {}\n\(extra)".write(toFile: file, atomically: true, encoding: .utf8)
        return try JobLoader.load(file: file, now: Date())
    }

    @Test("with calls scarce, an import job with `priority: backfill` is granted while one without the key waits; `priority: realtime` gets the last calls")
    func priorityKeyDecidesWhoWaits() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("job-priority-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plain = try Self.load("plain_leads", "", in: dir)
        let urgent = try Self.load("urgent_leads", "priority: backfill\n", in: dir)
        let live = try Self.load("live_leads", "priority: realtime\n", in: dir)
        #expect(RunJob.priority(of: plain) == .importing)
        #expect(RunJob.priority(of: urgent) == .backfill)
        #expect(RunJob.priority(of: live) == .realtimeExport)

        // Daily limit 1,000, reserve 20 %: budget 800. Imports stop with 10 % of it (80) left,
        // backfills with 5 % (40), real-time export may use all of it.
        let clock = ManualWallClock()
        let s = try BudgetScheduler(org: "00D1", ledger: InMemoryBudgetLedger(), clock: clock,
                                    configuration: BudgetConfiguration(dailyLimit: 1_000, reservePercent: 20))
        func purpose(_ job: JobDefinition) -> CallPurpose { CallPurpose(job: job.name, priority: RunJob.priority(of: job)) }
        try await s.acquire(cost: 700, for: purpose(plain))

        var granted = 0
        while (try? await s.acquire(cost: 1, for: purpose(plain))) != nil { granted += 1 }
        #expect(granted == 20, "the job without priority stops at 720 of 800")
        let waiting = await budgetError { try await s.acquire(cost: 1, for: purpose(plain)) }
        #expect(waiting?.kind == .reservedForHigherPriority, "\(String(describing: waiting))")
        #expect((waiting?.wakeUp).map { $0 > clock.now() } == true, "the waiting job gets a computed wake-up")

        // The same job with `priority: backfill` is still granted calls.
        try await s.acquire(cost: 40, for: purpose(urgent))
        #expect(await budgetError { try await s.acquire(cost: 1, for: purpose(urgent)) }?.kind == .reservedForHigherPriority)
        // `priority: realtime` may spend the rest of the budget, and no more.
        try await s.acquire(cost: 40, for: purpose(live))
        #expect(await budgetError { try await s.acquire(cost: 1, for: purpose(live)) }?.kind == .orgBudgetSpent)
        #expect(await s.status().usedByConnector == 800)
    }

    func budgetError(_ body: () async throws -> Void) async -> BudgetError? {
        do { try await body() } catch let e as BudgetError { return e } catch { return nil }
        return nil
    }
}
