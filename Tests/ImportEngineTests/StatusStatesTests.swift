import BudgetScheduler
import ConnectorCore
import Foundation
import ImportEngine
import Logging
@testable import SalesforceConnector
import Store
import Testing

/// `sfconnect status` rendering of the states `running`, `paused until T` and `failed`, with the
/// store written by the same `StatusRecorder` that `sfconnect run` uses around each pass.
@Suite struct StatusStatesTests {
    struct Rig {
        let dir: String
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_790_000_000))
        let store: Store
        let recorder: StatusRecorder

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("status-states-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir + "/jobs", withIntermediateDirectories: true)
            try "kind: import\nauthorization: simulator\nmax_daily_api_calls: 50\nleads: {}\n"
                .write(toFile: dir + "/jobs/leads.yaml", atomically: true, encoding: .utf8)
            store = try Store(path: dir + "/store.sqlite", clock: clock)
            let budget = try BudgetScheduler(org: "sim", ledger: StoreBudgetLedger(store: store, org: "sim"), clock: clock,
                                             configuration: BudgetConfiguration(reservePercent: 20, allotments: ["leads": 50]))
            recorder = StatusRecorder(store: store, job: "leads", org: "sim", budget: budget, logger: Logger(label: "test"))
        }

        /// Spends `calls` for the job and reports Salesforce's usage, as a run's client does.
        func spend(_ calls: Int, salesforceUsed: Int) async throws {
            for _ in 0..<calls { try await recorder.budget.acquire(cost: 1, for: CallPurpose(job: "leads", priority: .importing)) }
            await recorder.budget.observe(APIUsage(used: salesforceUsed, max: 1_000))
        }

        func report() throws -> (text: String, json: [String: Any]) {
            let r = try StatusReport.make(folder: dir + "/jobs", store: store, now: clock.now())
            let object = try JSONSerialization.jsonObject(with: Data(try r.json().utf8)) as? [String: Any]
            let job = (object?["jobs"] as? [[String: Any]])?.first { $0["job"] as? String == "leads" }
            return (r.text(), try #require(job, "\(r)"))
        }

        func runReport(_ outcome: RunOutcome) -> ImportRunReport {
            ImportRunReport(job: "leads", started: clock.now(), ended: clock.now(), outcome: outcome, objects: [],
                            apiCalls: 3, warnings: [], errors: [])
        }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    @Test("a pass in progress shows running in text and JSON, with the calls spent so far and no wake-up")
    func running() async throws {
        let rig = try Rig()
        defer { rig.remove() }
        rig.recorder.started()
        try await rig.spend(3, salesforceUsed: 10)
        let (text, json) = try rig.report()
        #expect(text.contains("leads (leads.yaml): running\n"), "\(text)")
        #expect(text.contains("calls in the last 24 h: 3 of 50"), "\(text)")
        #expect(json["state"] as? String == "running" && json["pausedUntil"] == nil, "\(json)")
        #expect(json["callsLast24Hours"] as? Int == 3 && json["org"] as? String == "sim")
    }

    @Test("a pass that paused for budget shows `paused until T` (text) and state paused with pausedUntil T (JSON), and the org's last known usage")
    func pausedUntil() async throws {
        let rig = try Rig()
        defer { rig.remove() }
        rig.recorder.started()
        try await rig.spend(5, salesforceUsed: 400)
        let wake = rig.clock.now().addingTimeInterval(86_400)
        await rig.recorder.finished(rig.runReport(.paused(until: wake)))
        let (text, json) = try rig.report()
        let iso = ISO8601DateFormatter().string(from: wake)
        #expect(text.contains("leads (leads.yaml): paused until \(iso)\n"), "\(text)")
        #expect(text.contains("org sim: 600 of 1000 calls remaining as of"), "\(text)")
        #expect(json["state"] as? String == "paused", "\(json)")
        #expect(json["pausedUntil"] as? String == iso, "\(json)")
        #expect(json["orgRemaining"] as? Int == 600 && json["orgDailyLimit"] as? Int == 1_000, "\(json)")
        #expect(json["orgBudgetRemaining"] as? Int == 400, "budget 800 after the 20 % reserve, 400 used: \(json)")
    }

    @Test("a pass that failed shows failed in text and JSON, without a wake-up; a later pass shows running again")
    func failed() async throws {
        let rig = try Rig()
        defer { rig.remove() }
        rig.recorder.started()
        await rig.recorder.finished(rig.runReport(.paused(until: rig.clock.now().addingTimeInterval(60))))
        rig.recorder.started()
        await rig.recorder.finished(rig.runReport(.failed))
        let (text, json) = try rig.report()
        #expect(text.contains("leads (leads.yaml): failed\n"), "\(text)")
        #expect(!text.contains("paused until"), "\(text)")
        #expect(json["state"] as? String == "failed" && json["pausedUntil"] == nil, "\(json)")
        rig.recorder.started()
        #expect(try rig.report().json["state"] as? String == "running")
    }
}
