import ConnectorCore
import ConnectorTesting
import Foundation
import HTTPTransport
import Logging
import SalesforceConnector
import SalesforceSimulator
import Store
import Testing

/// `sfconnect run JOB` without `--once` (``RunJob``, as `serve` runs it) on a daily schedule: a
/// pass that fails because Salesforce is down is tried again after a short back-off on the clock,
/// not a whole day later, and once Salesforce answers the import completes with every lead once.
@Suite("Import outage against the simulator")
struct ImportOutageSimulatorTests {
    @Test("503 on every call: the daily job retries 30 s, then 60 s later (not tomorrow), then stores every lead once")
    func outageRetriedSoon() async throws {
        let org = OrgSetup(sizes: OrgSizes(leads: 300, contacts: 0, accounts: 0, opportunities: 0, campaigns: 0))
        try await SimulatorImportRig.with(org: org) { rig in
            let env = try SimulatorAuthorization.write(dir: rig.dir, for: rig.sim)
            let job = rig.dir + "/leads.yaml"
            try """
            kind: import
            authorization: simulator
            api: rest
            import_contacts: false
            import_accounts: false
            import_opportunities: false
            leads: {}
            keep_updated: true
            frequency: daily
            time_of_day: "03:00"
            time_zone: UTC
            """.write(toFile: job, atomically: true, encoding: .utf8)
            try await Self.faults(rig, #"{"serverUnavailableRate":1}"#)
            let started = rig.clock.now()
            let storePath = rig.dir + "/run.sqlite"
            let run = RunJob(jobFile: job, once: false, storePath: storePath, environment: env, workingDirectory: rig.dir,
                             mappingsDirectory: SimulatorImportRig.mappingsDirectory)
            let task = Task { try await run.run(clock: rig.clock, logger: Logger(label: "import-outage-test")) }
            defer { task.cancel() }
            try await Self.waitUntil { (try? Store(path: storePath).runs(job: "leads").filter { $0.state == .failed }.count) ?? 0 >= 2 }
            let failedAt = rig.clock.now()
            #expect(failedAt >= started.addingTimeInterval(30) && failedAt < started.addingTimeInterval(3_600),
                    "the second attempt came after the 30 s back-off, not at the next daily run: \(failedAt.timeIntervalSince(started)) s")

            try await Self.faults(rig, #"{"serverUnavailableRate":0}"#)
            try await Self.waitUntil { (try? Store(path: storePath).streams().first?.recordCount) ?? 0 >= 300 }
            task.cancel()
            let last = try await task.value
            #expect(last?.outcome != .failed, "\(String(describing: last))")
            let store = try Store(path: storePath)
            #expect(try store.streams().first { $0.name == "salesforce_leads" }?.recordCount == 300, "every lead once")
            #expect(rig.clock.now() < started.addingTimeInterval(86_400), "recovered within the day")
        }
    }

    static func faults(_ rig: SimulatorImportRig, _ json: String) async throws {
        let r = try await rig.transport.send(HTTPRequest(method: "POST", url: rig.sim.baseURL + "/__admin/faults",
                                                         headers: ["Content-Type": "application/json"], body: Data(json.utf8)))
        #expect(r.status == 200 || r.status == 204, "faults: \(r.status)")
    }

    /// Polls `condition` every 20 ms for up to 30 s of real time.
    static func waitUntil(_ condition: () throws -> Bool) async throws {
        for _ in 0..<1_500 {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting")
    }
}
