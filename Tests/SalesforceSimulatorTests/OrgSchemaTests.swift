import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Org schema: standard objects, options and schema files")
struct OrgSchemaTests {
    @Test("the standard objects have their key prefixes and §9 fields with describe metadata")
    func standardObjects() throws {
        let schema = OrgSchema()
        let prefixes = ["Account": "001", "Contact": "003", "Lead": "00Q", "Opportunity": "006", "Campaign": "701",
                        "CampaignMember": "00v", "Task": "00T", "User": "005", "RecordType": "012",
                        "OpportunityContactRole": "00K", "CampaignMemberStatus": "01Y"]
        for (name, prefix) in prefixes { #expect(schema.object(name)?.keyPrefix == prefix, "\(name)") }
        let lead = try #require(schema.object("lead"))
        for f in ["Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp", "OwnerId", "Description",
                  "IsConverted", "ConvertedContactId", "ConvertedAccountId", "Company", "Email", "Status"] {
            #expect(lead.field(f) != nil, "Lead.\(f)")
        }
        let company = try #require(lead.field("Company"))
        #expect(company.type == .string && company.length == 255 && !company.nillable && company.createable)
        let email = try #require(lead.field("Email"))
        #expect(email.type == .email && email.length == 80 && email.type.soapType == "xsd:string")
        let status = try #require(lead.field("Status"))
        #expect(status.defaultPicklistValue == "Open - Not Contacted" && status.defaultedOnCreate)
        let converted = try #require(lead.field("IsConverted"))
        #expect(!converted.createable && !converted.updateable && !converted.nillable)
        let stamp = try #require(lead.field("SystemModstamp"))
        #expect(stamp.type == .datetime && stamp.type.soapType == "xsd:dateTime" && !stamp.updateable)
        let description = try #require(lead.field("Description"))
        #expect(description.type == .textarea && description.length == 32000 && !description.filterable)
        let id = try #require(lead.field("Id"))
        #expect(id.idLookup && !id.nillable && id.type.soapType == "tns:ID")
    }

    @Test("lookups produce parent and child relationships for SOQL")
    func relationships() throws {
        let schema = OrgSchema()
        #expect(schema.parentRelationship(of: "Contact", named: "account")?.foreignKey == "AccountId")
        #expect(schema.childRelationship(of: "Account", named: "Contacts")?.object == "Contact")
        #expect(schema.childRelationship(of: "Opportunity", named: "OpportunityContactRoles")?.foreignKey
            == "OpportunityId")
        #expect(schema.childRelationship(of: "Lead", named: "Tasks")?.foreignKey == "WhoId")
        #expect(schema.parentRelationship(of: "Lead", named: "RecordType")?.object == "RecordType")
        let account = try #require(schema.object("Account"))
        #expect(account.childRelationships.contains { $0.childSObject == "Opportunity" && $0.field == "AccountId"
            && $0.relationshipName == "Opportunities" })
        let owner = try #require(schema.object("Contact")?.field("OwnerId"))
        #expect(owner.referenceTo == ["User"] && owner.relationshipName == "Owner")
    }

    @Test("State and Country Picklists decide whether the *StateCode / *CountryCode fields exist")
    func statePicklists() throws {
        let on = OrgSchema(options: .init(stateCountryPicklists: true))
        let off = OrgSchema(options: .init(stateCountryPicklists: false))
        for (object, prefix) in [("Account", "Billing"), ("Account", "Shipping"), ("Contact", "Mailing"), ("Lead", "")] {
            #expect(on.object(object)?.field(prefix + "CountryCode")?.type == .picklist)
            #expect(on.object(object)?.field(prefix + "StateCode")?.restrictedPicklist == true)
            #expect(off.object(object)?.field(prefix + "CountryCode") == nil)
            #expect(off.object(object)?.field(prefix + "StateCode") == nil)
            #expect(off.object(object)?.field(prefix + "City") != nil)
        }
        #expect(off.fields(of: "Account")?["BillingCountryCode"] == nil)
    }

    @Test("Lead record types are optional: without them Lead has no RecordTypeId")
    func recordTypes() throws {
        let with = OrgSchema(options: .init(leadRecordTypes: ["Standard", "Partner"]))
        let lead = try #require(with.object("Lead"))
        #expect(lead.field("RecordTypeId") != nil)
        #expect(lead.recordTypeInfos.map(\.name) == ["Master", "Standard", "Partner"])
        #expect(lead.recordTypeInfos[1].defaultRecordTypeMapping && lead.recordTypeInfos[0].master)
        let without = OrgSchema(options: .init(leadRecordTypes: []))
        #expect(without.object("Lead")?.field("RecordTypeId") == nil)
        #expect(without.object("Lead")?.recordTypeInfos.isEmpty == true)
    }

    static let sample = #"""
    {"objects": [
      {"name": "Lead", "fields": [{"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]},
      {"name": "Contact", "fields": [{"name": "Lytics_Audiences__c", "type": "textarea", "length": 32768}]},
      {"name": "Subscription__c", "label": "Subscription", "keyPrefix": "a01",
       "fields": [{"name": "External_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true},
                  {"name": "Plan__c", "type": "picklist", "picklistValues": ["Free", "Pro"], "defaultValue": "Free",
                   "restrictedPicklist": true},
                  {"name": "Contact__c", "type": "reference", "referenceTo": ["Contact"],
                   "childRelationshipName": "Subscriptions__r"}]}]}
    """#

    @Test("a schema file adds custom fields to standard objects and defines custom objects")
    func schemaFile() throws {
        let file = try SchemaFile.parse(Data(Self.sample.utf8), path: "org.json")
        let schema = try OrgSchema().applying(file)
        let audiences = try #require(schema.object("Lead")?.field("Lytics_Audiences__c"))
        #expect(audiences.type == .textarea && audiences.length == 32768 && audiences.custom
            && audiences.extraTypeInfo == "plaintextarea" && audiences.label == "Lytics Audiences")
        #expect(schema.object("Contact")?.field("Lytics_Audiences__c") != nil)
        let sub = try #require(schema.object("subscription__c"))
        #expect(sub.keyPrefix == "a01" && sub.custom && sub.label == "Subscription")
        let ext = try #require(sub.field("External_Id__c"))
        #expect(ext.externalId && ext.idLookup && ext.unique && ext.length == 64)
        #expect(sub.field("Name") != nil && sub.field("SystemModstamp") != nil && sub.field("OwnerId") != nil)
        #expect(sub.field("Contact__c")?.relationshipName == "Contact__r")
        #expect(schema.childRelationship(of: "Contact", named: "Subscriptions__r")?.object == "Subscription__c")
        #expect(schema.object(keyPrefix: "a01")?.name == "Subscription__c")
    }

    @Test("every bad schema file is refused with the key path and the problem", arguments: [
        (#"[]"#, "is not a JSON object"),
        (#"{"objects": 1}"#, "needs an \"objects\" array"),
        (#"{"objects": [], "extra": 1}"#, "extra: unknown key"),
        (#"{"objects": [{"name": "Foo", "fields": []}]}"#, "neither a standard object nor a custom one"),
        (#"{"objects": [{"name": "Foo__c", "fields": []}]}"#, "needs a keyPrefix"),
        (#"{"objects": [{"name": "Foo__c", "keyPrefix": "001", "fields": []}]}"#, "already used by Account"),
        (#"{"objects": [{"name": "Foo__c", "keyPrefix": "a-1", "fields": []}]}"#, "must be 3 letters or digits"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "strin"}]}]}"#,
         "objects[0].fields[0].type: \"strin\" is not a field type"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X", "type": "string"}]}]}"#, "must end in __c"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "string", "lenght": 5}]}]}"#,
         "objects[0].fields[0].lenght: unknown key"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "string", "length": 300}]}]}"#,
         "300 is outside 1...255"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "boolean", "externalId": true}]}]}"#,
         "can be External IDs"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "string", "unique": "yes"}]}]}"#,
         "unique: must be true or false"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "reference"}]}]}"#, "needs \"referenceTo\""),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "reference", "referenceTo": ["Nope__c"]}]}]}"#,
         "refers to unknown object Nope__c"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "picklist", "picklistValues": ["A"], "defaultValue": "B"}]}]}"#,
         "\"B\" is not one of the picklistValues"),
        (#"{"objects": [{"name": "Lead", "fields": [{"name": "X__c", "type": "string"}, {"name": "x__c", "type": "string"}]}]}"#,
         "listed twice"),
    ])
    func badSchemaFiles(json: String, expected: String) throws {
        do {
            let file = try SchemaFile.parse(Data(json.utf8), path: "bad.json")
            _ = try OrgSchema().applying(file)
            Issue.record("accepted \(json)")
        } catch let error as SimulatorError {
            #expect(error.kind == .schemaFile)
            #expect(error.message.hasPrefix("Schema file bad.json: "))
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test("a missing schema file is named in the error")
    func missingFile() {
        #expect {
            try SchemaFile.load(path: "/nonexistent/org.json")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("/nonexistent/org.json: cannot be read") == true
        }
    }
}
