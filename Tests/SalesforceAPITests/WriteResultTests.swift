import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import Testing

/// Upsert and sObject Collections results, from Salesforce's wire format (§6).
@Suite("Write results")
struct WriteResultTests {
    static let client = QueryDecodingTests.client

    @Test("single upsert accepts 201, 200 and 204 and sends nulls as JSON null without the external id")
    func upsertStatuses() async throws {
        let t = ScriptedTransport([
            .respond(status: 201, body: "{\"id\":\"003A\",\"success\":true,\"errors\":[],\"created\":true}"),
            .respond(status: 200, body: "{\"id\":\"003A\",\"success\":true,\"errors\":[],\"created\":false}"),
            .respond(status: 204, body: ""),
        ])
        let c = Self.client(t, nil)
        let record: SalesforceRecord = ["Ext_Id__c": .string("E 1/ü"), "Email": .null, "LastName": .string("Smith")]
        let r1 = try await c.upsert("Contact", externalIDField: "Ext_Id__c", value: "E 1/ü", record: record)
        let r2 = try await c.upsert("Contact", externalIDField: "Ext_Id__c", value: "E 1/ü", record: record)
        let r3 = try await c.upsert("Contact", externalIDField: "Ext_Id__c", value: "E 1/ü", record: record)
        #expect(r1 == RecordResult(id: "003A", success: true, created: true))
        #expect(r2 == RecordResult(id: "003A", success: true, created: false))
        #expect(r3 == RecordResult(id: nil, success: true, created: false))
        let req = t.requests[0]
        #expect(req.method == "PATCH")
        #expect(req.url.hasSuffix("/sobjects/Contact/Ext_Id__c/E%201%2F%C3%BC"))
        let sent = try JSONDecoder().decode(JSONValue.self, from: req.body ?? Data())
        #expect(sent == .object(["Email": .null, "LastName": .string("Smith")]))
    }

    @Test("an upsert matching several records is an ambiguous-match error that writes nothing")
    func ambiguous() async throws {
        let t = ScriptedTransport([.respond(status: 300, body: "[\"/services/data/v62.0/sobjects/Contact/003A\",\"/services/data/v62.0/sobjects/Contact/003B\"]")])
        await #expect {
            _ = try await Self.client(t, nil).upsert("Contact", externalIDField: "Ext_Id__c", value: "E1", record: [:])
        } throws: { e in
            guard let e = e as? SalesforceError else { return false }
            return e.kind == .ambiguousMatch && e.disposition == .skipRecord && e.description.contains("003A, 003B")
        }
    }

    @Test("a rejected single upsert is a failed result with its code and fields")
    func rejected() async throws {
        let t = ScriptedTransport([.respond(status: 400, body: "[{\"message\":\"Email: invalid email address: x\",\"errorCode\":\"INVALID_EMAIL_ADDRESS\",\"fields\":[\"Email\"]}]")])
        let r = try await Self.client(t, nil).upsert("Contact", externalIDField: "Ext_Id__c", value: "E1", record: ["Email": .string("x")])
        #expect(!r.success)
        #expect(r.errors == [RecordError(statusCode: "INVALID_EMAIL_ADDRESS", message: "Email: invalid email address: x", fields: ["Email"])])
        #expect(r.disposition == .skipRecord)
    }

    @Test("Collections partial failure: results in request order, duplicates with matched ids under either spelling")
    func collections() async throws {
        let body = """
        [{"id":"003A","success":true,"errors":[],"created":true},
         {"id":null,"success":false,"errors":[{"statusCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [LastName]","fields":["LastName"]}]},
         {"id":null,"success":false,"errors":[{"statusCode":"DUPLICATES_DETECTED","message":"Use one of these records?","fields":[],
           "duplicateResut":{"matchResults":[{"matchRecords":[{"record":{"attributes":{"type":"Contact"},"Id":"003D1"}}]}]}}]},
         {"id":null,"success":false,"errors":[{"statusCode":"DUPLICATES_DETECTED","message":"dup","fields":[],
           "duplicateResult":{"matchResults":[{"matchRecords":[{"record":{"Id":"003D2"}},{"record":{"Id":"003D3"}}]}]}}]},
         {"id":null,"success":false,"errors":[{"statusCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access","fields":[]}]}]
        """
        let t = ScriptedTransport([.respond(status: 200, body: body)])
        let records: [SalesforceRecord] = (1...5).map { ["Ext_Id__c": .string("C-\($0)"), "Phone": .null] }
        let results = try await Self.client(t, nil).upsert("Contact", externalIDField: "Ext_Id__c", records: records)
        #expect(results.map(\.success) == [true, false, false, false, false])
        #expect(results[0].created == true)
        #expect(results[1].errors.first?.fields == ["LastName"])
        #expect(results[1].disposition == .skipRecord)
        #expect(results[2].errors.first?.duplicateRecordIDs == ["003D1"])
        #expect(results[3].errors.first?.duplicateRecordIDs == ["003D2", "003D3"])
        guard case .retry = results[4].disposition else { Issue.record("a locked row should retry"); return }
        let sent = try JSONDecoder().decode(JSONValue.self, from: t.requests[0].body ?? Data())
        #expect(sent["allOrNone"] == .bool(false))
        #expect(sent["records"]?.arrayValue?.first == .object(["attributes": .object(["type": .string("Contact")]),
                                                                "Ext_Id__c": .string("C-1"), "Phone": .null]))
        #expect(t.requests[0].url.hasSuffix("/composite/sobjects/Contact/Ext_Id__c"))
    }

    @Test("more than 200 records go in several calls and results keep input order")
    func chunks() async throws {
        func answer(_ n: Int, from: Int) -> String {
            "[" + (0..<n).map { "{\"id\":\"001\(from + $0)\",\"success\":true,\"errors\":[]}" }.joined(separator: ",") + "]"
        }
        let t = ScriptedTransport([.respond(status: 200, body: answer(200, from: 0)), .respond(status: 200, body: answer(50, from: 200))])
        let records: [SalesforceRecord] = (0..<250).map { ["Name": .string("A\($0)")] }
        let results = try await Self.client(t, nil).create("Account", records: records)
        #expect(results.map(\.id) == (0..<250).map { "001\($0)" })
        #expect(t.requests.count == 2)
    }

    @Test("records without what the operation matches on are refused before any call")
    func refused() async throws {
        let t = ScriptedTransport([])
        let c = Self.client(t, nil)
        await #expect { _ = try await c.update("Lead", records: [["Email": .string("x")]]) } throws: {
            "\($0)".contains("no Id")
        }
        await #expect { _ = try await c.upsert("Lead", externalIDField: "Ext__c", records: [["Ext__c": .null]]) } throws: {
            "\($0)".contains("no Ext__c value")
        }
        #expect(t.requests.isEmpty)
    }
}
