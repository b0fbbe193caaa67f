import BudgetScheduler
import ConnectorCore
import Foundation
import Testing

@Suite("Budget org limits")
struct BudgetOrgTests {
    @Test("calls stop at daily limit × (1 − reserve_percent)")
    func reserve() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(limit: 1000, reserve: 20, clock: clock)
        let r = await drain(s, export("x"))
        #expect(r.granted == 800)
        #expect(r.error?.kind == .orgBudgetSpent)
        #expect(r.error?.wakeUp == t0 + day)
        #expect(r.error?.description.contains("[800/800 calls in the last 24 hours]") == true)

        try await s.setReservePercent(50)
        let status = await s.status()
        #expect(status.orgBudget == 500 && status.orgRemaining == 0 && status.salesforceRemaining == 200)
    }

    @Test("the default reserve is 20 percent")
    func defaultReserve() async throws {
        let s = try BudgetScheduler(org: "00D1", ledger: InMemoryBudgetLedger(), clock: ManualWallClock(),
                                    configuration: BudgetConfiguration(dailyLimit: 15_000))
        #expect(await s.status().orgBudget == 12_000)
    }

    @Test("high usage by other integrations tightens the budget, and a probe refreshes it")
    func externalUsage() async throws {
        let clock = ManualWallClock()
        let s = try makeScheduler(limit: 1000, reserve: 20, clock: clock)
        try await s.acquire(cost: 50, for: export("x"))
        await s.observe(APIUsage(used: 750, max: 1000))     // 700 by others
        let seen = clock.now()
        let r = await drain(s, export("x"))
        #expect(r.granted == 50)
        #expect(r.error?.kind == .orgBudgetSpent)
        // Our calls alone would free the org only in 24 hours; others' usage is re-checked sooner.
        #expect(r.error?.wakeUp == seen + 1800)
        #expect(await s.status().usedByOthers == 700)

        clock.set(seen + 1800)
        try await s.acquire(cost: 1, for: export("x"))       // the probe
        #expect(await budgetError { try await s.acquire(cost: 1, for: export("x")) }?.wakeUp == seen + 3600)
        await s.observe(APIUsage(used: 401, max: 1000))     // others' calls aged out: 300 left
        #expect(await drain(s, export("x")).granted == 399)
    }

    @Test("a lower daily limit reported by Salesforce replaces the configured one")
    func observedLimitWins() async throws {
        let s = try makeScheduler(limit: 100_000)
        await s.observe(APIUsage(used: 0, max: 1000))
        #expect(await drain(s, export("x")).granted == 800)
    }

    @Test("REQUEST_LIMIT_EXCEEDED pauses every job on the org until the computed wake-up")
    func limitExceeded() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(limit: 1000, reserve: 0, clock: clock)
        for _ in 0..<10 {
            try await s.acquire(cost: 100, for: export("a"))
            clock.advance(by: hour)
        }
        // Our ledger says 1000 of 1000; Salesforce agrees. The first of our calls ages out at t0 + 24 h.
        await s.observeLimitExceeded(for: export("a"))
        for job in [export("a"), importing("b")] {
            let e = try #require(await budgetError { try await s.acquire(cost: 1, for: job) })
            #expect(e.kind == .requestLimitExceeded)
            #expect(e.wakeUp == t0 + day)
            #expect(e.disposition == .stopForBudget(until: t0 + day))
            #expect(e.description.contains("Salesforce answered REQUEST_LIMIT_EXCEEDED for org 00D1"))
        }
        #expect(await s.status().orgPausedUntil == t0 + day)
        clock.set(t0 + day)
        try await s.acquire(cost: 100, for: export("a"))
        #expect(await budgetError { try await s.acquire(cost: 1, for: export("a")) }?.kind == .orgBudgetSpent)
    }

    @Test("REQUEST_LIMIT_EXCEEDED while others hold the calls pauses until a probe")
    func limitExceededByOthers() async throws {
        let clock = ManualWallClock()
        let s = try makeScheduler(limit: 1000, reserve: 20, clock: clock)
        try await s.acquire(cost: 10, for: importing("a"))
        await s.observeLimitExceeded(for: importing("a"))
        let at = clock.now()
        #expect(await budgetError { try await s.acquire(cost: 1, for: importing("a")) }?.wakeUp == at + 1800)
        clock.set(at + 1800)
        try await s.acquire(cost: 1, for: importing("a"))    // one probe
        let e = await budgetError { try await s.acquire(cost: 1, for: importing("a")) }
        #expect(e?.kind == .orgBudgetSpent && e?.wakeUp == at + 3600)
    }

    @Test("REQUEST_LIMIT_EXCEEDED before any daily limit is known pauses for the probe interval")
    func limitExceededUnknownLimit() async throws {
        let clock = ManualWallClock()
        let s = try makeScheduler(clock: clock) { $0.probeInterval = 600 }
        await s.observeLimitExceeded(for: importing("a"))
        let e = await budgetError { try await s.acquire(cost: 1, for: importing("a")) }
        #expect(e?.kind == .requestLimitExceeded && e?.wakeUp == clock.now() + 600)
        clock.advance(by: 600)
        try await s.acquire(cost: 1, for: importing("a"))
    }
}
