import BudgetScheduler
import ConnectorCore
import Foundation
import Testing

@Suite("Budget status")
struct BudgetStatusTests {
    @Test("status reports per-job use, allotment, pause and the org's remaining calls")
    func snapshot() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(limit: 1000, reserve: 20, allotments: ["leads": 5, "idle": 50], clock: clock)
        try await s.acquire(cost: 5, for: importing("leads"))
        try await s.acquire(cost: 95, for: export("audiences"))
        await s.observe(APIUsage(used: 300, max: 1000))
        _ = await budgetError { try await s.acquire(cost: 1, for: importing("leads")) }

        let st = await s.status()
        #expect(st.org == "00D1" && st.at == t0)
        #expect(st.dailyLimit == 1000 && st.orgBudget == 800 && st.reservePercent == 20)
        #expect(st.usedByConnector == 100 && st.usedByOthers == 200)
        #expect(st.orgRemaining == 500 && st.salesforceRemaining == 700)
        #expect(st.observedAt == t0 && st.orgPausedUntil == nil)
        #expect(st.jobs.map(\.job) == ["audiences", "idle", "leads"])
        let leads = try #require(st.jobs.last)
        #expect(leads.usedLast24Hours == 5 && leads.allotment == 5 && leads.remaining == 0)
        #expect(leads.pausedUntil == t0 + day)
        #expect(st.jobs[0].allotment == nil && st.jobs[0].remaining == nil && st.jobs[0].usedLast24Hours == 95)
        #expect(st.jobs[1].usedLast24Hours == 0 && st.jobs[1].remaining == 50)

        clock.set(t0 + day)
        let later = await s.status()
        #expect(later.jobs.last?.pausedUntil == nil)
        #expect(later.usedByConnector == 0)
        let json = try JSONEncoder().encode(later)
        #expect(try JSONDecoder().decode(BudgetStatus.self, from: json) == later)
    }
}
