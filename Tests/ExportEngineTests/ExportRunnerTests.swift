import ConnectorCore
import Foundation
import Testing
import SalesforceAPI
import Store
@testable import ExportEngine

private let mapping: [FieldMapping] = [
    FieldMapping(source: "lead_id", salesforceField: "Id", userField: "salesforce_lead_ids", type: .stringList, isUniqueID: true),
    FieldMapping(source: "lead_email", salesforceField: "Email", userField: "email", type: .string, isUniqueID: true),
    FieldMapping(source: "lead_last", salesforceField: "LastName", userField: "last_name", type: .string),
    FieldMapping(source: "lead_company", salesforceField: "Company", userField: "company", type: .string),
]

private func store(members count: Int) throws -> (Store, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let store = try Store(path: dir.appendingPathComponent("store.sqlite").path)
    let records = (1...count).map { i in
        StreamRecord(id: "src\(i)", timestamp: Date(timeIntervalSince1970: 1_767_225_600),
                     fields: ["lead_id": .string("src\(i)"), "lead_email": .string("m\(i)@example.com"),
                              "lead_last": .string("Member\(i)"), "lead_company": .string("Acme")])
    }
    _ = try store.appendPage(stream: "source_leads", object: "Lead", records: records, mapping: mapping)
    try store.defineAudience(ResolvedAudience(name: "vip", selection: .members(records.map { "m\($0.id.dropFirst(3))@example.com" })))
    return (store, dir)
}

private func job() -> ExportAudiencesJob {
    ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "j.yaml", line: 1), label: "L",
                       authorization: .named("simulator"), audiences: ["vip"], object: "Lead", matchField: "Email",
                       requiredFields: [FieldPair(profileField: "last_name", salesforceField: "LastName"),
                                        FieldPair(profileField: "company", salesforceField: "Company")],
                       extraFields: [FieldPair(profileField: "email", salesforceField: "Email")], batchSize: 4)
}

@Test func backfillKilledAfterSendingReplaysEveryMemberExactlyOnce() async throws {
    let (store, dir) = try store(members: 10)
    defer { try? FileManager.default.removeItem(at: dir) }
    try await withSimulatorClient { client, _, _ in
        let plan = try ExportPlan.make(job: job(), description: try await client.describe("Lead"))
        let runner = ExportRunner(job: job(), plan: plan, client: client, store: store)
        #expect(try runner.enqueueMembers() == 10)
        // The process dies after the first batch reached Salesforce, before outcomes were recorded.
        let first = try store.pendingExports(job: "export-leads", limit: 4)
        _ = try await runner.sender.send(first.map(\.payload))
        let rerun = ExportRunner(job: job(), plan: plan, client: client, store: store)
        #expect(try rerun.enqueueMembers() == 10)
        let result = try await rerun.drain()
        #expect(result.sent == 10 && result.rejected == 0)
        let emails = (1...10).map { "m\($0)@example.com" }
        let found = try await client.lookupIDs(object: "Lead", field: "Email", values: emails)
        #expect(found.count == 10)
        #expect(Set(found.compactMap { $0.value.stringValue?.lowercased() }) == Set(emails))
        #expect(try store.exportStates(job: "export-leads").allSatisfy { $0.status == .sent && $0.salesforceID != nil })
        // Nothing changed: a third run sends nothing.
        #expect(try rerun.enqueueMembers() == 0)
    }
}

@Test func changeFeedResendsOnTriggerFieldChangesOnly() async throws {
    let (store, dir) = try store(members: 3)
    defer { try? FileManager.default.removeItem(at: dir) }
    var triggered = job()
    triggered.triggerFields = ["company"]
    try await withSimulatorClient { client, _, _ in
        let plan = try ExportPlan.make(job: triggered, description: try await client.describe("Lead"))
        let runner = ExportRunner(job: triggered, plan: plan, client: client, store: store)
        try runner.startFeedAtLatest()
        _ = try runner.enqueueMembers()
        #expect(try await runner.drain().sent == 3)
        func update(_ i: Int, last: String, company: String) throws {
            let record = StreamRecord(id: "src\(i)", timestamp: Date(timeIntervalSince1970: 1_767_312_000),
                                      fields: ["lead_id": .string("src\(i)"), "lead_email": .string("m\(i)@example.com"),
                                               "lead_last": .string(last), "lead_company": .string(company)])
            _ = try store.appendPage(stream: "source_leads", object: "Lead", records: [record], mapping: mapping)
        }
        try update(1, last: "Renamed", company: "Acme")
        #expect(try runner.enqueueChanges() == 0)
        try update(2, last: "Member2", company: "Globex")
        #expect(try runner.enqueueChanges() == 1)
        #expect(try await runner.drain().sent == 1)
        var companies: [String: String] = [:]
        for try await page in try client.query("SELECT Email, Company FROM Lead") {
            for r in page.records { companies[r["Email"]?.stringValue ?? ""] = r["Company"]?.stringValue }
        }
        #expect(companies == ["m1@example.com": "Acme", "m2@example.com": "Globex", "m3@example.com": "Acme"])
        #expect(try runner.enqueueChanges() == 0)
    }
}
