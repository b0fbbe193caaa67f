import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
@testable import SalesforceConnector
import Store
import Testing

/// The jobs one process runs on one org (as `serve` does) spend one budget.
@Suite struct SharedBudgetTests {
    func job(_ dir: String, _ name: String, max: Int) throws -> JobDefinition {
        let text = "kind: import\nauthorization: simulator\nmax_daily_api_calls: \(max)\nleads: {}\n"
        try text.write(toFile: dir + "/\(name).yaml", atomically: true, encoding: .utf8)
        return try JobLoader.load(file: dir + "/\(name).yaml", now: Date())
    }

    /// A temporary folder with a store file in it, on a manual clock.
    func scratch() throws -> (dir: String, path: String, store: Store, clock: ManualWallClock) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shared-budget-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let clock = ManualWallClock(Date())
        return (dir, dir + "/store.sqlite", try Store(path: dir + "/store.sqlite", clock: clock), clock)
    }

    @Test("two jobs on one org and store get one scheduler with both allotments; a call one spends is at once the other's to see")
    func oneSchedulerPerOrgAndStore() async throws {
        let (dir, path, store, clock) = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let leads = try job(dir, "leads_job", max: 50), contacts = try job(dir, "contacts_job", max: 70)
        let a = try await BudgetGate.make(job: leads, org: "prod", reservePercent: 30, store: store, storePath: path, clock: clock)
        let b = try await BudgetGate.make(job: contacts, org: "prod", reservePercent: 30, store: store, storePath: path, clock: clock)
        #expect(a === b)
        try await a.acquire(cost: 3, for: CallPurpose(job: leads.name, priority: .importing))
        let status = await b.status()
        #expect(status.usedByConnector == 3 && status.reservePercent == 30)
        #expect(status.jobs.map(\.job) == ["contacts_job", "leads_job"])
        #expect(status.jobs.map(\.allotment) == [70, 50])
        #expect(status.jobs.first { $0.job == "leads_job" }?.remaining == 47)
        // Another org, or another store file, is another budget.
        let other = try await BudgetGate.make(job: leads, org: "sandbox", reservePercent: 20, store: store, storePath: path, clock: clock)
        #expect(other !== a)
        let elsewhere = try await BudgetGate.make(job: leads, org: "prod", reservePercent: 20, store: store,
                                                  storePath: dir + "/other.sqlite", clock: clock)
        #expect(elsewhere !== a)
        withExtendedLifetime((a, b)) {}
    }

    @Test("a job's allotment out of range is refused with the budget's sentence, and the shared budget keeps the others")
    func badAllotmentIsRefused() async throws {
        let (dir, path, store, clock) = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = try await BudgetGate.make(job: try job(dir, "good_job", max: 10), org: "prod", reservePercent: 20,
                                             store: store, storePath: path, clock: clock)
        let error = await #expect(throws: BudgetError.self) {
            _ = try await BudgetGate.make(job: try job(dir, "bad_job", max: 10), org: "prod", reservePercent: 100,
                                          store: store, storePath: path, clock: clock)
        }
        #expect(error?.description.contains("reserve_percent") == true, "\(String(describing: error))")
        let status = await good.status()
        #expect(status.reservePercent == 20 && status.jobs.map(\.job) == ["good_job"])
    }
}
