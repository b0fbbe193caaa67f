import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import Testing

/// Query paging and record decoding, from Salesforce's wire format (§3.1).
@Suite("Query pages")
struct QueryDecodingTests {
    static let page1 = """
    {"totalSize": 3, "done": false, "nextRecordsUrl": "/services/data/v62.0/query/01gRO0000016PIAYA2-2",
     "records": [
      {"attributes": {"type": "Contact", "url": "/services/data/v62.0/sobjects/Contact/003A"},
       "Id": "003A", "Email": null, "Score__c": 12.5, "HasOptedOutOfEmail": false,
       "Account": {"attributes": {"type": "Account", "url": "/x"}, "Name": "Acme", "Owner": {"attributes": {}, "Email": "o@x.com"}},
       "Cases": {"totalSize": 1, "done": true, "records": [{"attributes": {"type": "Case"}, "Id": "500A"}]}},
      {"attributes": {"type": "Contact"}, "Id": "003B", "Email": "b@x.com", "Account": null, "Cases": null}]}
    """
    static let page2 = """
    {"totalSize": 3, "done": true, "records": [{"attributes": {"type": "Contact"}, "Id": "003C", "Email": "ü@x.com"}]}
    """

    static func client(_ t: ScriptedTransport, batch: Int? = nil) -> SalesforceClient {
        SalesforceClient(configuration: .init(queryBatchSize: batch), transport: t, tokens: FixedTokens(),
                         gate: RecordingGate(), purpose: CallPurpose(job: "j", priority: .importing), clock: ManualWallClock())
    }

    @Test("pages follow nextRecordsUrl, keep nulls, nested parents and child subqueries, and drop attributes")
    func paging() async throws {
        let t = ScriptedTransport([.respond(status: 200, body: Self.page1), .respond(status: 200, body: Self.page2)])
        var pages: [QueryPage] = []
        for try await page in try Self.client(t, batch: 500).query("SELECT Id FROM Contact") { pages.append(page) }
        #expect(pages.map(\.records.count) == [2, 1])
        #expect(pages.map(\.index) == [0, 1])
        let a = pages[0].records[0]
        #expect(a["attributes"] == nil)
        #expect(a["Email"] == .null)
        #expect(a["Score__c"] == .number(12.5))
        #expect(a["HasOptedOutOfEmail"] == .bool(false))
        #expect(a["Account"] == .object(["Name": .string("Acme"), "Owner": .object(["Email": .string("o@x.com")])]))
        #expect(a["Cases"]?["records"] == .array([.object(["Id": .string("500A")])]))
        #expect(pages[0].records[1]["Account"] == .null)
        #expect(pages[1].records[0]["Email"] == .string("ü@x.com"))
        let urls = t.requests.map(\.url)
        #expect(urls[0] == "https://org.example.test/services/data/v62.0/query?q=SELECT%20Id%20FROM%20Contact")
        #expect(urls[1] == "https://org.example.test/services/data/v62.0/query/01gRO0000016PIAYA2-2")
        #expect(t.requests.allSatisfy { $0.headers["Sforce-Query-Options"] == "batchSize=500" })
    }

    @Test("an abandoned iteration asks for no further page")
    func lazy() async throws {
        let t = ScriptedTransport([.respond(status: 200, body: Self.page1)])
        var iterator = try Self.client(t).queryAll("SELECT Id FROM Contact").makeAsyncIterator()
        _ = try await iterator.next()
        #expect(t.requests.count == 1)
        #expect(t.requests[0].url.contains("/queryAll?q="))
        #expect(t.requests[0].headers["Sforce-Query-Options"] == nil)
    }

    @Test("count reads totalSize of COUNT()")
    func count() async throws {
        let t = ScriptedTransport([.respond(status: 200, body: "{\"totalSize\": 42, \"done\": true, \"records\": []}")])
        #expect(try await Self.client(t).count("SELECT COUNT() FROM Lead") == 42)
    }

    @Test("a query too long for a GET that Bulk API 2.0 cannot run (a subquery) is refused before it is sent, never a 414")
    func tooLong() throws {
        let t = ScriptedTransport([])
        let emails = (0..<2000).map { "'user\($0)@example.com'" }.joined(separator: ",")
        let long = "SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Name IN (" + emails + ")"
        let client = Self.client(t)
        #expect(!client.queryFitsInGET(long))
        #expect { try client.query(long) } throws: { e in
            guard let e = e as? SalesforceError else { return false }
            return e.kind == .invalidRequest && e.description.contains("Bulk API 2.0 cannot run it: it selects a parent-to-child subquery")
        }
        // One that Bulk can run is not refused: its pages go by a Bulk job once iterated.
        #expect(throws: Never.self) { _ = try client.query("SELECT Id FROM Lead WHERE Email IN (" + emails + ")") }
        #expect(t.requests.isEmpty)
    }

    @Test("a page that is not a query result is a malformed-response error")
    func malformed() async throws {
        let t = ScriptedTransport([.respond(status: 200, body: "<html>maintenance</html>")])
        await #expect { _ = try await Self.client(t).query("SELECT Id FROM Lead").allRecords() } throws: { e in
            (e as? SalesforceError)?.kind == .malformedResponse
        }
    }
}
