import ConnectorCore
import Foundation
import ImportEngine
import Testing

@Suite("WindowQuery")
struct WindowQueryTests {
    let plan = try! ImportPlanner(defaultRows: Fixtures.leadRows).plan(stream: "s", schema: Fixtures.leadDescribe)
    let lo = Fixtures.t0
    let hi = Fixtures.t0.addingTimeInterval(3600)

    @Test("a REST window is bounded, ordered by timestamp then Id")
    func restWindow() throws {
        let soql = try WindowQuery.query(for: plan, window: PendingWindow(low: lo, high: hi, readsDeletes: false))
        #expect(soql == "SELECT Id, SystemModstamp, Email, LastName, NumberOfEmployees, CreatedDate FROM Lead WHERE (SystemModstamp >= 2026-01-01T00:00:00Z AND SystemModstamp < 2026-01-01T01:00:00Z) ORDER BY SystemModstamp ASC, Id ASC")
    }

    @Test("a resumed window adds the keyset after the last stored row")
    func keyset() throws {
        let w = PendingWindow(low: nil, high: hi, after: KeysetPosition(timestamp: lo, id: "00Q1"), readsDeletes: false)
        let soql = try WindowQuery.query(for: plan, window: w)
        #expect(soql.contains("WHERE (SystemModstamp < 2026-01-01T01:00:00Z AND (SystemModstamp > 2026-01-01T00:00:00Z OR (SystemModstamp = 2026-01-01T00:00:00Z AND Id > '00Q1')))"))
        #expect(soql.hasSuffix("ORDER BY SystemModstamp ASC, Id ASC"))
    }

    @Test("a Bulk window has no ORDER BY")
    func bulk() throws {
        let soql = try WindowQuery.query(for: plan, window: PendingWindow(low: nil, high: hi, api: .bulk, readsDeletes: false))
        #expect(!soql.contains("ORDER BY"))
        #expect(soql.hasSuffix("WHERE SystemModstamp < 2026-01-01T01:00:00Z"))
    }

    @Test("deletes read IsDeleted rows by SystemModstamp in the same window")
    func deletes() throws {
        let w = PendingWindow(low: lo, high: hi, phase: .deletes, readsDeletes: true)
        #expect(try WindowQuery.query(for: plan, window: w) == "SELECT Id, SystemModstamp FROM Lead WHERE (IsDeleted = true AND (SystemModstamp >= 2026-01-01T00:00:00Z AND SystemModstamp < 2026-01-01T01:00:00Z)) ORDER BY SystemModstamp ASC, Id ASC")
    }

    @Test("the count query keeps the window's WHERE")
    func count() throws {
        let soql = try WindowQuery.count(for: plan, window: PendingWindow(low: lo, high: hi, readsDeletes: false))
        #expect(soql == "SELECT COUNT() FROM Lead WHERE (SystemModstamp >= 2026-01-01T00:00:00Z AND SystemModstamp < 2026-01-01T01:00:00Z)")
    }

    @Test("child subqueries are selected in REST windows")
    func children() throws {
        let schema = ObjectSchema(name: "Account", fields: [.init(name: "Id", type: "id"), .init(name: "SystemModstamp", type: "datetime")],
                                  childRelationships: ["Contacts": "Contact"])
        let row = ConnectorCore.FieldMapping(source: "a", salesforceField: "Contacts.Id", userField: "u", type: .stringList, derivation: .childIds)
        let p = try ImportPlanner(defaultRows: [row]).plan(stream: "s", schema: schema)
        #expect(try WindowQuery.query(for: p, window: PendingWindow(low: nil, high: hi, readsDeletes: false))
            .hasPrefix("SELECT Id, SystemModstamp, (SELECT Id FROM Contacts) FROM Account WHERE"))
    }
}
