import ConnectorCore
import Foundation
import Store
import Testing

@Suite("Audiences")
struct AudienceTests {
    static let working = AudienceDefinition(
        name: "working_tech", description: "Working leads in tech or media",
        selection: .expression("salesforce_lead_status = 'Working' AND salesforce_lead_industry IN ('Technology','Media')"))

    func lead(_ id: String, _ email: String, status: String, industry: String, at: Double) -> StreamRecord {
        var r = StoreFixture.lead(id, email: email, status: status, at: at)
        r.fields["lead_industry"] = .string(industry)
        return r
    }

    @Test("entering and leaving an audience goes into the change feed with its time")
    func enterExit() throws {
        let f = try StoreFixture()
        try f.store.registerFields(StoreFixture.leads)
        try f.store.defineAudience(Self.working)
        try f.addLeads([lead("00Q1", "a@x.com", status: "Working", industry: "Media", at: 1),
                        lead("00Q2", "b@x.com", status: "Open", industry: "Media", at: 1)])
        let a = try f.store.profile(email: "a@x.com")
        #expect(try f.store.members(of: "working_tech") == [a.id])
        #expect(a.audiences == ["working_tech"])
        let start = try f.store.latestChangeSequence()

        f.clock.advance(by: 60)
        try f.addLeads([lead("00Q1", "a@x.com", status: "Closed", industry: "Media", at: 2),
                        lead("00Q2", "b@x.com", status: "Working", industry: "Technology", at: 2)])
        let b = try f.store.profile(email: "b@x.com")
        let events = try f.store.changes(after: start).filter { $0.audience == "working_tech" }
        #expect(events.map(\.kind) == [.audienceExited, .audienceEntered])
        #expect(events.map(\.profileID) == [a.id, b.id])
        #expect(events.allSatisfy { $0.at == f.clock.now() })
        #expect(try f.store.audiences().map(\.size) == [1])
    }

    @Test("a where that does not compile is refused with the database's message")
    func badWhere() throws {
        let f = try StoreFixture()
        try f.store.registerFields(StoreFixture.leads)
        let bad = AudienceDefinition(name: "bad", selection: .expression("salesforce_lead_statuz = 'Working'"))
        #expect {
            try f.store.defineAudience(bad)
        } throws: { e in
            guard let e = e as? StoreError else { return false }
            return e.kind == .invalidExpression && e.databaseMessage == "no such column: salesforce_lead_statuz"
                && e.sentence.contains("The where of audience 'bad' does not compile: no such column: salesforce_lead_statuz")
        }
        #expect(try f.store.checkAudienceExpression("title = 'VP' AND (") == "near \")\": syntax error")
        #expect(try f.store.checkAudienceExpression("1; DROP TABLE profile") != nil)
        #expect(Store.checkAudienceExpression("score > 3", fields: ["score": .int]) == nil)
        #expect(Store.checkAudienceExpression("scor > 3", fields: ["score": .int]) == "no such column: scor")
        #expect(try f.store.audiences().isEmpty)
    }

    @Test("an explicit member list matches profiles by any unique id, emails in any case")
    func memberList() throws {
        let f = try StoreFixture()
        try f.addLeads([StoreFixture.lead("00Q1", email: "a@x.com", at: 1), StoreFixture.lead("00Q2", email: "b@x.com", at: 1)])
        let update = try f.store.defineAudience(AudienceDefinition(name: "vip", selection: .members(["A@X.COM", "003Z"])))
        #expect(update.entered == 1)
        #expect(try f.store.members(of: "vip") == [f.store.profile(email: "a@x.com").id])
        // A contact carrying 003Z and b@x.com joins later: b's profile enters.
        try f.addContacts([StoreFixture.contact("003Z", email: "b@x.com", at: 2)])
        #expect(try f.store.members(of: "vip").count == 2)
        // Same definition again: nothing re-evaluated.
        #expect(try f.store.defineAudience(AudienceDefinition(name: "vip", selection: .members(["003Z", "a@x.com"]))).changed == false)
    }

    @Test("a merged profile leaves its audiences and the survivor is evaluated")
    func mergeExits() throws {
        let f = try StoreFixture()
        try f.store.registerFields(StoreFixture.leads + StoreFixture.contacts)
        try f.store.defineAudience(AudienceDefinition(name: "vps", selection: .expression("title = 'VP'")))
        try f.addLeads([StoreFixture.lead("00Q1", email: "a@x.com", title: "VP", at: 1)])
        try f.addContacts([StoreFixture.contact("003A", email: "c@x.com", title: "VP", at: 2)])
        #expect(try f.store.members(of: "vps").count == 2)
        try f.addContacts([StoreFixture.contact("003A", email: "a@x.com", title: "VP", at: 3)])
        let p = try f.store.profile(email: "c@x.com")
        #expect(try f.store.members(of: "vps") == [p.id])
        #expect(try f.store.changes(after: 0).contains { $0.kind == .audienceExited && $0.profileID != p.id })
    }

    @Test("asking for an unknown audience lists the known ones")
    func unknownAudience() throws {
        let f = try StoreFixture()
        try f.store.defineAudience(AudienceDefinition(name: "vip", selection: .members(["a@x.com"])))
        #expect { try f.store.members(of: "vipp") } throws: {
            "\($0)" == "There is no audience named 'vipp' (known: vip); run `sfconnect audiences list`."
        }
    }
}
