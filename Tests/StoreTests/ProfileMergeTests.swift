import ConnectorCore
import Foundation
import Store
import Testing

@Suite("Profiles: identity and merges")
struct ProfileMergeTests {
    @Test("two profiles are merged for good when a later record links them")
    func mergeByLaterRecord() throws {
        let f = try StoreFixture()
        try f.addLeads([StoreFixture.lead("00Q1", email: "ann@example.com", at: 1)])
        try f.addContacts([StoreFixture.contact("003A", email: "bob@example.com", at: 2)])
        #expect(try f.store.profileCount() == 2)
        let lead = try f.store.profile(uniqueID: "00Q1"), contact = try f.store.profile(uniqueID: "003A")
        #expect(lead.id != contact.id)

        // The lead changes its email to the contact's: both records now share a unique id.
        try f.addLeads([StoreFixture.lead("00Q1", email: "bob@example.com", at: 3)])
        #expect(try f.store.profileCount() == 1)
        let merged = try f.store.profile(uniqueID: "003A")
        #expect(merged.id == min(lead.id, contact.id))
        #expect(merged.mergedFrom == [max(lead.id, contact.id)])
        #expect(merged.sources == ["salesforce_contacts/003A", "salesforce_leads/00Q1"])
        #expect(merged.fields["salesforce_lead_ids"] == .array([.string("00Q1")]))
        #expect(merged.fields["salesforce_contact_ids"] == .array([.string("003A")]))
        // The absorbed id still finds the survivor, and the merge is in the change feed.
        #expect(try f.store.profile(id: max(lead.id, contact.id)).id == merged.id)
        let merges = try f.store.changes(after: 0).filter { $0.kind == .profileMerged }
        #expect(merges.count == 1)
        #expect(merges.first?.profileID == merged.id)
        #expect(merges.first?.otherProfileID == max(lead.id, contact.id))
    }

    @Test("emails compare case-insensitively when joining records")
    func caseInsensitiveEmail() throws {
        let f = try StoreFixture()
        try f.addLeads([StoreFixture.lead("00Q1", email: "Ann.Smith@Example.COM", at: 1)])
        try f.addContacts([StoreFixture.contact("003A", email: "ann.smith@example.com", at: 2)])
        #expect(try f.store.profileCount() == 1)
        let p = try f.store.profile(email: "ANN.SMITH@example.com")
        #expect(p.sources.count == 2)
        #expect(p.fields["email"] == .string("ann.smith@example.com"))   // the latest record's spelling
    }

    @Test("a record without any unique id creates no profile")
    func noUniqueID() throws {
        let f = try StoreFixture()
        let r = StreamRecord(id: "00Q9", timestamp: StoreFixture.date(1), fields: ["lead_status": .string("Open")])
        let result = try f.store.appendPage(stream: "salesforce_leads", object: "Lead", records: [r],
                                            mapping: StoreFixture.leads.filter { !$0.isUniqueID })
        #expect(result.stored == 1)
        #expect(try f.store.profileCount() == 0)
    }

    @Test("looking up an unknown profile says what to do")
    func unknownProfile() throws {
        let f = try StoreFixture()
        #expect {
            try f.store.profile(email: "nobody@example.com")
        } throws: { e in
            (e as? StoreError)?.kind == .notFound && "\(e)".contains("No profile has the email 'nobody@example.com'")
        }
        #expect { try f.store.profile(id: 42) } throws: { "\($0)".contains("There is no profile 42") }
    }
}
