import ConnectorCore
import Foundation
import Testing
import SalesforceAPI
import SalesforceSimulator
import Store
@testable import ExportEngine

@Suite("Export by Bulk API 2.0 ingest")
struct ExportBulkTests {
    @Test("a 3,000-member backfill under api auto goes by one Bulk upsert job; a failed row is rejected")
    func backfillByBulkUpsert() async throws {
        let (org, url) = try lyticsLeadOrg()
        defer { try? FileManager.default.removeItem(at: url) }
        // Member 7 has no last name: Salesforce refuses its row with REQUIRED_FIELD_MISSING.
        let (store, dir) = try exportStore(members: 3_000, fields: { $0 == 7 ? ["lead_last": .null] : [:] },
                                           audiences: ["beta": 1...100])
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withSimulatorClient(org: org) { client, sim, _ in
            let job = leadExport(match: "Lytics_Id__c", audiences: ["vip", "beta"], sendAudiencesTo: "Lytics_Audiences__c",
                                 uid: true)
            let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
            let runner = ExportRunner(job: job, plan: plan, client: client, store: store)
            #expect(try runner.enqueueMembers() == 3_000)
            #expect(runner.sendPath(pending: 3_000) == .bulk)
            #expect(runner.sendPath(pending: ExportRunner.bulkThreshold) == .collections)
            let before = sim.apiCallsUsed()
            let result = try await runner.drain()
            let calls = sim.apiCallsUsed() - before
            #expect(result.sent == 2_999 && result.rejected == 1)
            // create + upload + close + polls + three result files.
            #expect(calls <= 10, "the Bulk backfill used \(calls) calls")
            let rejected = try store.rejectedRecords(job: job.name)
            #expect(rejected.count == 1)
            #expect(rejected.first?.errorCode == "REQUIRED_FIELD_MISSING")
            #expect(rejected.first?.message == "Required fields are missing: [LastName]")
            #expect(rejected.first?.profileID == (try store.profile(email: "m7@example.com")).id)
            var audiences: [String: String] = [:]
            for try await page in try client.query("SELECT Lytics_Id__c, Lytics_Audiences__c FROM Lead") {
                for r in page.records {
                    audiences[r["Lytics_Id__c"]?.stringValue ?? "?"] = r["Lytics_Audiences__c"]?.stringValue ?? ""
                }
            }
            #expect(audiences.count == 2_999)
            #expect(audiences["u7"] == nil)
            let wrong = (1...3_000).filter { $0 != 7 && audiences["u\($0)"] != ($0 <= 100 ? "beta;vip" : "vip") }
            #expect(wrong.isEmpty, "members with a wrong audiences field: \(wrong.prefix(5))")
            let states = try store.exportStates(job: job.name)
            #expect(states.filter { $0.status == .sent && $0.salesforceID?.hasPrefix("00Q") == true }.count == 2_999)
            #expect(try store.pendingExportCount(job: job.name) == 0)
            #expect(try runner.enqueueMembers() == 0)
        }
    }

    @Test("lookup by Email goes by IN lookups then Bulk update and insert; unprocessed rows of a failed job are retried")
    func lookupThenBulkWithFailedJob() async throws {
        let (store, dir) = try exportStore(members: 2_500)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withSimulatorClient { client, sim, t in
            let lead = { (last: String, email: String) -> SalesforceRecord in
                ["LastName": .string(last), "Company": .string("Old"), "Email": .string(email)]
            }
            let existing = try await client.create("Lead", records: [lead("Old", "M1@example.com"), lead("Twin1", "m2@example.com"),
                                                                       lead("Twin2", "m2@example.com")])
            let job = leadExport(match: "Email", api: .bulk)
            let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
            let runner = ExportRunner(job: job, plan: plan, client: client, store: store)
            #expect(try runner.enqueueMembers() == 2_500)
            // The update job runs whole; the insert job fails after 1,000 rows, the rest unprocessed.
            for processed in [1_000, 1_000] {
                let r = try await simulatorAdmin(sim, t, "/__admin/bulk", #"{"failNextJob":{"errorMessage":"InternalServerError : retries exhausted","processRecords":\#(processed)}}"#)
                #expect(r.status == 200)
            }
            let result = try await runner.drain()
            #expect(result.sent == 2_499 && result.rejected == 1)
            let rejected = try store.rejectedRecords(job: job.name)
            #expect(rejected.map(\.errorCode) == ["AMBIGUOUS_MATCH"])
            #expect(rejected.first?.message.hasPrefix("2 Lead records have Email m2@example.com") == true)
            let m1 = try store.exportState(job: job.name, profileID: try store.profile(email: "m1@example.com").id)
            #expect(m1?.salesforceID == existing[0].id)
            var perEmail: [String: Int] = [:]
            var lastOfM1 = ""
            for try await page in try client.query("SELECT Email, LastName FROM Lead") {
                for r in page.records {
                    let email = r["Email"]?.stringValue?.lowercased() ?? ""
                    perEmail[email, default: 0] += 1
                    if email == "m1@example.com" { lastOfM1 = r["LastName"]?.stringValue ?? "" }
                }
            }
            #expect(perEmail.count == 2_500 && perEmail["m2@example.com"] == 2)
            #expect(perEmail.filter { $0.key != "m2@example.com" }.values.allSatisfy { $0 == 1 })
            #expect(lastOfM1 == "Member1")
        }
    }

    @Test("a Bulk row refused as a duplicate is resolved through Collections under update_match, rejected under reject")
    func bulkDuplicatesFollowUp() async throws {
        let (store, dir) = try exportStore(members: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withSimulatorClient { client, sim, t in
            let first = try await client.create("Lead", records: [["LastName": .string("Ng"), "Company": .string("A"),
                                                                   "Email": .string("m2@example.com")]])
            try await simulatorAdmin(sim, t, "/__admin/duplicate-rule", #"{"mode":"block"}"#)
            let job = leadExport(match: nil, api: .bulk)
            let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
            _ = try ExportRunner(job: job, plan: plan, client: client, store: store).enqueueMembers()
            let records = try store.pendingExports(job: job.name).map(\.payload)
            let sender = ExportBatchSender(plan: plan, client: client)
            let outcomes = try await ExportBulkSender(batch: sender, batchSize: 200).send(records)
            #expect(outcomes[1] == .sent(salesforceID: first[0].id))
            guard case .sent(let id?) = outcomes[0], id != first[0].id else { Issue.record("\(outcomes)"); return }
            var rejecting = sender
            rejecting.onDuplicate = .reject
            let again = try await ExportBulkSender(batch: rejecting, batchSize: 200).send([records[1]])
            guard case .rejected("DUPLICATES_DETECTED", let message) = again[0] else { Issue.record("\(again)"); return }
            #expect(message == "You're creating a duplicate record. We recommend you use an existing record instead.")
            let matches = try await client.lookupIDs(object: "Lead", field: "Email", values: ["m2@example.com"])
            #expect(matches.map(\.id) == [first[0].id!])
        }
    }
}
