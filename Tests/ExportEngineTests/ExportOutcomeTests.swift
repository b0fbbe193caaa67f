import ConnectorCore
import Foundation
import HTTPTransport
import Testing
import SalesforceAPI
import SalesforceSimulator
@testable import ExportEngine

private func admin(_ sim: RunningSimulator, _ t: CurlTransport, _ path: String, _ json: String) async throws -> [String: JSONValue] {
    let r = try await t.send(HTTPRequest(method: "POST", url: sim.baseURL + path,
                                         headers: ["Content-Type": "application/json"], body: Data(json.utf8)))
    return (try? JSONDecoder().decode([String: JSONValue].self, from: r.body)) ?? [:]
}

private func leadJob(match: String?) -> ExportAudiencesJob {
    ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "j.yaml", line: 1), label: "L",
                       authorization: .named("simulator"), audiences: ["vip"], object: "Lead", matchField: match,
                       requiredFields: [FieldPair(profileField: "last", salesforceField: "LastName"),
                                        FieldPair(profileField: "company", salesforceField: "Company")],
                       extraFields: [FieldPair(profileField: "email", salesforceField: "Email"),
                                     FieldPair(profileField: "title", salesforceField: "Title")])
}

@Test func duplicatesUpdateTheNamedMatchOrAreRejected() async throws {
    try await withSimulatorClient { client, sim, t in
        let first = try await client.create("Lead", records: [["LastName": .string("Ng"), "Company": .string("A"),
                                                               "Email": .string("ng@example.com")]])
        _ = try await admin(sim, t, "/__admin/duplicate-rule", #"{"mode":"block"}"#)
        let plan = try ExportPlan.make(job: leadJob(match: nil), description: try await client.describe("Lead"))
        let record: SalesforceRecord = ["LastName": .string("Ng"), "Company": .string("A"),
                                        "Email": .string("ng@example.com"), "Title": .string("CTO")]
        let updated = try await ExportBatchSender(plan: plan, client: client).send([record])
        #expect(updated == [.sent(salesforceID: first[0].id)])
        let rejected = try await ExportBatchSender(plan: plan, client: client, onDuplicate: .reject).send([record])
        guard case .rejected("DUPLICATES_DETECTED", _) = rejected[0] else { Issue.record("\(rejected)"); return }
        let check = try await client.lookupIDs(object: "Lead", field: "Email", values: ["ng@example.com"])
        #expect(check.count == 1)
    }
}

@Test func convertedLeadsFollowToTheContactOrAreRejected() async throws {
    try await withSimulatorClient { client, sim, t in
        let lead = try await client.create("Lead", records: [["LastName": .string("Ng"), "Company": .string("A"),
                                                              "Email": .string("ng@example.com")]])
        let conversion = try await admin(sim, t, "/__admin/convert-lead", #"{"leadId":"\#(lead[0].id ?? "")"}"#)
        let contactID = conversion["contactId"]?.stringValue
        #expect(contactID != nil)
        let plan = try ExportPlan.make(job: leadJob(match: "Email"), description: try await client.describe("Lead"))
        let record: SalesforceRecord = ["LastName": .string("Ng"), "Company": .string("A"),
                                        "Email": .string("ng@example.com"), "Title": .string("CTO")]
        let followed = try await ExportBatchSender(plan: plan, client: client).send([record])
        #expect(followed == [.sent(salesforceID: contactID)])
        var title: JSONValue?
        for try await page in try client.query("SELECT Title FROM Contact WHERE Id = '\(contactID ?? "")'") {
            title = page.records.first?["Title"]
        }
        #expect(title == .string("CTO"))
        let rejected = try await ExportBatchSender(plan: plan, client: client, onConvertedLead: .reject).send([record])
        guard case .rejected("CANNOT_UPDATE_CONVERTED_LEAD", _) = rejected[0] else { Issue.record("\(rejected)"); return }
    }
}

@Test func lockedRowsAreRetried() async throws {
    try await withSimulatorClient { client, sim, t in
        _ = try await admin(sim, t, "/__admin/faults", #"{"unableToLockRowRate":1}"#)
        let plan = try ExportPlan.make(job: leadJob(match: nil), description: try await client.describe("Lead"))
        let record: SalesforceRecord = ["LastName": .string("Ng"), "Company": .string("A")]
        #expect(try await ExportBatchSender(plan: plan, client: client).send([record]) == [.retry])
    }
}

@Test func allowSaveSendsTheDuplicateRuleHeaderSoAnAlertRuleSaves() async throws {
    try await withSimulatorClient { client, sim, t in
        let first = try await client.create("Lead", records: [["LastName": .string("Ng"), "Company": .string("A"),
                                                               "Email": .string("ng@example.com")]])
        _ = try await admin(sim, t, "/__admin/duplicate-rule", #"{"mode":"alert"}"#)
        let plan = try ExportPlan.make(job: leadJob(match: nil), description: try await client.describe("Lead"))
        let record: SalesforceRecord = ["LastName": .string("Ng"), "Company": .string("B"),
                                        "Email": .string("NG@example.com"), "Title": .string("CTO")]
        // Without the header an alert rule refuses the save like a block rule.
        let rejected = try await ExportBatchSender(plan: plan, client: client, onDuplicate: .reject).send([record])
        guard case .rejected("DUPLICATES_DETECTED", _) = rejected[0] else { Issue.record("\(rejected)"); return }
        #expect(try await ExportBatchSender(plan: plan, client: client).send([record]) == [.sent(salesforceID: first[0].id)])
        let saved = try await ExportBatchSender(plan: plan, client: client, onDuplicate: .allowSave).send([record])
        guard case .sent(let id?) = saved[0] else { Issue.record("\(saved)"); return }
        #expect(id != first[0].id)
        let both = try await client.lookupIDs(object: "Lead", field: "Email", values: ["ng@example.com"])
        #expect(Set(both.map(\.id)) == [first[0].id!, id])
        // A block rule cannot be bypassed: allow_save is rejected with Salesforce's code.
        _ = try await admin(sim, t, "/__admin/duplicate-rule", #"{"mode":"block"}"#)
        let blocked = try await ExportBatchSender(plan: plan, client: client, onDuplicate: .allowSave).send([record])
        guard case .rejected("DUPLICATES_DETECTED", _) = blocked[0] else { Issue.record("\(blocked)"); return }
    }
}
