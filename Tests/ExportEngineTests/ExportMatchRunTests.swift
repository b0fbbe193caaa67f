import ConnectorCore
import Foundation
import SalesforceAPI
import SalesforceConnector
import Store
import Testing
@testable import ExportEngine

/// Matching and object checks of a real export run against the simulator.
@Suite("Export matching and object checks against the simulator")
struct ExportMatchRunTests {
    @Test("create_missing false with an Email lookup updates the matches, creates nothing, and reports the rest as skipped")
    func createMissingFalse() async throws {
        let rig = try await ExportRunRig.start(
            leadFields: [#"{"name": "Lytics_Audiences__c", "type": "textarea", "length": 255}"#], members: 5)
        defer { Task { await rig.stop() } }
        let existing = try await rig.client.create("Lead", records: [
            ["LastName": .string("Old1"), "Company": .string("Old"), "Email": .string("M1@example.com")],
            ["LastName": .string("Old2"), "Company": .string("Old"), "Email": .string("m2@example.com")],
        ])
        #expect(existing.allSatisfy { $0.success })
        let job = try rig.job("export-update-only", ExportRunRig.leadJob(
            audiences: ["vip"], extra: "send_audiences_to: Lytics_Audiences__c\ncreate_missing: false"))
        let report = try await rig.run(job)
        #expect(report.outcome == .completed, "\(report.outcome)")
        #expect(report.backfilled == 5 && report.sent == 2 && report.skipped == 3, "\(report)")
        #expect(report.rejected == 0 && report.pending == 0, "\(report)")
        // describe + one IN lookup + one update of the two matches; no create.
        #expect(report.apiCalls == 3, "\(report)")

        let leads = try await rig.leads(["LastName", "Company", "Lytics_Audiences__c"])
        #expect(leads.count == 2, "no Lead was created: \(leads.byEmail.keys.sorted())")
        for i in 1...2 {
            let lead = leads.byEmail["m\(i)@example.com"]
            #expect(lead?["Id"]?.stringValue == existing[i - 1].id)
            #expect(lead?["LastName"] == .string("Member\(i)") && lead?["Company"] == .string("Acme"))
            #expect(lead?["Lytics_Audiences__c"] == .string("vip"))
        }
        let states = try rig.store.exportStates(job: "export-update-only")
        let byProfile = Dictionary(uniqueKeysWithValues: try (1...5).map { i in
            (i, try rig.store.profile(email: "m\(i)@example.com").id)
        })
        func state(_ i: Int) -> ExportState? { states.first { $0.profileID == byProfile[i] } }
        #expect(state(1)?.status == .sent && state(1)?.salesforceID == existing[0].id)
        #expect(state(2)?.status == .sent && state(2)?.salesforceID == existing[1].id)
        for i in 3...5 { #expect(state(i)?.status == .skipped && state(i)?.salesforceID == nil, "m\(i): \(String(describing: state(i)))") }
        #expect(try rig.store.rejectedRecords(job: "export-update-only").isEmpty)

        // Unchanged members, skipped or sent, are not looked up again on the next run.
        let again = try await rig.run(job)
        #expect(again.sent == 0 && again.skipped == 0 && again.pending == 0 && again.apiCalls == 1, "\(again)")
        #expect(try await rig.leads(["LastName"]).count == 2)
    }

    @Test("an object the simulator describes as createable but not updateable is refused with the sentence")
    func objectNotUpdateable() async throws {
        try await withSimulatorClient { client, _, _ in
            var lead = try await client.describe("Lead")
            #expect(lead.createable && lead.updateable)
            lead.updateable = false
            let job = leadExport(match: "Email")
            #expect(throws: ExportError.invalidJob(job: "export-leads", problems: ["Lead is not updateable"])) {
                try ExportPlan.make(job: job, description: lead)
            }
            do {
                _ = try ExportPlan.make(job: job, description: lead)
            } catch let error as ExportError {
                #expect(error.description == "Export job export-leads does not fit Salesforce: Lead is not updateable.")
            }
            // Both flags off: both are listed, in order, with the other problems of the job.
            lead.createable = false
            var bad = job
            bad.extraFields.append(FieldPair(profileField: "x", salesforceField: "Nope__c"))
            #expect(throws: ExportError.invalidJob(job: "export-leads", problems: [
                "Lead is not createable", "Lead is not updateable", "Lead.Nope__c does not exist",
            ])) { try ExportPlan.make(job: bad, description: lead) }
        }
    }
}
