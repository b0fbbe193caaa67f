import ConnectorCore
import Foundation
import ImportEngine
import SalesforceSimulator
import Testing

/// A first import of the four standard objects through the real client: the stored streams
/// equal the simulator's records.
@Suite("First import against the simulator")
struct FirstImportSimulatorTests {
    static let streams = ["Lead": "salesforce_leads", "Contact": "salesforce_contacts",
                          "Account": "salesforce_accounts", "Opportunity": "salesforce_opportunities"]

    @Test("leads, contacts, accounts and opportunities equal the simulator's records, with mapped and derived fields")
    func firstImportEqualsSimulator() async throws {
        let org = OrgSetup(sizes: OrgSizes(leads: 250, contacts: 150, accounts: 40, opportunities: 60))
        try await SimulatorImportRig.with(org: org) { rig in
            let job = try rig.job("kind: import\nauthorization: simulator\napi: rest\n")
            let report = await rig.run(job)
            #expect(report.outcome == .completed, "\(report.errors)")
            #expect(report.errors.isEmpty)

            for (object, stream) in Self.streams {
                let stored = try rig.stored(stream)
                let keys = rig.keys(stored)
                let expected = rig.simVersions(object)
                #expect(!expected.isEmpty, "\(object): the simulator has records")
                #expect(Set(keys) == expected, "\(object): stored versions equal the simulator's")
                #expect(keys.count == expected.count, "\(object): no version stored twice")
                #expect(report.objects.first { $0.object == object }?.stored == expected.count)
                #expect(stored.allSatisfy { !$0.isDeleted })
                // The seed's default mappings derive the import time for leads and contacts only.
                if object == "Lead" || object == "Contact" {
                    #expect(stored.allSatisfy { $0.fields["salesforce_last_user_imported"]?.stringValue != nil }, "\(object)")
                }
            }
            try checkLeadValues(rig)
            try checkAccountContacts(rig)
            try checkOpportunityContacts(rig)
        }
    }

    func checkLeadValues(_ rig: SimulatorImportRig) throws {
        let sim = rig.simRecords("Lead")
        let recordTypes = rig.simRecords("RecordType").mapValues { $0["Name"]?.text }
        for record in try rig.stored("salesforce_leads") {
            let values = try #require(sim[record.id])
            #expect(record.fields["lead_id"] == .array([.string(record.id)]))
            #expect(record.fields["lead_email"]?.stringValue == values["Email"]?.text)
            #expect(record.fields["lead_company"]?.stringValue == values["Company"]?.text)
            #expect(record.fields["lead_last_name"]?.stringValue == values["LastName"]?.text)
            #expect(record.fields["lead_status"]?.stringValue == values["Status"]?.text)
            #expect(record.fields["lead_has_opted_out_of_email"]?.boolValue == (values["HasOptedOutOfEmail"] == .bool(true)))
            if let rt = values["RecordTypeId"]?.text {
                #expect(record.fields["lead_record_type"]?.stringValue == recordTypes[rt] ?? nil)
            }
        }
    }

    /// `account_contact_id`: the ids of the account's contacts (a `Contacts` subquery).
    func checkAccountContacts(_ rig: SimulatorImportRig) throws {
        var expected: [String: Set<String>] = [:]
        for (id, values) in rig.simRecords("Contact") {
            if let account = values["AccountId"]?.text { expected[account, default: []].insert(id) }
        }
        #expect(!expected.isEmpty)
        for record in try rig.stored("salesforce_accounts") {
            let ids = try #require(record.fields["account_contact_id"]?.arrayValue, "account_contact_id is a list")
            #expect(Set(ids.compactMap(\.stringValue)) == expected[record.id] ?? [], "account \(record.id)")
        }
    }

    /// `opportunity_contact_id`: the contacts of the opportunity's OpportunityContactRoles.
    func checkOpportunityContacts(_ rig: SimulatorImportRig) throws {
        var expected: [String: Set<String>] = [:]
        for (_, values) in rig.simRecords("OpportunityContactRole") {
            if let opp = values["OpportunityId"]?.text, let contact = values["ContactId"]?.text {
                expected[opp, default: []].insert(contact)
            }
        }
        #expect(!expected.isEmpty)
        for record in try rig.stored("salesforce_opportunities") {
            let ids = try #require(record.fields["opportunity_contact_id"]?.arrayValue, "opportunity_contact_id is a list")
            #expect(Set(ids.compactMap(\.stringValue)) == expected[record.id] ?? [], "opportunity \(record.id)")
        }
    }
}
