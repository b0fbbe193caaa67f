import ConnectorCore
import Foundation
import SalesforceAPI
import SalesforceConnector
import SalesforceSimulator
import Store
import Testing
@testable import ExportEngine

/// Transient failures from the simulator (`UNABLE_TO_LOCK_ROW` per record, 503 for a whole call):
/// the entries stay pending in the outbox, nothing is rejected, and a later pass sends each
/// member exactly once with the right field.
@Suite("Export retries against the simulator")
struct ExportRetryRunTests {
    static let audiencesField = #"{"name": "Lytics_Audiences__c", "type": "textarea", "length": 255}"#

    @Test("UNABLE_TO_LOCK_ROW on every write: the run completes with the members pending; the next run sends them once")
    func lockedRowsStayPendingAcrossRuns() async throws {
        let rig = try await ExportRunRig.start(leadFields: [Self.audiencesField], members: 4, audiences: ["beta": 1...2])
        defer { Task { await rig.stop() } }
        let job = try rig.job("export-locked", ExportRunRig.leadJob(
            audiences: ["vip", "beta"], extra: "send_audiences_to: Lytics_Audiences__c"))
        try await simulatorAdmin(rig.sim, rig.transport, "/__admin/faults", #"{"unableToLockRowRate":1}"#)
        let locked = try await rig.run(job)
        #expect(locked.outcome == .completed, "\(locked.outcome)")
        #expect(locked.backfilled == 4 && locked.sent == 0 && locked.rejected == 0 && locked.pending == 4, "\(locked)")
        #expect(try rig.store.pendingExportCount(job: "export-locked") == 4)
        #expect(try rig.store.rejectedRecords(job: "export-locked").isEmpty)
        #expect(try await rig.leads([]).count == 0)

        try await simulatorAdmin(rig.sim, rig.transport, "/__admin/faults", #"{"unableToLockRowRate":0}"#)
        let later = try await rig.run(job)
        #expect(later.outcome == .completed && later.backfilled == 0, "\(later)")
        #expect(later.sent == 4 && later.rejected == 0 && later.pending == 0, "\(later)")
        let leads = try await rig.leads(["Lytics_Audiences__c"])
        #expect(leads.count == 4, "every member exactly once")
        let field = leads.byEmail.mapValues { $0["Lytics_Audiences__c"]?.stringValue ?? "" }
        #expect(field == ["m1@example.com": "beta;vip", "m2@example.com": "beta;vip",
                          "m3@example.com": "vip", "m4@example.com": "vip"])
    }

    @Test("a lock on the first pass and a 503 outlasting the client's retries on the second leave the member pending; the third sends it once")
    func lockThen503ThenSent() async throws {
        let (store, dir) = try exportStore(members: 3, audiences: ["beta": 2...2])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (org, url) = try lyticsLeadOrg()
        defer { try? FileManager.default.removeItem(at: url) }
        try await withSimulatorClient(org: org) { _, sim, t in
            // The client's backoff between 503 retries sleeps on a manual clock: no real waiting.
            let client = SalesforceClient(transport: t, tokens: PasswordTokens(sim, transport: t), gate: UnmeteredGate(),
                                          purpose: CallPurpose(job: "export-leads", priority: .backfill),
                                          clock: ManualWallClock())
            let job = leadExport(match: "Email", api: .rest, audiences: ["vip", "beta"], sendAudiencesTo: "Lytics_Audiences__c")
            let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
            let runner = ExportRunner(job: job, plan: plan, client: client, store: store)
            #expect(try runner.enqueueMembers() == 3)
            // m1 and m3 already exist: the lookup finds them, the lock fault hits their update.
            let existing = try await client.create("Lead", records: [1, 3].map { i in
                ["LastName": .string("Old\(i)"), "Company": .string("Old"), "Email": .string("m\(i)@example.com")]
            })

            try await simulatorAdmin(sim, t, "/__admin/faults", #"{"unableToLockRowRate":1}"#)
            let first = try await runner.drain()
            #expect(first.sent == 0 && first.rejected == 0)
            #expect(try store.pendingExportCount(job: job.name) == 3)

            try await simulatorAdmin(sim, t, "/__admin/faults", #"{"serverUnavailableRate":1}"#)
            do {
                _ = try await runner.drain()
                Issue.record("a 503 on every call should end the pass")
            } catch let error as SalesforceError {
                #expect(error.httpStatus == 503 && error.errorCode == "SERVER_UNAVAILABLE", "\(error)")
                #expect(error.kind == .transient)
            }
            #expect(try store.pendingExportCount(job: job.name) == 3)
            #expect(try store.rejectedRecords(job: job.name).isEmpty)

            try await simulatorAdmin(sim, t, "/__admin/faults", "{}")
            let third = try await runner.drain()
            #expect(third.sent == 3 && third.rejected == 0)
            #expect(try store.pendingExportCount(job: job.name) == 0)
            var rows: [String: [SalesforceRecord]] = [:]
            for try await page in try client.query("SELECT Id, Email, LastName, Lytics_Audiences__c FROM Lead") {
                for r in page.records { rows[r["Email"]?.stringValue?.lowercased() ?? "?", default: []].append(r) }
            }
            #expect(rows.count == 3 && rows.values.allSatisfy { $0.count == 1 }, "each member exactly once: \(rows)")
            #expect(rows["m1@example.com"]?.first?["Id"]?.stringValue == existing[0].id)
            #expect(rows["m3@example.com"]?.first?["Id"]?.stringValue == existing[1].id)
            #expect(rows["m1@example.com"]?.first?["LastName"] == .string("Member1"))
            #expect(rows.mapValues { $0.first?["Lytics_Audiences__c"]?.stringValue ?? "" }
                    == ["m1@example.com": "vip", "m2@example.com": "beta;vip", "m3@example.com": "vip"])
            let states = try store.exportStates(job: job.name)
            #expect(states.count == 3 && states.allSatisfy { $0.status == .sent && $0.salesforceID?.hasPrefix("00Q") == true })
        }
    }
}
