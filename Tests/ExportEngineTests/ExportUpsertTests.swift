import ConnectorCore
import Foundation
import Testing
import SalesforceAPI
import SalesforceSimulator
@testable import ExportEngine

/// An org whose Lead has an External ID `Lytics_Id__c` and a 20-character `Lytics_Audiences__c`.
private func customLeadOrg() throws -> (OrgSetup, URL) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
    let json = """
    {"objects": [{"name": "Lead", "fields": [
      {"name": "Lytics_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true},
      {"name": "Lytics_Audiences__c", "type": "string", "length": 20}]}]}
    """
    try Data(json.utf8).write(to: url)
    return (OrgSetup(schemaFile: url.path), url)
}

@Test func upsertByExternalIdCreatesThenUpdatesAndKeepsTheAudiencesFieldWithinLength() async throws {
    let (org, url) = try customLeadOrg()
    defer { try? FileManager.default.removeItem(at: url) }
    try await withSimulatorClient(org: org) { client, _, _ in
        let job = ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "j.yaml", line: 1), label: "L",
                                     authorization: .named("simulator"), audiences: ["vip", "beta_testers", "cc", "zzzz"],
                                     object: "Lead", matchField: "Lytics_Id__c", sendAudiencesTo: "Lytics_Audiences__c",
                                     requiredFields: [FieldPair(profileField: "last", salesforceField: "LastName"),
                                                      FieldPair(profileField: "company", salesforceField: "Company")],
                                     extraFields: [FieldPair(profileField: "uid", salesforceField: "Lytics_Id__c")])
        let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
        #expect(plan.match == .upsertByExternalId(field: "Lytics_Id__c"))
        #expect(plan.fieldLengths["Lytics_Audiences__c"] == 20)
        let builder = ExportRecordBuilder(job: job, plan: plan)
        let fields: [String: JSONValue] = ["last": .string("Ada"), "company": .string("Acme"), "uid": .string("u-1")]
        let record = builder.record(fields: fields, audiences: ["vip", "beta_testers", "cc"])
        // "beta_testers;cc;vip" is 19 characters; all three fit. Add one that cannot.
        let tight = builder.record(fields: fields, audiences: ["vip", "beta_testers", "cc", "zzzz"])
        #expect(tight.payload["Lytics_Audiences__c"] == .string("beta_testers;cc;vip"))
        #expect(tight.omitted == ["zzzz"])
        let sender = ExportBatchSender(plan: plan, client: client)
        let first = try await sender.send([record.payload])
        guard case .sent(let id?) = first[0] else { Issue.record("upsert create failed: \(first[0])"); return }
        let second = try await sender.send([builder.record(fields: fields.merging(["last": .string("Lovelace")]) { $1 },
                                                           audiences: ["vip"]).payload])
        #expect(second[0] == .sent(salesforceID: id))
        let found = try await client.lookupIDs(object: "Lead", field: "Lytics_Id__c", values: ["u-1"])
        #expect(found.map(\.id) == [id])
    }
}
