import BudgetScheduler
import ConnectorCore
import Foundation
import HTTPTransport
import ImportEngine
import Logging
import SalesforceAPI
import SalesforceConnector
import SalesforceSimulator
import Store
import Synchronization
import Testing

/// A real `403 REQUEST_LIMIT_EXCEEDED` mid-import. The budget learns the daily limit from
/// `Sforce-Limit-Info` and would pause before Salesforce refuses anything, so another integration
/// spends the org's remaining calls out of band (raw HTTP to the simulator) between two pages:
/// the budget still believes calls remain, sends the next page, and the simulator answers 403.
@Suite struct BudgetLimitExceededTests {
    /// The budget gate of the import, which lets "another integration" spend the org's calls
    /// (raw GETs of `/limits` until the simulator refuses one) just before the connector's call
    /// number `spendBefore`, and counts the `REQUEST_LIMIT_EXCEEDED` answers the client reports.
    final class OutOfBandGate: APICallGate {
        let inner: BudgetScheduler
        let spendBefore: Int
        let spend: @Sendable () async throws -> Int
        private let counts = Mutex((calls: 0, refused: 0, otherCalls: 0))

        init(inner: BudgetScheduler, spendBefore: Int, spend: @escaping @Sendable () async throws -> Int) {
            self.inner = inner
            self.spendBefore = spendBefore
            self.spend = spend
        }

        var calls: Int { counts.withLock { $0.calls } }
        var refused: Int { counts.withLock { $0.refused } }
        var otherCalls: Int { counts.withLock { $0.otherCalls } }

        func acquire(cost: Int, for purpose: CallPurpose) async throws {
            if counts.withLock({ $0.calls }) + 1 == spendBefore, counts.withLock({ $0.otherCalls }) == 0 {
                let spent = try await spend()
                counts.withLock { $0.otherCalls = spent }
            }
            try await inner.acquire(cost: cost, for: purpose)
            counts.withLock { $0.calls += cost }
        }

        func observe(_ usage: APIUsage) async { await inner.observe(usage) }

        func observeLimitExceeded(for purpose: CallPurpose) async {
            counts.withLock { $0.refused += 1 }
            await inner.observeLimitExceeded(for: purpose)
        }
    }

    /// The simulator's own count of calls in its rolling window (its clock is the manual one).
    static func simulatorUsage(_ rig: BudgetPauseTests.Rig) async throws -> Int {
        struct Body: Decodable { var apiUsage: Int }
        let r = try await EstimateAccuracyTests.admin(rig.sim, rig.transport, "GET", "/__admin/calls")
        return try JSONDecoder().decode(Body.self, from: r.body).apiUsage
    }

    @Test("a 403 REQUEST_LIMIT_EXCEEDED mid-import pauses at the checkpoint with a computed wake-up; after the window frees every lead is stored exactly once")
    func outOfBandSpendTriggers403() async throws {
        let rig = try await BudgetPauseTests.Rig.start(
            leads: 4_500, dailyLimit: 20,
            jobText: "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: {}\n")
        let store = try Store(path: rig.dir + "/store.sqlite", clock: rig.clock)
        let budget = try BudgetScheduler(org: "sim", ledger: StoreBudgetLedger(store: store, org: "sim"), clock: rig.clock,
                                         configuration: BudgetConfiguration(reservePercent: 0))
        let sim = rig.sim, transport = rig.transport, token = rig.token
        // Call 1 is the describe, 2 the COUNT(), 3 the first page of 2,000: before call 4 (the
        // second page) the other integration spends what is left of the 20.
        let gate = OutOfBandGate(inner: budget, spendBefore: 4) {
            var spent = 0
            while spent < 100 {
                let r = try await transport.send(HTTPRequest(
                    method: "GET", url: sim.baseURL + "/services/data/v62.0/limits",
                    headers: ["Authorization": "Bearer \(token.token.reveal())"]))
                if r.status == 403 { return spent }
                spent += 1
            }
            return spent
        }
        let client = SalesforceClient(configuration: .init(), transport: transport, tokens: EstimateAccuracyTests.FixedToken(token: token),
                                      gate: gate, purpose: CallPurpose(job: rig.job.name, priority: .importing), clock: rig.clock)
        // Wired as `sfconnect run` wires it (RunJob): the source asks the budget for its wake-up.
        let source = ImportClientSource(client: client, pausedUntil: { await budget.status().orgPausedUntil })
        let runner = ImportRunner(source: source, sink: ImportStoreSink(store: store),
                                  clock: rig.clock, apiCalls: { gate.calls }, logger: Logger(label: "test"))
        let t0 = rig.clock.now()

        let paused = await runner.run(job: rig.job.name, objects: rig.specs)
        guard case .paused(let until?) = paused.outcome else { Issue.record("expected a pause: \(paused)"); await rig.stop(); return }
        // The 403 really came from the simulator: the other integration spent 17 calls, the
        // simulator's window holds all 20, and the client reported one REQUEST_LIMIT_EXCEEDED.
        #expect(gate.otherCalls == 17)
        #expect(try await Self.simulatorUsage(rig) == 20)
        #expect(gate.refused == 1, "the client saw \(gate.refused) REQUEST_LIMIT_EXCEEDED answers")
        #expect(gate.calls == 4, "describe, COUNT(), page 1, and page 2 (refused)")
        // Computed wake-up: the org counts as full and others' calls have unknown ages, so the
        // next probe (30 min) comes before any of our calls ages out (24 h).
        #expect(until == t0.addingTimeInterval(1_800), "wake-up \(until) vs start \(t0)")
        #expect(await budget.status().orgPausedUntil == until)
        // Paused at its checkpoint: exactly the first page is stored, with its keyset saved.
        let stream = try #require(paused.objects.first?.stream)
        #expect(paused.stored == 2_000)
        #expect(try rig.storedIDs(store, stream: stream).count == 2_000)
        let checkpoint = try #require(try store.checkpoints(job: rig.job.name).first)
        #expect(checkpoint.object == "Lead" && checkpoint.phase == .firstLoad && checkpoint.lastID != nil && checkpoint.timestamp != nil, "\(checkpoint)")

        // The window frees (manual clock, no real waiting): the run finishes from the checkpoint.
        rig.clock.advance(by: 86_400 + 1)
        let resumed = await runner.run(job: rig.job.name, objects: rig.specs)
        #expect(resumed.outcome == .completed, "\(resumed.outcome) \(resumed.errors)")
        #expect(resumed.stored == 2_500)
        let ids = try rig.storedIDs(store, stream: stream)
        #expect(ids.count == 4_500 && Set(ids).count == 4_500)
        #expect(gate.refused == 1)
        await rig.stop()
    }
}
