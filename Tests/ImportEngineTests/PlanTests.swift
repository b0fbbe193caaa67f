import ConnectorCore
import Definitions
import Foundation
import ImportEngine
import Testing

@Suite("ImportPlanner")
struct PlanTests {
    @Test("skips default fields the org lacks with one warning naming them")
    func skipsMissingDefaults() throws {
        let rows = Fixtures.leadRows + [
            FieldMapping(source: "lead_country_code", salesforceField: "CountryCode", userField: "c", type: .string),
        ]
        let plan = try ImportPlanner(defaultRows: rows).plan(stream: "salesforce_leads", schema: Fixtures.leadDescribe)
        #expect(plan.skippedDefaults == ["RecordType.Name", "CountryCode"])
        let warning = try #require(plan.skippedWarning)
        #expect(warning.contains("RecordType.Name") && warning.contains("CountryCode") && warning.contains("Lead"))
        #expect(!plan.columns.contains { $0.source == "lead_record_type" })
        #expect(plan.selectFields.prefix(2) == ["Id", "SystemModstamp"])
        #expect(plan.selectFields.contains("NumberOfEmployees"))
    }

    @Test("an additional field the org lacks is a configuration error naming the field and the object")
    func additionalMissing() {
        #expect {
            try ImportPlanner(defaultRows: Fixtures.leadRows, additionalFields: ["Rating__c", "Score__c"])
                .plan(stream: "s", schema: Fixtures.leadDescribe)
        } throws: { error in
            let e = error as? ImportError
            return e?.kind == .unknownField && e?.object == "Lead" && e?.field == "Score__c"
                && "\(error)".contains("'Score__c'") && "\(error)".contains("Lead")
        }
    }

    @Test("a user mapping row whose field the org lacks is an error, not a skip")
    func userRowMissing() {
        let row = FieldMapping(source: "x", salesforceField: "Missing__c", userField: "x", type: .string)
        #expect(throws: ImportError.self) {
            try ImportPlanner(userRows: [row]).plan(stream: "s", schema: Fixtures.leadDescribe)
        }
    }

    @Test("an unmapped additional field lands under its API name typed from describe")
    func additionalUnmapped() throws {
        let plan = try ImportPlanner(additionalFields: ["rating__c", "NumberOfEmployees"])
            .plan(stream: "s", schema: Fixtures.leadDescribe)
        #expect(plan.columns.map(\.source) == ["Rating__c", "NumberOfEmployees"])
        #expect(plan.columns[1].kind == .typed(.int))
        #expect(plan.columns[0].userField == nil)
    }

    @Test("child paths become subqueries and make the plan Bulk-incompatible")
    func childSubquery() throws {
        let account = ObjectSchema(name: "Account", fields: [.init(name: "Id", type: "id"),
                                                             .init(name: "SystemModstamp", type: "datetime"),
                                                             .init(name: "BillingAddress", type: "address")],
                                   childRelationships: ["Contacts": "Contact"])
        let row = FieldMapping(source: "account_contact_id", salesforceField: "contacts.Id", userField: "salesforce_contact_ids",
                               type: .stringList, isUniqueID: true, derivation: .childIds)
        let plan = try ImportPlanner(defaultRows: [row], additionalFields: ["BillingAddress"]).plan(stream: "a", schema: account)
        #expect(plan.children == [ImportPlan.ChildSelect(relationship: "Contacts", fields: ["Id"])])
        #expect(plan.columns[0].path == .child(relationship: "Contacts", field: "Id"))
        #expect(plan.columns[1].kind == .raw)
        #expect(plan.bulkIncompatible.count == 2)
    }

    @Test("a parent path resolves through the lookup's relationship name")
    func parentPath() throws {
        var schema = Fixtures.leadDescribe
        schema = ObjectSchema(name: "Lead", fields: schema.fields + [.init(name: "RecordTypeId", type: "reference",
                                                                            relationshipName: "RecordType")])
        let plan = try ImportPlanner(defaultRows: Fixtures.leadRows).plan(stream: "s", schema: schema)
        #expect(plan.skippedDefaults.isEmpty)
        #expect(plan.selectFields.contains("RecordType.Name"))
    }

    @Test("a timestamp field that is missing or not a datetime is rejected")
    func badTimestamp() {
        for name in ["Nope__c", "Email"] {
            #expect {
                try ImportPlanner(timestampField: name).plan(stream: "s", schema: Fixtures.leadDescribe)
            } throws: { ($0 as? ImportError)?.kind == .badTimestampField && "\($0)".contains(name) }
        }
    }

    @Test("every row of the default mappings is planned against a full describe")
    func defaultMappingsPlanned() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("mappings").path
        let mappings = try MappingLoader.loadAll(directory: dir)
        #expect(mappings.count == 4)
        for m in mappings {
            var fields: [ObjectSchema.Field] = [.init(name: "SystemModstamp", type: "datetime")]
            var children: [String: String] = [:]
            for row in m.fields {
                guard let sf = row.salesforceField else { continue }
                let parts = sf.split(separator: ".").map(String.init)
                if parts.count == 1 { fields.append(.init(name: parts[0], type: "string")) }
                else if parts[0].hasSuffix("s") { children[parts[0]] = String(parts[0].dropLast()) }
                else { fields.append(.init(name: parts[0] + "Id", type: "reference", relationshipName: parts[0])) }
            }
            let plan = try ImportPlanner(defaultRows: m.fields).plan(stream: m.stream,
                                                                     schema: ObjectSchema(name: m.object, fields: fields, childRelationships: children))
            #expect(plan.skippedDefaults.isEmpty)
            #expect(plan.columns.count == m.fields.count, "\(m.object)")
            #expect(zip(plan.columns, m.fields).allSatisfy { $0.kind == .typed($1.type) && $0.source == $1.source })
        }
    }
}
