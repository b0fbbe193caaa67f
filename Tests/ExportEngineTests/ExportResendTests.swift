import ConnectorCore
import Foundation
import Testing
import SalesforceAPI
import Store
@testable import ExportEngine

@Suite("Re-sends without a match field")
struct ExportResendTests {
    @Test("a job with no match field updates the record it created when a trigger field changes")
    func createThenUpdateByRememberedId() async throws {
        let (store, dir) = try exportStore(members: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        let job = leadExport(match: nil, api: .rest, triggers: ["company"])
        try await withSimulatorClient { client, _, _ in
            let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
            let runner = ExportRunner(job: job, plan: plan, client: client, store: store)
            try runner.startFeedAtLatest()
            _ = try runner.enqueueMembers()
            #expect(try await runner.drain().sent == 3)
            let created = try store.exportStates(job: job.name).compactMap(\.salesforceID)
            #expect(created.count == 3)
            let record = StreamRecord(id: "src2", timestamp: Date(timeIntervalSince1970: 1_767_312_000),
                                      fields: ["lead_email": .string("m2@example.com"), "lead_last": .string("Member2"),
                                               "lead_company": .string("Globex"), "lead_uid": .string("u2")])
            _ = try store.appendPage(stream: "source_leads", object: "Lead", records: [record], mapping: exportMapping)
            #expect(try runner.enqueueChanges() == 1)
            #expect(try await runner.drain().sent == 1)
            var companies: [String: String] = [:]
            for try await page in try client.query("SELECT Id, Company FROM Lead") {
                for r in page.records { companies[r["Id"]?.stringValue ?? ""] = r["Company"]?.stringValue }
            }
            #expect(Set(companies.keys) == Set(created))
            #expect(companies.values.sorted() == ["Acme", "Acme", "Globex"])
            #expect(Set(try store.exportStates(job: job.name).compactMap(\.salesforceID)) == Set(created))
        }
    }
}
