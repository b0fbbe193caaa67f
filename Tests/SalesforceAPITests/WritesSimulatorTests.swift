import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator
import Testing

/// The real client's writes (Collections, single upsert, Bulk 2.0 ingest and query) against the
/// simulator over HTTPS on loopback: per-record results in input order, Salesforce's codes.
@Suite("Writes against the simulator")
struct WritesSimulatorTests {
    static let schema = #"""
    {"objects": [{"name": "Subscription__c", "label": "Subscription", "keyPrefix": "a01",
      "fields": [{"name": "External_Id__c", "type": "string", "length": 64, "externalId": true, "unique": true},
                 {"name": "Note__c", "type": "textarea", "length": 1000}]}]}
    """#

    /// An HTTPS simulator whose org adds `schema` (a schema file written to a temporary path).
    static func config(schema: String = schema) throws -> SimulatorConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json").path
        try Data(schema.utf8).write(to: URL(fileURLWithPath: path))
        var c = SimulatorConfiguration(tls: true)
        c.org = OrgSetup(schemaFile: path)
        return c
    }

    static func lead(_ last: String?, _ company: String? = "Acme", email: String? = nil) -> SalesforceRecord {
        var r: SalesforceRecord = [:]
        if let last { r["LastName"] = .string(last) }
        if let company { r["Company"] = .string(company) }
        if let email { r["Email"] = .string(email) }
        return r
    }

    static func count(_ h: ClientHarness, _ soql: String) async throws -> Int {
        try await h.client.query(soql).allRecords().count
    }

    @Test("Collections create without allOrNone: each record's own result, in input order")
    func partialFailure() async throws {
        try await withClient(try Self.config()) { h in
            let results = try await h.client.create("Lead", records: [
                Self.lead("Good"), Self.lead(nil), Self.lead("Bad", email: "not an email"), Self.lead("Also good"),
            ])
            #expect(results.map(\.success) == [true, false, false, true])
            #expect(results[1].errors.first?.statusCode == "REQUIRED_FIELD_MISSING")
            #expect(results[1].errors.first?.fields == ["LastName"])
            #expect(results[2].errors.first?.statusCode == "INVALID_EMAIL_ADDRESS")
            #expect(results[1].disposition == .skipRecord && results[0].disposition == nil)
            #expect(results[0].id?.hasPrefix("00Q") == true)
            #expect(try await Self.count(h, "SELECT Id FROM Lead") == 2)
        }
    }

    @Test("Collections create with allOrNone: nothing saved; the valid records say they were rolled back")
    func allOrNone() async throws {
        try await withClient(try Self.config()) { h in
            let results = try await h.client.create("Lead", records: [Self.lead("Good"), Self.lead("NoCo", nil)],
                                                    allOrNone: true)
            #expect(results.map(\.success) == [false, false])
            #expect(results[0].errors.first?.statusCode == "ALL_OR_NONE_OPERATION_ROLLED_BACK")
            #expect(results[1].errors.first?.statusCode == "REQUIRED_FIELD_MISSING")
            #expect(try await Self.count(h, "SELECT Id FROM Lead") == 0)
        }
    }

    @Test("Collections upsert by external id creates, then updates on a case-insensitive match; a too-long value is STRING_TOO_LONG")
    func upsertByExternalId() async throws {
        try await withClient(try Self.config()) { h in
            let hostile = "a/b c\u{e9}&%'\""
            let first = try await h.client.upsert("Subscription__c", externalIDField: "External_Id__c", records: [
                ["External_Id__c": .string("S-1"), "Note__c": .string("one")],
                ["External_Id__c": .string(hostile), "Note__c": .string("two")],
            ])
            #expect(first.map(\.success) == [true, true] && first.map(\.created) == [true, true])
            let second = try await h.client.upsert("Subscription__c", externalIDField: "External_Id__c", records: [
                ["External_Id__c": .string("s-1"), "Note__c": .string("uno")],
                ["External_Id__c": .string(String(repeating: "x", count: 65))],
            ])
            #expect(second[0].success && second[0].created == false && second[0].id == first[0].id)
            #expect(second[1].errors.first?.statusCode == "STRING_TOO_LONG")
            let rows = try await h.client.query("SELECT External_Id__c, Note__c FROM Subscription__c ORDER BY Note__c").allRecords()
            #expect(rows.map { $0["Note__c"]?.stringValue } == ["two", "uno"])
            #expect(rows.first?["External_Id__c"]?.stringValue == hostile)
        }
    }

    @Test("the Lead duplicate rule names the matched record; the converted lead refuses updates")
    func duplicateAndConverted() async throws {
        try await withClient(try Self.config()) { h in
            let existing = try await h.client.create("Lead", records: [Self.lead("First", email: "dup@example.com")])
            let id = try #require(existing.first?.id)
            try await h.admin("POST", "/__admin/duplicate-rule", json: #"{"mode":"block"}"#)
            let dup = try await h.client.create("Lead", records: [Self.lead("Second", email: "DUP@example.com")])
            #expect(dup.first?.errors.first?.statusCode == "DUPLICATES_DETECTED")
            #expect(dup.first?.errors.first?.duplicateRecordIDs == [id])
            #expect(dup.first?.disposition == .skipRecord)
            try await h.admin("POST", "/__admin/convert-lead", json: #"{"leadId":"\#(id)"}"#)
            let upd = try await h.client.update("Lead", records: [["Id": .string(id), "LastName": .string("Changed")]])
            #expect(upd.first?.errors.first?.statusCode == "CANNOT_UPDATE_CONVERTED_LEAD")
        }
    }

    static let hostileNames = ["O'Brien, \"Jr.\"", "line one\nline two", "Zoë 数据 🚀", "trailing space ", "=1+2", "comma,,"]

    @Test("Bulk ingest then Bulk query round-trips quotes, commas, newlines and unicode; a bad row fails alone")
    func bulkRoundTrip() async throws {
        try await withClient(try Self.config(), client: .init(bulkPollInitial: 0.01)) { h in
            var records = Self.hostileNames.enumerated().map { i, name in
                Self.lead(name, "Co \(i)", email: "bulk\(i)@example.com")
            }
            records.insert(Self.lead("No company", nil, email: "nocompany@example.com"), at: 2)
            let result = try await h.client.bulkIngest("Lead", operation: .insert, records: records,
                                                       columns: ["Company", "Email", "LastName"], rowKey: "Email")
            #expect(result.results.count == records.count)
            #expect(result.results.enumerated().allSatisfy { i, r in r.success == (i != 2) })
            #expect(result.results[2].errors.first?.statusCode == "REQUIRED_FIELD_MISSING")
            var back: [String: String] = [:]
            for try await page in h.client.bulkQuery("SELECT LastName, Email FROM Lead", sobject: "Lead") {
                for r in page.records { back[r["Email"]?.stringValue ?? ""] = r["LastName"]?.stringValue }
            }
            #expect(back.count == Self.hostileNames.count)
            for (i, name) in Self.hostileNames.enumerated() { #expect(back["bulk\(i)@example.com"] == name) }
        }
    }
}
