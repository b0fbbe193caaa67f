import BudgetScheduler
import ConnectorCore
import Foundation
import Testing

@Suite("Budget configuration")
struct BudgetConfigurationTests {
    func message(_ configure: (inout BudgetConfiguration) -> Void) -> String? {
        var c = BudgetConfiguration()
        configure(&c)
        do { _ = try BudgetScheduler(org: "00D9", ledger: InMemoryBudgetLedger(), clock: ManualWallClock(), configuration: c) }
        catch let e as BudgetError {
            #expect(e.kind == .invalidConfiguration)
            #expect(e.disposition == .failConfiguration)
            return e.description
        } catch { return "\(error)" }
        return nil
    }

    @Test("rejects each out-of-range setting with a sentence naming it")
    func rejectsBadSettings() {
        #expect(message { $0.reservePercent = 100 } ==
            "The API budget for org 00D9 is misconfigured: reserve_percent is 100.0 but must be at least 0 and below 100; fix it and run again.")
        #expect(message { $0.reservePercent = -1 }?.contains("reserve_percent is -1.0") == true)
        #expect(message { $0.allotments = ["leads": 0] }?.contains("max_daily_api_calls of job leads is 0 but must be positive") == true)
        #expect(message { $0.dailyLimit = 0 }?.contains("the daily limit is 0 but must be positive") == true)
        #expect(message { $0.priorityOrder = [.importing, .importing] }?.contains("names a priority twice") == true)
        #expect(message { $0.priorityStepPercent = 25 }?.contains("4 steps of it must stay below 100 %") == true)
        #expect(message { $0.probeInterval = 0 }?.contains("must be positive") == true)
        #expect(message { _ in } == nil)
    }

    @Test("setting a bad allotment or reserve at run time is refused and changes nothing")
    func runtimeSetters() async throws {
        let s = try makeScheduler(limit: 1000, allotments: ["a": 5])
        await #expect(throws: BudgetError.self) { try await s.setAllotment(-3, for: "a") }
        await #expect(throws: BudgetError.self) { try await s.setReservePercent(120) }
        #expect(await s.status().jobs.first?.allotment == 5)
        #expect(await s.status().reservePercent == 20)
        try await s.setAllotment(nil, for: "a")
        #expect(await drain(s, export("a")).granted == 800)
    }

    @Test("a ledger that cannot be written refuses the call without counting it")
    func ledgerFailure() async throws {
        let s = try BudgetScheduler(org: "00D1", ledger: FailingLedger(), clock: ManualWallClock(),
                                    configuration: BudgetConfiguration(dailyLimit: 1000))
        let e = try #require(await budgetError { try await s.acquire(cost: 1, for: importing("a")) })
        #expect(e.kind == .ledgerUnavailable)
        #expect(e.disposition == .failSystem)
        #expect(e.description == "The API-call ledger for org 00D1 could not be used (disk I/O error); check the store file and its disk, then run again.")
        #expect(await s.status().usedByConnector == 0)
    }

    @Test("pause errors name the job, the org and the wake-up time")
    func pauseMessage() {
        let e = BudgetError(kind: .jobAllotmentSpent, org: "00D1", job: "leads",
                            wakeUp: Date(timeIntervalSince1970: 1_767_312_000), used: 10, limit: 10, cost: 1)
        #expect(e.description == "Job leads spent its max_daily_api_calls on org 00D1; it pauses with its checkpoint saved and resumes at 2026-01-02T00:00:00Z, when enough calls age out of the 24-hour window. [10/10 calls in the last 24 hours]")
        #expect(e.errorDescription == e.description)
        #expect(e.isPause)
    }
}
