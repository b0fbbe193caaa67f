import BudgetScheduler
import ConnectorCore
import Foundation
import Testing

@Suite("Budget ledger")
struct BudgetLedgerTests {
    @Test("the ledger carries spent calls across a restart, with the same wake-up time")
    func restartInMemory() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let ledger = InMemoryBudgetLedger()
        let first = try makeScheduler(limit: 1000, allotments: ["leads": 10], clock: clock, ledger: ledger)
        try await first.acquire(cost: 6, for: importing("leads"))
        clock.advance(by: hour)
        try await first.acquire(cost: 4, for: importing("leads"))

        clock.advance(by: hour)
        let second = try makeScheduler(limit: 1000, allotments: ["leads": 10], clock: clock, ledger: ledger)
        let e = await budgetError { try await second.acquire(cost: 1, for: importing("leads")) }
        #expect(e?.kind == .jobAllotmentSpent)
        #expect(e?.wakeUp == t0 + day)
        #expect(await second.status().usedByConnector == 10)
    }

    @Test("rows older than the window are not read back and are pruned")
    func prunes() async throws {
        let clock = ManualWallClock()
        let ledger = InMemoryBudgetLedger()
        let s = try makeScheduler(limit: 1000, clock: clock, ledger: ledger)
        try await s.acquire(cost: 3, for: importing("a"))
        clock.advance(by: day + hour)
        let reopened = try makeScheduler(limit: 1000, clock: clock, ledger: ledger)
        #expect(await reopened.status().usedByConnector == 0)
        try await reopened.acquire(cost: 2, for: importing("a"))
        #expect(ledger.entries == [LedgerEntry(job: "a", at: clock.now(), count: 2)])
    }

    @Test("a ledger that cannot be read fails the start with the storage error")
    func unreadable() {
        struct Unreadable: BudgetLedger {
            struct Locked: Error, CustomStringConvertible { var description: String { "database is locked" } }
            func append(job: String, count: Int, at: Date) throws {}
            func calls(since: Date) throws -> [LedgerEntry] { throw Locked() }
            func prune(before: Date) throws {}
        }
        #expect(throws: BudgetError.self) {
            _ = try BudgetScheduler(org: "00D1", ledger: Unreadable(), clock: ManualWallClock())
        }
        do { _ = try BudgetScheduler(org: "00D1", ledger: Unreadable(), clock: ManualWallClock()) } catch {
            #expect("\(error)".contains("could not be used (database is locked)"))
        }
    }
}
