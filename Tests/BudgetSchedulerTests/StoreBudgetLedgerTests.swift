import BudgetScheduler
import ConnectorCore
import Foundation
import Store
import Testing

@Suite("Store-backed budget ledger")
struct StoreBudgetLedgerTests {
    /// A fresh store file in its own temporary folder, removed after `body`.
    func withStoreFile(_ body: (String) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budget-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await body(dir.appendingPathComponent("store.sqlite").path)
    }

    @Test("spent calls survive closing and reopening the SQLite file, and the wake-up time is unchanged")
    func restartReopensFile() async throws {
        try await withStoreFile { path in
            let clock = ManualWallClock()
            let t0 = clock.now()
            let config = BudgetConfiguration(dailyLimit: 1000, reservePercent: 20, allotments: ["leads": 10])
            do {
                let store = try Store(path: path, clock: clock)
                let s = try BudgetScheduler(org: "00D1", ledger: StoreBudgetLedger(store: store, org: "00D1"),
                                            clock: clock, configuration: config)
                try await s.acquire(cost: 6, for: importing("leads"))
                clock.advance(by: hour)
                try await s.acquire(cost: 4, for: importing("leads"))
                try await s.acquire(cost: 300, for: export("audiences"))
                // Another org's calls in the same file stay apart.
                let other = try BudgetScheduler(org: "00D2", ledger: StoreBudgetLedger(store: store, org: "00D2"),
                                                clock: clock, configuration: config)
                try await other.acquire(cost: 7, for: importing("leads"))
            }
            clock.advance(by: hour)
            let reopened = try Store(path: path, clock: clock)
            let s = try BudgetScheduler(org: "00D1", ledger: StoreBudgetLedger(store: reopened, org: "00D1"),
                                        clock: clock, configuration: config)
            let e = await budgetError { try await s.acquire(cost: 1, for: importing("leads")) }
            #expect(e?.kind == .jobAllotmentSpent)
            #expect(e?.wakeUp == t0 + day)
            let status = await s.status()
            #expect(status.usedByConnector == 310)
            #expect(status.jobs.map(\.usedLast24Hours) == [300, 10])
        }
    }

    @Test("rows that aged out are pruned from the file")
    func prunesFile() async throws {
        try await withStoreFile { path in
            let clock = ManualWallClock()
            let store = try Store(path: path, clock: clock)
            let ledger = StoreBudgetLedger(store: store, org: "00D1")
            let s = try BudgetScheduler(org: "00D1", ledger: ledger, clock: clock)
            try await s.acquire(cost: 5, for: importing("a"))
            clock.advance(by: day + hour)
            try await s.acquire(cost: 2, for: importing("a"))
            #expect(try ledger.calls(since: .distantPast) == [LedgerEntry(job: "a", at: clock.now(), count: 2)])
        }
    }
}
