import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator describe routes")
struct DescribeRouteTests {
    @Test("GET /sobjects lists every object with the describeGlobal keys and urls")
    func describeGlobal() async throws {
        try await withSimulator { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.get(sim, "/services/data/v60.0/sobjects", token: token)
            #expect(r.status == 200)
            #expect(r.object["encoding"] as? String == "UTF-8")
            #expect((r.object["maxBatchSize"] as? NSNumber)?.intValue == 200)
            let list = try #require(r.object["sobjects"] as? [[String: Any]])
            let account = try #require(list.first { $0["name"] as? String == "Account" })
            for key in ["activateable", "createable", "custom", "customSetting", "deletable", "deprecatedAndHidden",
                        "feedEnabled", "keyPrefix", "label", "labelPlural", "layoutable", "mergeable", "mruEnabled",
                        "name", "queryable", "replicateable", "retrieveable", "searchable", "triggerable",
                        "undeletable", "updateable", "urls"] {
                #expect(account[key] != nil, "\(key)")
            }
            #expect(account["keyPrefix"] as? String == "001" && account["labelPlural"] as? String == "Accounts")
            let urls = try #require(account["urls"] as? [String: String])
            #expect(urls == ["sobject": "/services/data/v60.0/sobjects/Account",
                             "describe": "/services/data/v60.0/sobjects/Account/describe",
                             "rowTemplate": "/services/data/v60.0/sobjects/Account/{ID}"])
            #expect(Set(list.compactMap { $0["name"] as? String }).isSuperset(of: [
                "Lead", "Contact", "Opportunity", "OpportunityContactRole", "Campaign", "CampaignMember",
                "CampaignMemberStatus", "Task", "User", "RecordType"]))
            #expect(r.headers["sforce-limit-info"] == "api-usage=1/100000")
        }
    }

    @Test("GET /sobjects/Lead/describe reports fields with every describe key, child relationships, record types")
    func describeLead() async throws {
        try await withSimulator { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.get(sim, "/services/data/v60.0/sobjects/Lead/describe", token: token)
            #expect(r.status == 200)
            #expect(r.object["name"] as? String == "Lead" && r.object["keyPrefix"] as? String == "00Q")
            let fields = try #require(r.object["fields"] as? [[String: Any]])
            let email = try #require(fields.first { $0["name"] as? String == "Email" })
            for key in ["name", "label", "type", "soapType", "length", "byteLength", "precision", "scale", "digits",
                        "custom", "nillable", "createable", "updateable", "defaultedOnCreate", "calculated",
                        "calculatedFormula", "autoNumber", "unique", "caseSensitive", "externalId", "idLookup",
                        "filterable", "sortable", "groupable", "aggregatable", "picklistValues", "restrictedPicklist",
                        "dependentPicklist", "controllerName", "referenceTo", "relationshipName",
                        "polymorphicForeignKey", "cascadeDelete", "compoundFieldName", "extraTypeInfo",
                        "htmlFormatted", "nameField", "deprecatedAndHidden", "permissionable", "encrypted",
                        "inlineHelpText", "defaultValue"] {
                #expect(email[key] != nil, "missing \(key)")
            }
            #expect(email["type"] as? String == "email" && (email["length"] as? NSNumber)?.intValue == 80)
            #expect(email["soapType"] as? String == "xsd:string" && email["nillable"] as? Bool == true)
            #expect(email["relationshipName"] is NSNull && email["compoundFieldName"] is NSNull)
            let status = try #require(fields.first { $0["name"] as? String == "Status" })
            let values = try #require(status["picklistValues"] as? [[String: Any]])
            #expect(values.first?["value"] as? String == "Open - Not Contacted")
            #expect(values.first?["defaultValue"] as? Bool == true && values.first?["validFor"] is NSNull)
            let owner = try #require(fields.first { $0["name"] as? String == "OwnerId" })
            #expect(owner["referenceTo"] as? [String] == ["User"] && owner["relationshipName"] as? String == "Owner")
            let converted = try #require(fields.first { $0["name"] as? String == "IsConverted" })
            #expect(converted["createable"] as? Bool == false && converted["updateable"] as? Bool == false)
            let rts = try #require(r.object["recordTypeInfos"] as? [[String: Any]])
            #expect(rts.map { $0["name"] as? String } == ["Master", "Standard", "Partner"])
            let children = try #require(r.object["childRelationships"] as? [[String: Any]])
            #expect(children.contains { $0["childSObject"] as? String == "CampaignMember" && $0["field"] as? String == "LeadId" })
        }
    }

    @Test("describe follows the org options and the schema file")
    func optionsAndSchemaFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json").path
        try Data(OrgSchemaTests.sample.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let org = OrgSetup(options: .init(stateCountryPicklists: false, leadRecordTypes: []), schemaFile: path)
        try await withSimulator(.init(org: org)) { sim in
            let token = try await Wire.accessToken(sim)
            let lead = try await Wire.get(sim, "/services/data/v60.0/sobjects/Lead/describe", token: token)
            let names = (lead.object["fields"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.contains("Lytics_Audiences__c") && names.contains("City"))
            #expect(!names.contains("CountryCode") && !names.contains("StateCode") && !names.contains("RecordTypeId"))
            let audiences = (lead.object["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "Lytics_Audiences__c" }
            #expect((audiences?["length"] as? NSNumber)?.intValue == 32768 && audiences?["type"] as? String == "textarea")
            #expect(audiences?["custom"] as? Bool == true && audiences?["extraTypeInfo"] as? String == "plaintextarea")
            let sub = try await Wire.get(sim, "/services/data/v60.0/sobjects/Subscription__c/describe", token: token)
            #expect(sub.status == 200 && sub.object["custom"] as? Bool == true && sub.object["keyPrefix"] as? String == "a01")
            let ext = (sub.object["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "External_Id__c" }
            #expect(ext?["externalId"] as? Bool == true && ext?["idLookup"] as? Bool == true && ext?["unique"] as? Bool == true)
        }
    }

    @Test("an unknown object is 404 NOT_FOUND on describe and on the object resource")
    func unknownObject() async throws {
        try await withSimulator { sim in
            let token = try await Wire.accessToken(sim)
            for path in ["/sobjects/Nope__c/describe", "/sobjects/Nope__c", "/sobjects/Nope__c/001SM0000000001AAA"] {
                let r = try await Wire.get(sim, "/services/data/v60.0" + path, token: token)
                #expect(r.status == 404, "\(path)")
                #expect(r.array.first?["errorCode"] as? String == "NOT_FOUND")
                #expect(r.array.first?["message"] as? String == "The requested resource does not exist")
            }
            let basic = try await Wire.get(sim, "/services/data/v60.0/sobjects/Contact", token: token)
            #expect((basic.object["objectDescribe"] as? [String: Any])?["name"] as? String == "Contact")
        }
    }

    @Test("a schema file that cannot be used stops the simulator from starting, with the file named")
    func badSchemaFileAtStart() async throws {
        let org = OrgSetup(schemaFile: "/nonexistent/schema.json")
        await #expect {
            try await withSimulator(.init(org: org)) { _ in }
        } throws: { error in
            (error as? SimulatorError)?.message.contains("/nonexistent/schema.json") == true
        }
    }
}
