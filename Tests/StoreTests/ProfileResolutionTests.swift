import ConnectorCore
import Foundation
import Store
import Testing

@Suite("Profiles: field resolution")
struct ProfileResolutionTests {
    @Test("the latest timestamp wins even when records arrive out of order")
    func latestWinsOutOfOrder() throws {
        let f = try StoreFixture()
        try f.addLeads([StoreFixture.lead("00Q1", email: "ann@example.com", title: "VP", at: 30)])
        // An older contact version arrives later: it must not override the lead's newer title.
        try f.addContacts([StoreFixture.contact("003A", email: "ann@example.com", title: "Intern", at: 10)])
        #expect(try f.store.profile(email: "ann@example.com").fields["title"] == .string("VP"))
        // An older version of the same lead arrives late: ignored for scalars.
        try f.addLeads([StoreFixture.lead("00Q1", email: "ann@example.com", status: "Old", title: "Analyst", at: 5)])
        var p = try f.store.profile(email: "ann@example.com")
        #expect(p.fields["title"] == .string("VP"))
        #expect(p.fields["salesforce_lead_status"] == nil)
        // A newer contact version wins.
        try f.addContacts([StoreFixture.contact("003A", email: "ann@example.com", title: "CEO", at: 40)])
        p = try f.store.profile(email: "ann@example.com")
        #expect(p.fields["title"] == .string("CEO"))
    }

    @Test("list fields accumulate across records and versions")
    func listsAccumulate() throws {
        let f = try StoreFixture()
        try f.addContacts([StoreFixture.contact("003A", email: "ann@example.com", tags: ["b", "a"], at: 1)])
        try f.addContacts([StoreFixture.contact("003A", email: "ann@example.com", tags: ["c"], at: 2)])
        try f.addContacts([StoreFixture.contact("003B", email: "ann@example.com", tags: ["a", "d"], at: 3)])
        let p = try f.store.profile(email: "ann@example.com")
        #expect(p.fields["tags"] == .array(["a", "b", "c", "d"].map(JSONValue.string)))
        #expect(p.fields["salesforce_contact_ids"] == .array([.string("003A"), .string("003B")]))
    }

    @Test("a tombstone withdraws what its source record contributed")
    func tombstone() throws {
        let f = try StoreFixture()
        try f.addLeads([StoreFixture.lead("00Q1", email: "ann@example.com", status: "Working", title: "VP", at: 1)])
        try f.addContacts([StoreFixture.contact("003A", email: "ann@example.com", title: "CTO", tags: ["x"], at: 0.5)])
        #expect(try f.store.profile(email: "ann@example.com").fields["title"] == .string("VP"))
        try f.addLeads([StoreFixture.lead("00Q1", email: nil, at: 5, deleted: true)])
        let p = try f.store.profile(email: "ann@example.com")
        #expect(p.fields["title"] == .string("CTO"))              // back to the contact's value
        #expect(p.fields["salesforce_lead_status"] == nil)
        #expect(p.fields["salesforce_lead_ids"] == nil)
        #expect(p.sources == ["salesforce_contacts/003A"])
        // An older version of the deleted lead arriving late does not bring it back.
        try f.addLeads([StoreFixture.lead("00Q1", email: "ann@example.com", status: "Open", at: 3)])
        #expect(try f.store.profile(email: "ann@example.com").fields["salesforce_lead_status"] == nil)
        let stream = try f.store.readStream("salesforce_leads")
        #expect(stream.map(\.record.isDeleted) == [false, true, false])
    }

    @Test("values are coerced to the field type and derived fields are computed")
    func coercionAndDerivation() throws {
        let f = try StoreFixture()
        var r = StoreFixture.lead("00Q1", email: "Ann@Example.com", at: 1)
        r.fields["lead_score"] = .string("42")
        try f.addLeads([r])
        var p = try f.store.profile(uniqueID: "00Q1")
        #expect(p.fields["score"] == .number(42))
        #expect(p.fields["emaildomains"] == .array([.string("example.com")]))
        r = StoreFixture.lead("00Q1", email: "Ann@Example.com", at: 2)
        r.fields["lead_score"] = .string("not a number")
        try f.addLeads([r])
        p = try f.store.profile(uniqueID: "00Q1")
        #expect(p.fields["score"] == nil)
    }
}
