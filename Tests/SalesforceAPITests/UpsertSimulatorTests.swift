import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator
import Testing

/// Single upsert by external id (`PATCH /sobjects/{Object}/{Field}/{value}`) through the real
/// client against the simulator: insert, update, several matches (300) and an unknown field.
@Suite("Single upsert against the simulator")
struct UpsertSimulatorTests {
    /// Lead's `Ext_Key__c` is an External ID that is not unique, so two leads can share a value.
    static let schema = #"""
    {"objects": [
      {"name": "Lead", "fields": [{"name": "Ext_Key__c", "type": "string", "length": 40, "externalId": true}]},
      {"name": "Subscription__c", "label": "Subscription", "keyPrefix": "a01",
       "fields": [{"name": "External_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true},
                  {"name": "Note__c", "type": "textarea", "length": 1000}]}]}
    """#

    static func config() throws -> SimulatorConfiguration { try WritesSimulatorTests.config(schema: schema) }

    @Test("inserts with created true, then updates the same record (case-insensitive) with created false")
    func insertThenUpdate() async throws {
        try await withClient(try Self.config()) { h in
            let value = "S 1/é"
            let first = try await h.client.upsert("Subscription__c", externalIDField: "External_Id__c", value: value,
                                                  record: ["External_Id__c": .string(value), "Note__c": .string("one")])
            #expect(first.success && first.created == true)
            let id = try #require(first.id)
            let second = try await h.client.upsert("Subscription__c", externalIDField: "External_Id__c", value: "s 1/É",
                                                   record: ["Note__c": .string("two")])
            #expect(second == RecordResult(id: id, success: true, created: false))
            let rows = try await h.client.query("SELECT Id, External_Id__c, Note__c FROM Subscription__c").allRecords()
            #expect(rows.count == 1)
            #expect(rows.first?["Id"]?.stringValue == id && rows.first?["Note__c"]?.stringValue == "two")
            #expect(rows.first?["External_Id__c"]?.stringValue == value)
        }
    }

    @Test("an external id matching several records is a 300 ambiguous match: skip the record, nothing written")
    func severalMatches() async throws {
        try await withClient(try Self.config()) { h in
            let created = try await h.client.create("Lead", records: [
                ["LastName": .string("A"), "Company": .string("X"), "Ext_Key__c": .string("K-1")],
                ["LastName": .string("B"), "Company": .string("X"), "Ext_Key__c": .string("k-1")],
            ])
            let ids = created.compactMap(\.id)
            #expect(ids.count == 2)
            do {
                _ = try await h.client.upsert("Lead", externalIDField: "Ext_Key__c", value: "K-1",
                                              record: ["Title": .string("changed")])
                Issue.record("several matches should throw")
            } catch let e as SalesforceError {
                #expect(e.kind == .ambiguousMatch)
                #expect(e.httpStatus == 300)
                #expect(e.disposition == .skipRecord)
                #expect(e.sobject == "Lead" && e.fields == ["Ext_Key__c"])
                #expect(e.description.contains("matches 2 records"))
                for id in ids { #expect(e.description.contains(id)) }
            }
            let titles = try await h.client.query("SELECT Title FROM Lead").allRecords().map { $0["Title"] }
            #expect(titles == [.null, .null])
            #expect(h.clock.sleeps.isEmpty, "an ambiguous match is not retried")
        }
    }

    @Test("an upsert on a field that is not an External ID fails as configuration with NOT_FOUND")
    func notExternalID() async throws {
        try await withClient(try Self.config()) { h in
            do {
                _ = try await h.client.upsert("Lead", externalIDField: "Title", value: "x", record: ["LastName": .string("L")])
                Issue.record("NOT_FOUND expected")
            } catch let e as SalesforceError {
                #expect(e.errorCode == "NOT_FOUND" && e.httpStatus == 404)
                #expect(e.disposition == .failConfiguration)
            }
        }
    }
}
