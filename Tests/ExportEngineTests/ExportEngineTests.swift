import Foundation
import Testing
import ConnectorCore
import SalesforceAPI
@testable import ExportEngine

/// A Lead describe in Salesforce's shape: LastName and Company required, Email idLookup,
/// Lytics_Id__c External ID, Lytics_Audiences__c 20 characters, Name calculated.
private func leadDescribe(createable: Bool = true) throws -> ObjectDescription {
    func f(_ name: String, _ extra: String) -> String {
        "{\"name\":\"\(name)\",\"type\":\"string\",\(extra)}"
    }
    let fields = [
        f("Id", "\"length\":18,\"nillable\":false,\"createable\":false,\"updateable\":false,\"defaultedOnCreate\":true,\"idLookup\":true"),
        f("LastName", "\"length\":80,\"nillable\":false,\"createable\":true,\"updateable\":true"),
        f("Company", "\"length\":255,\"nillable\":false,\"createable\":true,\"updateable\":true"),
        f("Status", "\"length\":40,\"nillable\":false,\"createable\":true,\"updateable\":true,\"defaultedOnCreate\":true"),
        f("Email", "\"length\":80,\"nillable\":true,\"createable\":true,\"updateable\":true,\"idLookup\":true"),
        f("Lytics_Id__c", "\"length\":64,\"nillable\":true,\"createable\":true,\"updateable\":true,\"externalId\":true,\"idLookup\":true"),
        f("Lytics_Audiences__c", "\"length\":20,\"nillable\":true,\"createable\":true,\"updateable\":true"),
        f("Name", "\"length\":121,\"nillable\":true,\"createable\":false,\"updateable\":false,\"calculated\":true"),
        f("FirstName", "\"length\":40,\"nillable\":true,\"createable\":true,\"updateable\":true"),
    ]
    let json = "{\"name\":\"Lead\",\"createable\":\(createable),\"updateable\":true,\"fields\":[\(fields.joined(separator: ","))]}"
    return try JSONDecoder().decode(ObjectDescription.self, from: Data(json.utf8))
}

private func job(match: String?, required: [(String, String)] = [("last_name", "LastName"), ("company", "Company")],
                 extra: [(String, String)] = [("email", "Email"), ("lytics_id", "Lytics_Id__c")],
                 triggers: [String] = []) -> ExportAudiencesJob {
    ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "jobs/export-leads.yaml", line: 1),
                       label: "Leads", authorization: .named("simulator"),
                       audiences: ["vip"], object: "Lead", matchField: match, sendAudiencesTo: "Lytics_Audiences__c",
                       requiredFields: required.map { FieldPair(profileField: $0.0, salesforceField: $0.1) },
                       extraFields: extra.map { FieldPair(profileField: $0.0, salesforceField: $0.1) },
                       triggerFields: triggers)
}

@Test func externalIdMatchFieldUpsertsByExternalId() throws {
    let plan = try ExportPlan.make(job: job(match: "Lytics_Id__c"), description: leadDescribe())
    #expect(plan.match == .upsertByExternalId(field: "Lytics_Id__c"))
    #expect(plan.fieldLengths["Lytics_Audiences__c"] == 20)
}

@Test func emailMatchFieldLooksUpThenUpdatesOrCreates() throws {
    #expect(try ExportPlan.make(job: job(match: "Email"), description: leadDescribe()).match == .lookup(field: "Email"))
    #expect(try ExportPlan.make(job: job(match: nil), description: leadDescribe()).match == .create)
}

@Test func validationListsEveryProblemAtOnce() throws {
    let bad = job(match: "FirstName", required: [("last_name", "LastName")],
                  extra: [("first", "FirstName"), ("x", "Nope__c"), ("name", "Name")],
                  triggers: (1...76).map { "f\($0)" })
    #expect(throws: ExportError.invalidJob(job: "export-leads", problems: [
        "Lead is not createable",
        "trigger_fields lists 76 fields, at most 75 are allowed",
        "Lead.Nope__c does not exist",
        "Lead.Name is not writable",
        "required field Lead.Company is not mapped in required_fields",
        "match_field Lead.FirstName is neither an External ID nor an idLookup field",
    ])) { try ExportPlan.make(job: bad, description: leadDescribe(createable: false)) }
    let message = ExportError.invalidJob(job: "j", problems: ["a", "b"]).description
    #expect(message == "Export job j does not fit Salesforce: a; b.")
}

@Test func audiencesFieldIsSortedFilteredAndNeverTooLong() {
    let all = AudienceFieldValue(memberOf: ["vip", "beta", "internal"], exported: ["vip", "beta"],
                                 separator: ";", maxLength: 0)
    #expect(all == AudienceFieldValue(memberOf: ["beta", "vip"], exported: ["beta", "vip"], separator: ";", maxLength: 100))
    #expect(all.text == "beta;vip" && all.omitted.isEmpty)
    let tight = AudienceFieldValue(memberOf: ["aaaaaaaaaa", "bbbbbbbbbbbbbbb", "cc"],
                                   exported: ["aaaaaaaaaa", "bbbbbbbbbbbbbbb", "cc"], separator: ";", maxLength: 13)
    #expect(tight.text == "aaaaaaaaaa;cc")
    #expect(tight.omitted == ["bbbbbbbbbbbbbbb"])
    #expect(AudienceFieldValue(memberOf: ["vip"], exported: ["beta"], separator: ";", maxLength: 5).text.isEmpty)
}
