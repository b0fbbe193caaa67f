import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import Testing

/// The Bulk API 2.0 flows over a strict scripted transport, in Salesforce's wire format (§7).
@Suite("Bulk client")
struct BulkClientTests {
    static func job(_ id: String, _ state: String, error: String? = nil) -> ScriptedTransport.Step {
        let e = error.map { ",\"errorMessage\":\"\($0)\"" } ?? ""
        return .respond(status: 200, body: "{\"id\":\"\(id)\",\"state\":\"\(state)\",\"object\":\"Contact\"\(e)}")
    }
    static func csv(_ text: String, locator: String? = nil) -> ScriptedTransport.Step {
        var h = ["Content-Type": "text/csv"]
        if let locator { h["Sforce-Locator"] = locator }
        return .respond(status: 200, body: text, headers: h)
    }
    static func client(_ t: ScriptedTransport, clock: ManualWallClock = ManualWallClock(),
                       maxUpload: Int = 100_000_000) -> SalesforceClient {
        SalesforceClient(configuration: .init(bulkMaxUploadBytes: maxUpload, bulkMaxRecords: 2), transport: t,
                         tokens: FixedTokens(), gate: RecordingGate(), purpose: CallPurpose(job: "j", priority: .backfill),
                         clock: clock)
    }

    @Test("a query job is created, polled with backoff, and its results paged by Sforce-Locator until null")
    func query() async throws {
        let t = ScriptedTransport([
            Self.job("750Q", "UploadComplete"), Self.job("750Q", "InProgress"), Self.job("750Q", "JobComplete"),
            Self.csv("\"Id\",\"Name\",\"Account.Name\"\n\"003A\",\"O\"\"Brien, \nJr\",\"Acme\"\n\"003B\",\"\",\"\"\n", locator: "MTAwMDA"),
            Self.csv("\"Id\",\"Name\",\"Account.Name\"\n\"003C\",\"日本\",\"X\"\n", locator: "null"),
        ])
        let clock = ManualWallClock()
        let start = clock.now()
        var pages: [BulkQueryPage] = []
        for try await page in Self.client(t, clock: clock).bulkQuery("SELECT Id, Name, Account.Name FROM Contact") {
            pages.append(page)
        }
        #expect(pages.map(\.records.count) == [2, 1])
        #expect(pages[0].columns == ["Id", "Name", "Account.Name"])
        #expect(pages[0].records[0] == ["Id": .string("003A"), "Name": .string("O\"Brien, \nJr"),
                                        "Account": .object(["Name": .string("Acme")])])
        #expect(pages[0].records[1]["Name"] == .null)
        #expect(pages[1].records[0]["Name"] == .string("日本"))
        #expect(clock.now().timeIntervalSince(start) == 3, "polls after 1 s and 2 s")
        let create = try JSONDecoder().decode(JSONValue.self, from: t.requests[0].body ?? Data())
        #expect(create["operation"] == .string("query"))
        #expect(create["contentType"] == .string("CSV"))
        #expect(t.requests[3].url.hasSuffix("/jobs/query/750Q/results?maxRecords=2"))
        #expect(t.requests[4].url.hasSuffix("/jobs/query/750Q/results?maxRecords=2&locator=MTAwMDA"))
    }

    @Test("a failed query job is a bulkJobFailed error with the job id and Salesforce's reason")
    func queryFailed() async throws {
        let t = ScriptedTransport([Self.job("750F", "UploadComplete"), Self.job("750F", "Failed", error: "INVALID_FIELD: No such column")])
        await #expect {
            for try await _ in Self.client(t).bulkQuery("SELECT Foo FROM Contact", all: true) {}
        } throws: { e in
            guard let e = e as? SalesforceError else { return false }
            return e.kind == .bulkJobFailed && e.jobID == "750F" && e.description.contains("No such column")
        }
    }

    @Test("ingest uploads once, closes, polls, and maps shuffled results back to input rows by external id")
    func ingest() async throws {
        let t = ScriptedTransport([
            Self.job("750I", "Open"), .respond(status: 201, body: ""), Self.job("750I", "UploadComplete"),
            Self.job("750I", "JobComplete"),
            Self.csv("\"sf__Id\",\"sf__Created\",\"Ext__c\",\"Note\"\n\"003C\",\"false\",\"E,3\",\"#N/A\"\n\"003A\",\"true\",\"E\"\"1\",\"a\nb\"\n"),
            Self.csv("\"sf__Id\",\"sf__Error\",\"Ext__c\",\"Note\"\n\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --\",\"E2\",\"\"\n"),
            Self.csv("\"Ext__c\",\"Note\"\n"),
        ])
        let records: [SalesforceRecord] = [["Ext__c": .string("E\"1"), "Note": .string("a\nb")], ["Ext__c": .string("E2")],
                                           ["Ext__c": .string("E,3"), "Note": .null]]
        let r = try await Self.client(t).bulkIngest("Contact", operation: .upsert, externalIDField: "Ext__c", records: records)
        #expect(r.jobIDs == ["750I"])
        #expect(r.results[0] == RecordResult(id: "003A", success: true, created: true))
        #expect(r.results[1].errors == [RecordError(statusCode: "REQUIRED_FIELD_MISSING",
                                                     message: "Required fields are missing: [LastName]", fields: ["LastName"])])
        #expect(r.results[2] == RecordResult(id: "003C", success: true, created: false))
        let put = t.requests[1]
        #expect(put.method == "PUT" && put.url.hasSuffix("/jobs/ingest/750I/batches"))
        #expect(String(decoding: put.body ?? Data(), as: UTF8.self) == "Ext__c,Note\n\"E\"\"1\",\"a\nb\"\nE2,\n\"E,3\",#N/A\n")
        #expect(String(decoding: t.requests[2].body ?? Data(), as: UTF8.self) == "{\"state\":\"UploadComplete\"}")
        #expect(t.unused == 0)
    }

    @Test("above the upload limit the CSV is split into several jobs, one PUT each")
    func split() async throws {
        func steps(_ id: String, _ rows: String) -> [ScriptedTransport.Step] {
            [Self.job(id, "Open"), .respond(status: 201, body: ""), Self.job(id, "UploadComplete"), Self.job(id, "JobComplete"),
             Self.csv("\"sf__Id\",\"sf__Created\",\"Name\"\n" + rows), Self.csv("\"sf__Id\",\"sf__Error\",\"Name\"\n"),
             Self.csv("\"Name\"\n")]
        }
        let t = ScriptedTransport(steps("750A", "\"001A\",\"true\",\"aaaa\"\n\"001B\",\"true\",\"bbbb\"\n")
                                  + steps("750B", "\"001C\",\"true\",\"cccc\"\n"))
        let records: [SalesforceRecord] = ["aaaa", "bbbb", "cccc"].map { ["Name": .string($0)] }
        // Header "Name\n" (5 bytes) + two 5-byte rows fit in 15 bytes; the third goes to a second job.
        let r = try await Self.client(t, maxUpload: 15).bulkIngest("Account", operation: .insert, records: records)
        #expect(r.jobIDs == ["750A", "750B"])
        #expect(r.results.map(\.id) == ["001A", "001B", "001C"])
        #expect(t.requests.filter { $0.method == "PUT" }.count == 2)
    }

    @Test("a failed ingest job reports its unprocessed rows as retryable, with the job's reason")
    func ingestFailed() async throws {
        let t = ScriptedTransport([
            Self.job("750F", "Open"), .respond(status: 201, body: ""), Self.job("750F", "UploadComplete"),
            Self.job("750F", "Failed", error: "retries exhausted"),
            Self.csv("\"sf__Id\",\"sf__Created\",\"Id\",\"Name\"\n"), Self.csv("\"sf__Id\",\"sf__Error\",\"Id\",\"Name\"\n"),
            Self.csv("\"Id\",\"Name\"\n\"001A\",\"x\"\n"),
        ])
        let r = try await Self.client(t).bulkIngest("Account", operation: .update,
                                                    records: [["Id": .string("001A"), "Name": .string("x")]])
        #expect(r.failedJobs == ["750F": "the job failed: retries exhausted"])
        #expect(r.results[0].errors.first?.statusCode == "UNPROCESSED_RECORD")
        #expect(r.results[0].errors.first?.message.contains("retries exhausted") == true)
        guard case .retry = r.results[0].disposition else { Issue.record("unprocessed rows should retry"); return }
    }

    @Test("an upsert without an external-id field is refused before any call")
    func noExternalID() async throws {
        let t = ScriptedTransport([])
        await #expect { _ = try await Self.client(t).bulkIngest("Lead", operation: .upsert, records: [[:]]) } throws: {
            "\($0)".contains("externalIDField")
        }
    }
}
