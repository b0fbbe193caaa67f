import ConnectorCore
import Foundation
import Testing
import SalesforceAPI
@testable import ExportEngine

private func lead(_ last: String, _ email: String?) -> SalesforceRecord {
    ["LastName": .string(last), "Company": .string("Acme"), "Email": email.map { .string($0) } ?? .null]
}

@Test func emailLookupUpdatesMatchesCreatesTheRestAndRejectsAmbiguous() async throws {
    try await withSimulatorClient { client, _, _ in
        let existing = try await client.create("Lead", records: [lead("Old", "old@example.com"),
                                                                   lead("Twin1", "twin@example.com"),
                                                                   lead("Twin2", "twin@example.com")])
        #expect(existing.allSatisfy { $0.success })
        let job = ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "j.yaml", line: 1), label: "L",
                                     authorization: .named("simulator"), audiences: ["vip"], object: "Lead",
                                     matchField: "Email",
                                     requiredFields: [FieldPair(profileField: "last", salesforceField: "LastName"),
                                                      FieldPair(profileField: "company", salesforceField: "Company")],
                                     extraFields: [FieldPair(profileField: "email", salesforceField: "Email")])
        let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
        #expect(plan.match == .lookup(field: "Email"))
        let sender = ExportBatchSender(plan: plan, client: client)
        let outcomes = try await sender.send([lead("Renamed", "OLD@example.com"), lead("New", "new@example.com"),
                                              lead("Twin", "twin@example.com"), lead("NoEmail", nil)])
        #expect(outcomes[0] == .sent(salesforceID: existing[0].id))
        guard case .sent(let newID?) = outcomes[1] else { Issue.record("create failed: \(outcomes[1])"); return }
        #expect(newID != existing[0].id)
        guard case .rejected("AMBIGUOUS_MATCH", let message) = outcomes[2] else { Issue.record("\(outcomes[2])"); return }
        #expect(message.hasPrefix("2 Lead records have Email twin@example.com"))
        #expect(outcomes[3] == .rejected(code: "MISSING_MATCH_VALUE",
                                         message: "The profile has no value for the match field Email."))
        let names = try await client.lookupIDs(object: "Lead", field: "Email", values: ["old@example.com"])
        #expect(names.map(\.id) == [existing[0].id!])
    }
}

@Test func noMatchFieldCreatesAndRejectsWithSalesforceCode() async throws {
    try await withSimulatorClient { client, _, _ in
        let job = ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "j.yaml", line: 1), label: "L",
                                     authorization: .named("simulator"), audiences: ["vip"], object: "Lead",
                                     requiredFields: [FieldPair(profileField: "last", salesforceField: "LastName"),
                                                      FieldPair(profileField: "company", salesforceField: "Company")])
        let plan = try ExportPlan.make(job: job, description: try await client.describe("Lead"))
        #expect(plan.match == .create)
        let outcomes = try await ExportBatchSender(plan: plan, client: client)
            .send([lead("A", nil), ["LastName": .null, "Company": .string("Acme")]])
        guard case .sent(let id?) = outcomes[0] else { Issue.record("\(outcomes[0])"); return }
        #expect(id.hasPrefix("00Q"))
        guard case .rejected(let code, _) = outcomes[1] else { Issue.record("\(outcomes[1])"); return }
        #expect(code == "REQUIRED_FIELD_MISSING")
    }
}
