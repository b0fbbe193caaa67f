import Foundation
import Testing
import ConnectorCore
import SalesforceAPI
@testable import ExportEngine

private func plan(_ lengths: [String: Int]) -> ExportPlan {
    ExportPlan(object: "Lead", match: .lookup(field: "Email"), createMissing: true, fieldLengths: lengths)
}

private func leadJob() -> ExportAudiencesJob {
    ExportAudiencesJob(name: "export-leads", source: SourceLocation(file: "jobs/export-leads.yaml", line: 1),
                       label: "Leads", authorization: .named("simulator"), audiences: ["vip", "beta"],
                       object: "Lead", matchField: "Email", sendAudiencesTo: "Lytics_Audiences__c",
                       sendScoresTo: "Lytics_Scores__c", scoresFields: ["score_momentum", "score_frequency"],
                       requiredFields: [FieldPair(profileField: "last_name", salesforceField: "LastName")],
                       extraFields: [FieldPair(profileField: "email", salesforceField: "Email"),
                                     FieldPair(profileField: "title", salesforceField: "Title")],
                       triggerFields: ["title"])
}

@Test func recordMapsFieldsWithExplicitNullsAndAudiences() {
    let builder = ExportRecordBuilder(job: leadJob(), plan: plan(["Lytics_Audiences__c": 8, "Lytics_Scores__c": 20]))
    let (payload, omitted) = builder.record(
        fields: ["last_name": .string("Ng"), "email": .string("ng@example.com"), "title": .string(""),
                 "score_momentum": .number(42), "score_frequency": .number(7)],
        audiences: ["vip", "beta", "other"])
    #expect(payload["LastName"] == .string("Ng"))
    #expect(payload["Email"] == .string("ng@example.com"))
    #expect(payload["Title"] == .null)
    #expect(payload["Lytics_Audiences__c"] == .string("beta;vip"))
    #expect(omitted.isEmpty)
    #expect(payload["Lytics_Scores__c"] == .string("score_momentum=42"))
    let none = builder.record(fields: [:], audiences: [String]())
    #expect(none.payload["Lytics_Audiences__c"] == .null && none.payload["Lytics_Scores__c"] == .null)
}

@Test func triggerHashChangesOnlyWithTriggerFields() {
    let builder = ExportRecordBuilder(job: leadJob(), plan: plan([:]))
    let base = builder.triggerHash(fields: ["title": .string("CTO"), "email": .string("a@b.c")])
    #expect(base == builder.triggerHash(fields: ["title": .string("CTO"), "email": .string("x@y.z")]))
    #expect(base != builder.triggerHash(fields: ["title": .string("CEO"), "email": .string("a@b.c")]))
}
