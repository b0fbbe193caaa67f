import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import Logging
import SalesforceAPI
import SalesforceConnector
import SalesforceSimulator
import Store
import Testing

/// The API budget driving real imports: the client against the in-process simulator over
/// loopback HTTPS, the ledger in a real SQLite file, and one ManualWallClock for both sides
/// (no real waiting).
@Suite struct BudgetPauseTests {
    struct Rig {
        let dir: String
        let clock: ManualWallClock
        let sim: RunningSimulator
        let transport: CurlTransport
        let token: AccessToken
        let job: JobDefinition
        let specs: [ObjectImportSpec]

        static func start(leads: Int, dailyLimit: Int = 100_000, jobText: String) async throws -> Rig {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budget-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try jobText.write(toFile: dir + "/budget_leads.yaml", atomically: true, encoding: .utf8)
            let clock = ManualWallClock(Date())
            let job = try JobLoader.load(file: dir + "/budget_leads.yaml", now: clock.now())
            let mappings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("mappings").path
            let specs = try ImportJobSpecs.specs(for: job, defaults: MappingLoader.loadAll(directory: mappings))
            var config = SimulatorConfiguration(tls: true, tokenLifetime: 30 * 86_400, dailyLimit: dailyLimit, now: { clock.now() })
            config.org = OrgSetup(sizes: OrgSizes(leads: leads, contacts: 0, accounts: 0, opportunities: 0, campaigns: 0))
            let sim = try await SalesforceSimulatorServer.start(config)
            let transport = CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile))
            let token = try await EstimateAccuracyTests.login(sim, transport)
            return Rig(dir: dir, clock: clock, sim: sim, transport: transport, token: token, job: job, specs: specs)
        }

        /// A runner over a freshly opened store and budget (as after a restart).
        func runner(reservePercent: Double = 0) throws -> (ImportRunner, BudgetScheduler, Store) {
            let store = try Store(path: dir + "/store.sqlite", clock: clock)
            var allotments: [String: Int] = [:]
            if let max = job.maxDailyAPICalls { allotments[job.name] = max }
            let budget = try BudgetScheduler(org: "sim", ledger: StoreBudgetLedger(store: store, org: "sim"), clock: clock,
                                             configuration: BudgetConfiguration(reservePercent: reservePercent, allotments: allotments))
            return (runner(job: job.name, budget: budget, store: store), budget, store)
        }

        /// A runner for `job` on a given (shared) budget and store.
        func runner(job name: String, budget: BudgetScheduler, store: Store) -> ImportRunner {
            let gate = CountingGate(wrapping: budget)
            let client = SalesforceClient(configuration: .init(), transport: transport, tokens: EstimateAccuracyTests.FixedToken(token: token),
                                          gate: gate, purpose: CallPurpose(job: name, priority: .importing), clock: clock)
            return ImportRunner(source: ImportClientSource(client: client), sink: ImportStoreSink(store: store),
                                clock: clock, apiCalls: { gate.calls }, logger: Logger(label: "test"))
        }

        func storedIDs(_ store: Store, stream: String) throws -> [String] {
            var ids: [String] = [], after: Int64 = 0
            while true {
                let page = try store.readStream(stream, after: after, limit: 5_000)
                guard let last = page.last else { return ids }
                ids += page.map(\.record.id)
                after = last.sequence
            }
        }

        func stop() async {
            transport.closeIdleConnections()
            await sim.stop()
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    @Test("a job out of allotment mid-import pauses at its checkpoint, the ledger survives a restart, and it finishes once calls age out")
    func allotmentPauseAndResume() async throws {
        let rig = try await Rig.start(leads: 4_500, jobText: "kind: import\nauthorization: simulator\napi: rest\nmax_daily_api_calls: 4\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n")
        // Each run spends describe + COUNT() before its pages, so 4 calls a day store two pages of 2,000.
        let (first, budget, _) = try rig.runner()
        let started = rig.clock.now()
        let paused = await first.run(job: rig.job.name, objects: rig.specs)
        guard case .paused(let until?) = paused.outcome else { Issue.record("expected a pause: \(paused)"); await rig.stop(); return }
        #expect(until > started && until <= started.addingTimeInterval(86_400 + 1), "wake-up \(until) is computed from the window")
        #expect(paused.stored > 0 && paused.stored < 4_500)
        #expect(await budget.status().jobs.first?.usedLast24Hours == 4)
        let stream = try #require(paused.objects.first?.stream)

        // Restart: a new store handle and a new scheduler read the same SQLite ledger back.
        let (second, budget2, store2) = try rig.runner()
        #expect(await budget2.status().jobs.first { $0.job == rig.job.name }?.usedLast24Hours == 4)
        let reports = await second.runResumingAfterPauses(job: rig.job.name, objects: rig.specs)
        #expect(reports.last?.outcome == .completed, "\(reports.map(\.outcome))")
        #expect(rig.clock.now() >= until)
        let ids = try rig.storedIDs(store2, stream: stream)
        #expect(ids.count == 4_500 && Set(ids).count == 4_500)
        #expect(paused.stored + reports.reduce(0) { $0 + $1.stored } == 4_500)
        await rig.stop()
    }

    @Test("REQUEST_LIMIT_EXCEEDED from the simulator pauses (no crash, nothing lost) and the import finishes after the window frees")
    func requestLimitExceeded() async throws {
        let rig = try await Rig.start(leads: 4_500, dailyLimit: 4, jobText: "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n")
        let (runner, _, store) = try rig.runner()
        let paused = await runner.run(job: rig.job.name, objects: rig.specs)
        guard case .paused(let until?) = paused.outcome else { Issue.record("expected a pause: \(paused)"); await rig.stop(); return }
        #expect(until > rig.clock.now().addingTimeInterval(-1))
        #expect(paused.stored > 0 && paused.stored < 4_500)
        let stream = try #require(paused.objects.first?.stream)
        let reports = await runner.runResumingAfterPauses(job: rig.job.name, objects: rig.specs)
        #expect(reports.last?.outcome == .completed, "\(reports.map(\.outcome))")
        let ids = try rig.storedIDs(store, stream: stream)
        #expect(ids.count == 4_500 && Set(ids).count == 4_500)
        await rig.stop()
    }

    @Test("two jobs on one org share one ledger, and the reserve holds back calls before Salesforce refuses any")
    func sharedOrgAndReserve() async throws {
        // Daily limit 20 with reserve_percent 50: the connector may spend 10 (imports stop 10 % earlier).
        let rig = try await Rig.start(leads: 4_500, dailyLimit: 20,
                                      jobText: "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n")
        let (first, budget, store) = try rig.runner(reservePercent: 50)
        let a = await first.run(job: rig.job.name, objects: rig.specs)
        let second = rig.runner(job: "budget_other", budget: budget, store: store)
        let b = await second.run(job: "budget_other", objects: rig.specs)
        let entries = try store.apiCalls(org: "sim", since: rig.clock.now().addingTimeInterval(-86_400))
        #expect(Set(entries.map(\.job)) == [rig.job.name, "budget_other"])
        let total = entries.reduce(0) { $0 + $1.count }
        #expect(total == a.apiCalls + b.apiCalls)
        #expect(total <= 10, "the reserve keeps the connector at or below 10 of 20 calls; spent \(total)")
        guard case .paused = b.outcome else { Issue.record("the second job should pause on the shared budget: \(a.outcome) \(b.outcome)"); await rig.stop(); return }
        #expect(!(a.errors + b.errors).contains { $0.contains("REQUEST_LIMIT_EXCEEDED") }, "\(a.errors + b.errors)")
        let status = await budget.status()
        #expect(status.usedByConnector == total && status.dailyLimit == 20 && status.orgBudget == 10)
        await rig.stop()
    }
}
