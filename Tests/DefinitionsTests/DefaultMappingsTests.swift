import ConnectorCore
import Definitions
import Foundation
import Testing

/// The committed `mappings/` folder, found from this file's path.
let mappingsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("mappings").path

@Suite("Default mappings")
struct DefaultMappingsTests {
    let mappings: [String: ObjectMapping]

    init() throws {
        let all = try MappingLoader.loadAll(directory: mappingsDirectory)
        mappings = Dictionary(uniqueKeysWithValues: all.map { ($0.object, $0) })
    }

    @Test("every row of the four default tables is present")
    func rowCounts() {
        #expect(mappings["Account"]?.fields.count == 29)
        #expect(mappings["Contact"]?.fields.count == 20)
        #expect(mappings["Lead"]?.fields.count == 27)
        #expect(mappings["Opportunity"]?.fields.count == 19)
        #expect(mappings["Lead"]?.stream == "salesforce_leads")
        #expect(mappings["Account"]?.stream == "salesforce_accounts")
    }

    @Test("unique ids are email, lead ids and contact ids")
    func uniqueIDs() {
        let unique = Set(mappings.values.flatMap { $0.fields.filter(\.isUniqueID).map(\.userField) })
        #expect(unique == ["email", "salesforce_lead_ids", "salesforce_contact_ids"])
    }

    @Test("rows carry their Salesforce field, type and derivation")
    func typed() throws {
        let lead = try #require(mappings["Lead"])
        let row = { (source: String, user: String) in lead.fields.first { $0.source == source && $0.userField == user } }
        #expect(row("lead_email", "email")?.salesforceField == "Email")
        #expect(row("lead_email", "emaildomains")?.derivation == .emailDomain)
        #expect(row("lead_email", "emaildomains")?.type == .stringList)
        #expect(row("lead_number_of_employees", "salesforce_lead_number_of_employees")?.type == .int)
        #expect(row("lead_record_type", "salesforce_lead_record_type")?.salesforceField == "RecordType.Name")
        #expect(row("salesforce_last_user_imported", "salesforce_last_user_imported")?.derivation == .importTime)
        let account = try #require(mappings["Account"])
        let contacts = account.fields.first { $0.source == "account_contact_id" }
        #expect(contacts?.salesforceField == "Contacts.Id")
        #expect(contacts?.derivation == .childIds)
        #expect(account.fields.contains { $0.salesforceField == "BillingCountryCode" })
        #expect(account.fields.contains { $0.salesforceField == "BillingCountry" })
        let opp = try #require(mappings["Opportunity"])
        #expect(opp.fields.first { $0.source == "opportunity_contact_id" }?.salesforceField == "OpportunityContactRoles.ContactId")
    }
}
