import BudgetScheduler
import ConnectorCore
import Foundation
import Testing

@Suite("Budget allotment")
struct BudgetAllotmentTests {
    @Test("a job that spends its allotment pauses until exactly its oldest calls age out")
    func wakeUpIsWhenOldestCallsAgeOut() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(allotments: ["leads": 10], clock: clock)
        try await s.acquire(cost: 4, for: importing("leads"))
        clock.advance(by: hour)
        try await s.acquire(cost: 6, for: importing("leads"))

        let one = try #require(await budgetError { try await s.acquire(cost: 1, for: importing("leads")) })
        #expect(one.kind == .jobAllotmentSpent)
        #expect(one.wakeUp == t0 + day)
        #expect(one.disposition == .stopForBudget(until: t0 + day))
        #expect(one.used == 10 && one.limit == 10)
        // Five calls need the second charge to age out too.
        let five = try #require(await budgetError { try await s.acquire(cost: 5, for: importing("leads")) })
        #expect(five.wakeUp == t0 + hour + day)

        clock.set(t0 + day - 1)
        #expect(await budgetError { try await s.acquire(cost: 1, for: importing("leads")) }?.kind == .jobAllotmentSpent)
        clock.set(t0 + day)
        try await s.acquire(cost: 4, for: importing("leads"))
        #expect(await budgetError { try await s.acquire(cost: 1, for: importing("leads")) }?.wakeUp == t0 + hour + day)
    }

    @Test("a run that needs more than its allotment pauses at the window and finishes after it frees")
    func midRunPauseAndFinish() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(allotments: ["contacts": 25], clock: clock)
        var pauses: [Date] = []
        for _ in 0..<60 {
            if let e = await budgetError({ try await s.acquire(cost: 1, for: importing("contacts")) }) {
                // What an engine does: save the checkpoint, resume at the wake-up time.
                pauses.append(try #require(e.wakeUp))
                clock.set(try #require(e.wakeUp))
                try await s.acquire(cost: 1, for: importing("contacts"))
            }
            clock.advance(by: 60)
        }
        #expect(pauses == [t0 + day, t0 + 2 * day])
        #expect(clock.now() == t0 + 2 * day + 10 * 60)
        let status = await s.status()
        #expect(status.jobs.first { $0.job == "contacts" }?.usedLast24Hours == 24)
    }

    @Test("acquireWaiting sleeps on the clock to the wake-up time and then succeeds")
    func waitingVariant() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(allotments: ["leads": 3], clock: clock)
        for _ in 0..<3 { try await s.acquireWaiting(cost: 1, for: importing("leads")) }
        try await s.acquireWaiting(cost: 2, for: importing("leads"))
        #expect(clock.now() == t0 + day)
    }

    @Test("two jobs on one org share the org budget and keep their own allotments")
    func twoJobsShareOrg() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(limit: 1000, reserve: 20, allotments: ["a": 500, "b": 500], clock: clock)
        #expect(await drain(s, export("a")).granted == 500)
        clock.advance(by: hour)
        let b = await drain(s, export("b"))
        #expect(b.granted == 300)
        #expect(b.error?.kind == .orgBudgetSpent)
        #expect(b.error?.wakeUp == t0 + day)
        let a = try #require(await budgetError { try await s.acquire(cost: 1, for: export("a")) })
        #expect(a.kind == .jobAllotmentSpent && a.wakeUp == t0 + day)

        clock.set(t0 + day)
        // a's 500 aged out; b still holds 300 of the org's 800.
        #expect(await drain(s, export("b")).granted == 200)
        #expect(await drain(s, export("a")).granted == 300)
        let status = await s.status()
        #expect(status.usedByConnector == 800)
        #expect(status.orgRemaining == 0)
        #expect(status.jobs.map(\.usedLast24Hours) == [300, 500])
    }

    @Test("100 concurrent acquires never overspend the allotment or the org budget")
    func concurrentAcquires() async throws {
        let ledger = InMemoryBudgetLedger()
        let s = try makeScheduler(limit: 100, reserve: 20, allotments: ["j0": 37], ledger: ledger)
        let granted = await withTaskGroup(of: Int.self) { group in
            for i in 0..<100 {
                group.addTask { (try? await s.acquire(cost: 1, for: export("j\(i % 2)"))) == nil ? 0 : 1 }
            }
            return await group.reduce(0, +)
        }
        #expect(granted == 80)
        let rows = ledger.entries
        #expect(rows.reduce(0) { $0 + $1.count } == 80)
        #expect(rows.filter { $0.job == "j0" }.count <= 37)
        let status = await s.status()
        #expect(status.jobs.first { $0.job == "j0" }?.usedLast24Hours ?? 0 <= 37)
    }

    @Test("a request larger than the allotment fails as configuration instead of pausing forever")
    func costExceedsAllotment() async throws {
        let s = try makeScheduler(allotments: ["big": 5])
        let e = try #require(await budgetError { try await s.acquireWaiting(cost: 6, for: importing("big")) })
        #expect(e.kind == .costExceedsAllotment)
        #expect(e.disposition == .failConfiguration)
        #expect(e.description.contains("Job big asked for 6 calls at once but its limit on org 00D1 is 5; raise max_daily_api_calls"))
    }

    @Test("a job without an allotment on an org with an unknown limit is not metered until Salesforce reports one")
    func unmeteredUntilObserved() async throws {
        let s = try makeScheduler()
        #expect(await drain(s, importing("x"), max: 500).granted == 500)
        await s.observe(APIUsage(used: 500, max: 1000))
        // budget 800, importing floor 10 % of it (80): cap 720, 500 used by us.
        #expect(await drain(s, importing("x")).granted == 220)
    }
}
