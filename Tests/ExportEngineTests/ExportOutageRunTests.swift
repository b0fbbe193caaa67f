import ConnectorCore
import Foundation
import SalesforceConnector
import Synchronization
import Testing
@testable import ExportEngine

/// A long-running export (`sfconnect run` without `--once`, and `serve`) outlives a Salesforce
/// outage: passes that fail past the client's retries are tried again after a back-off on the
/// clock, and once Salesforce answers every member is sent exactly once.
@Suite("Export outage against the simulator")
struct ExportOutageRunTests {
    @Test("503 on every call from the start: the real-time loop backs off, keeps trying, then sends every member once")
    func outageThenRecovery() async throws {
        let rig = try await ExportRunRig.start(
            leadFields: [#"{"name": "Lytics_Audiences__c", "type": "textarea", "length": 255}"#], members: 6)
        defer { Task { await rig.stop() } }
        let job = try rig.job("export-outage", ExportRunRig.leadJob(audiences: ["vip"], extra: "send_audiences_to: Lytics_Audiences__c"))
        _ = try await simulatorAdmin(rig.sim, rig.transport, "/__admin/faults", #"{"serverUnavailableRate":1}"#)
        let started = rig.clock.now()
        let passes = Passes()
        let task = Task { try await rig.run(job, once: false) { total in passes.record(total) } }
        var waited = 0
        while passes.failed < 3, waited < 1_500 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        #expect(passes.failed >= 3, "the loop kept trying through the outage")
        #expect(rig.clock.now() >= started.addingTimeInterval(30 + 60), "it backed off 30 s, then 60 s, on the clock")
        #expect(rig.sim.store.count("Lead") == 0, "nothing reached Salesforce during the outage")

        _ = try await simulatorAdmin(rig.sim, rig.transport, "/__admin/faults", #"{"serverUnavailableRate":0}"#)
        waited = 0
        while (passes.latest?.sent ?? 0) < 6, waited < 1_500 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 1
        }
        task.cancel()
        let total = try await task.value
        #expect(total.sent == 6 && total.rejected == 0 && total.pending == 0, "\(total)")
        let leads = try await rig.leads(["Lytics_Audiences__c"])
        #expect(leads.count == 6 && leads.byEmail.count == 6, "each member exactly once")
        #expect(leads.byEmail.values.allSatisfy { $0["Lytics_Audiences__c"] == .string("vip") })
    }

    @Test("the back-off doubles from 30 s to at most 10 minutes")
    func backOff() {
        #expect((1...7).map { OutageBackoff.delay(afterFailures: $0) } == [30, 60, 120, 240, 480, 600, 600])
    }
}

/// What the running loop reported: how many passes ended failed, and the last running total.
private final class Passes: Sendable {
    private let state = Mutex<(failed: Int, latest: ExportRunReport?)>((0, nil))

    func record(_ total: ExportRunReport) {
        state.withLock { s in
            if case .failed = total.outcome { s.failed += 1 }
            s.latest = total
        }
    }

    var failed: Int { state.withLock { $0.failed } }
    var latest: ExportRunReport? { state.withLock { $0.latest } }
}
