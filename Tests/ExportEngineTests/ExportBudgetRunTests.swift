import ConnectorCore
import Foundation
import SalesforceAPI
import SalesforceConnector
import Store
import Synchronization
import Testing
@testable import ExportEngine

/// `max_daily_api_calls` on an export job: the real run against the simulator, the budget's
/// ledger in the job's SQLite store and a manual clock (no real waiting), as in the import's
/// BudgetPauseTests.
@Suite("Export budget pauses against the simulator")
struct ExportBudgetRunTests {
    /// 30 members, 10 per batch, Email lookup: describe + 3 × (lookup + create) = 7 calls, 4 a day.
    static func start() async throws -> (ExportRunRig, String) {
        let rig = try await ExportRunRig.start(
            leadFields: [#"{"name": "Lytics_Audiences__c", "type": "textarea", "length": 255}"#], members: 30)
        let job = try rig.job("export-budget", ExportRunRig.leadJob(
            audiences: ["vip"], batchSize: 10, extra: "send_audiences_to: Lytics_Audiences__c\nmax_daily_api_calls: 4"))
        return (rig, job)
    }

    /// Every member exactly once in Salesforce with the audiences field, and sent in the store.
    static func expectEveryMemberOnce(_ rig: ExportRunRig) async throws {
        let leads = try await rig.leads(["Lytics_Audiences__c"])
        #expect(leads.count == 30 && leads.byEmail.count == 30, "each member exactly once: \(leads.count) leads")
        #expect(leads.byEmail.values.allSatisfy { $0["Lytics_Audiences__c"] == .string("vip") })
        #expect(try rig.store.pendingExportCount(job: "export-budget") == 0)
        let states = try rig.store.exportStates(job: "export-budget")
        #expect(states.count == 30 && states.allSatisfy { $0.status == .sent && $0.salesforceID != nil })
    }

    @Test("spent mid-backfill: run --once pauses with the outbox pending and a wake-up time; after the window frees it finishes")
    func pausedOnceThenResumed() async throws {
        let (rig, job) = try await Self.start()
        defer { Task { await rig.stop() } }
        let started = rig.clock.now()
        let first = try await rig.run(job)
        guard case .paused(let until?) = first.outcome else {
            Issue.record("expected a pause for budget: \(first)")
            return
        }
        #expect(until > started && until <= started.addingTimeInterval(86_400 + 1), "wake-up \(until) comes from the window")
        #expect(first.backfilled == 30 && first.sent > 0 && first.sent < 30 && first.rejected == 0, "\(first)")
        #expect(first.pending == 30 - first.sent && first.apiCalls <= 4, "\(first)")
        #expect(try rig.store.pendingExportCount(job: "export-budget") == first.pending)
        #expect(try await rig.leads([]).count == first.sent)

        // Still inside the window: the run spends nothing and sends nothing.
        let blocked = try await rig.run(job)
        guard case .paused = blocked.outcome else { Issue.record("still paused: \(blocked)"); return }
        #expect(blocked.sent == 0 && blocked.apiCalls == 0 && blocked.pending == first.pending, "\(blocked)")

        var reports = [first]
        var wake = until
        while reports.last?.outcome != .completed, reports.count < 10 {
            rig.clock.set(wake.addingTimeInterval(1))
            let report = try await rig.run(job)
            reports.append(report)
            if case .paused(let next?) = report.outcome { wake = next }
        }
        #expect(reports.last?.outcome == .completed, "\(reports.map(\.outcome))")
        #expect(reports.allSatisfy { $0.apiCalls <= 4 }, "\(reports.map(\.apiCalls))")
        #expect(reports.reduce(0) { $0 + $1.sent } == 30 && reports.last?.pending == 0, "\(reports.map(\.sent))")
        #expect(rig.clock.now() > until)
        try await Self.expectEveryMemberOnce(rig)
    }

    @Test("without --once the run sleeps through each pause until the wake-up time and finishes the backfill")
    func realTimeLoopSleepsThroughPauses() async throws {
        let (rig, job) = try await Self.start()
        defer { Task { await rig.stop() } }
        let started = rig.clock.now()
        let latest = LatestReport()
        let task = Task { try await rig.run(job, once: false) { total in latest.set(total) } }
        var waited = 0
        while (latest.value?.sent ?? 0) < 30, waited < 1_500 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        task.cancel()
        let total = try await task.value
        #expect(total.sent == 30 && total.backfilled == 30 && total.pending == 0 && total.rejected == 0, "\(total)")
        #expect(rig.clock.now() >= started.addingTimeInterval(86_400), "it waited for the window on the clock")
        try await Self.expectEveryMemberOnce(rig)
    }
}

/// The running total a long-running export last reported.
private final class LatestReport: Sendable {
    private let report = Mutex<ExportRunReport?>(nil)
    func set(_ r: ExportRunReport) { report.withLock { $0 = r } }
    var value: ExportRunReport? { report.withLock { $0 } }
}
