import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Synthetic org")
struct SyntheticOrgTests {
    static let now = Date(timeIntervalSince1970: 1_706_720_709)
    static let sizes = OrgSizes(leads: 300, contacts: 120, accounts: 30, opportunities: 40, campaigns: 2)

    func make(seed: UInt64, sizes: OrgSizes = Self.sizes) -> OrgStore {
        let store = OrgStore(schema: OrgSchema(), clock: { Self.now })
        SyntheticOrg(seed: seed, sizes: sizes).populate(store)
        return store
    }

    @Test("sizes are honoured and related records point at each other")
    func sizesAndRelations() throws {
        let s = make(seed: 7)
        #expect(s.count("Lead") == 300 && s.count("Contact") == 120 && s.count("Account") == 30)
        #expect(s.count("Opportunity") == 40 && s.count("Campaign") == 2 && s.count("CampaignMemberStatus") == 4)
        #expect((s.count("OpportunityContactRole") ?? 0) > 0 && (s.count("CampaignMember") ?? 0) > 0)
        let roles = try s.run("SELECT OpportunityId, ContactId, IsPrimary, Opportunity.AccountId, Contact.AccountId FROM OpportunityContactRole")
        #expect(roles.rows.allSatisfy { $0.value(at: "Opportunity.AccountId") == $0.value(at: "Contact.AccountId") })
        let primaries = Dictionary(grouping: roles.rows.filter { $0["IsPrimary"] == .value(.bool(true)) }) {
            "\($0["OpportunityId"]!)"
        }
        #expect(primaries.values.allSatisfy { $0.count == 1 })
        let converted = try s.run("SELECT Id, ConvertedContactId, Status FROM Lead WHERE IsConverted = true")
        #expect(!converted.rows.isEmpty && converted.rows.count < 100)
        #expect(converted.rows.allSatisfy { $0["Status"] == .value(.string("Closed - Converted")) && !($0["ConvertedContactId"]?.isNull ?? true) })
        let withKids = try s.run("SELECT Id, (SELECT Id FROM Contacts) FROM Account")
        #expect(withKids.rows.contains { if case .subquery = $0["Contacts"] { true } else { false } })
        let defaults = try s.run("SELECT CampaignId FROM CampaignMemberStatus WHERE IsDefault = true")
        #expect(defaults.rows.count == 2)
    }

    @Test("the same seed gives the same org; another seed a different one")
    func deterministic() throws {
        let q = "SELECT Id, FirstName, LastName, Email, Company, SystemModstamp FROM Lead ORDER BY Id"
        let a = try make(seed: 42).run(q), b = try make(seed: 42).run(q), c = try make(seed: 43).run(q)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("values include unicode, quotes, commas, newlines and nulls; many records share one SystemModstamp")
    func realisticValues() throws {
        let s = make(seed: 3)
        let rows = try s.run("SELECT LastName, Company, Street, Email, Phone, SystemModstamp FROM Lead").rows
        let text = rows.flatMap { r in ["LastName", "Company", "Street"].compactMap { k -> String? in
            if case .value(.string(let v)) = r[k] { v } else { nil } } }
        #expect(text.contains { $0.unicodeScalars.contains { !$0.isASCII } })
        #expect(text.contains { $0.contains("'") } && text.contains { $0.contains("\"") })
        #expect(text.contains { $0.contains(",") } && text.contains { $0.contains("\n") })
        #expect(rows.contains { $0["Phone"]?.isNull == true } && rows.contains { $0["Email"]?.isNull == false })
        let stamps = Dictionary(grouping: rows) { "\($0["SystemModstamp"]!)" }
        #expect((stamps.values.map(\.count).max() ?? 0) >= 30)
        let emails = rows.compactMap { r -> String? in if case .value(.string(let e)) = r["Email"] { e } else { nil } }
        #expect(Set(emails).count == emails.count)
        #expect(rows.allSatisfy { if case .value(.datetime(let d)) = $0["SystemModstamp"] { d < Self.now } else { false } })
    }
}
