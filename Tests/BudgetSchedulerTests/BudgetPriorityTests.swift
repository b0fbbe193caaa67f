import BudgetScheduler
import ConnectorCore
import Foundation
import Testing

@Suite("Budget priorities")
struct BudgetPriorityTests {
    @Test("when calls are scarce, imports stop first, then backfills, and real-time export uses the rest")
    func defaultOrder() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        // Budget 800; floors: backfill 5 % (40), importing 10 % (80), other 15 % (120).
        let s = try makeScheduler(limit: 1000, reserve: 20, clock: clock)
        #expect(await drain(s, CallPurpose(job: "misc", priority: .other)).granted == 680)
        let imp = await drain(s, importing("leads"))
        #expect(imp.granted == 40)
        #expect(imp.error?.kind == .reservedForHigherPriority)
        #expect(imp.error?.limit == 720)
        #expect(imp.error?.wakeUp == t0 + day)
        #expect(imp.error?.description.contains("the rest is held for higher-priority jobs") == true)
        #expect(await drain(s, backfill("audience-backfill")).granted == 40)
        let rt = await drain(s, export("audience-live"))
        #expect(rt.granted == 40)
        #expect(rt.error?.kind == .orgBudgetSpent)
    }

    @Test("the priority order is configurable")
    func customOrder() async throws {
        let s = try makeScheduler(limit: 1000, reserve: 20) {
            $0.priorityOrder = [.importing, .realtimeExport, .backfill, .other]
            $0.priorityStepPercent = 10
        }
        #expect(await drain(s, export("live")).granted == 720)
        #expect(await drain(s, importing("leads")).granted == 80)
    }

    @Test("a lower priority wakes when enough calls age out to get back above its floor")
    func lowerPriorityWake() async throws {
        let clock = ManualWallClock()
        let t0 = clock.now()
        let s = try makeScheduler(limit: 1000, reserve: 20, clock: clock)
        try await s.acquire(cost: 50, for: export("live"))
        clock.advance(by: hour)
        try await s.acquire(cost: 750, for: export("live"))
        // importing cap 720, used 800: 81 must age out, which takes both charges.
        let e = await budgetError { try await s.acquire(cost: 1, for: importing("leads")) }
        #expect(e?.wakeUp == t0 + hour + day)
        clock.set(t0 + day)
        // 50 aged out: 750 used, still above the cap.
        #expect(await budgetError { try await s.acquire(cost: 1, for: importing("leads")) }?.wakeUp == t0 + hour + day)
        clock.set(t0 + hour + day)
        try await s.acquire(cost: 720, for: importing("leads"))
    }
}
