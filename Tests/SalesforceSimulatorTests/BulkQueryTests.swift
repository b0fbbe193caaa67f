import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator Bulk API 2.0 query jobs")
struct BulkQueryTests {
    static func job(_ org: Org, _ soql: String, operation: String = "query") async throws -> WireResponse {
        try await org.call("POST", "/jobs/query", json: ["operation": operation, "query": soql, "contentType": "CSV"])
    }

    /// Polls until a terminal state; returns the job info.
    static func finish(_ org: Org, _ id: String, path: String = "query") async throws -> [String: Any] {
        for _ in 0..<10 {
            let info = try await org.call("GET", "/jobs/\(path)/\(id)").object
            if ["JobComplete", "Failed", "Aborted"].contains(info["state"] as? String ?? "") { return info }
        }
        Issue.record("job \(id) did not finish")
        return [:]
    }

    @Test("A query job goes UploadComplete → InProgress → JobComplete and serves quoted CSV in SELECT order")
    func lifecycle() async throws {
        try await withOrg { org in
            let account = try await org.create("Account", ["Name": "Acme \"Intl\", Inc"])
            _ = try await org.create("Contact", ["LastName": "Line\nBreak", "AccountId": account, "Email": "a@acme.example"])
            _ = try await org.create("Contact", ["LastName": "Solo", "HasOptedOutOfEmail": true])
            let created = try await Self.job(org, "SELECT lastname, Account.Name, Email, HasOptedOutOfEmail FROM Contact ORDER BY LastName")
            #expect(created.status == 200)
            let id = try #require(created.object["id"] as? String)
            #expect(id.hasPrefix("750") && id.count == 18)
            #expect(created.object["state"] as? String == "UploadComplete")
            #expect(created.object["jobType"] as? String == "V2Query")
            #expect(created.object["object"] as? String == "Contact")
            #expect(created.object["operation"] as? String == "query")
            #expect(created.object["columnDelimiter"] as? String == "COMMA")
            #expect(created.object["lineEnding"] as? String == "LF")
            let early = try await org.call("GET", "/jobs/query/\(id)/results")
            #expect(early.status == 400)
            #expect(early.firstError["errorCode"] as? String == "INVALIDJOBSTATE")
            #expect(try await org.call("GET", "/jobs/query/\(id)").object["state"] as? String == "InProgress")
            let done = try await org.call("GET", "/jobs/query/\(id)").object
            #expect(done["state"] as? String == "JobComplete")
            #expect((done["numberRecordsProcessed"] as? NSNumber)?.intValue == 2)
            let r = try await org.call("GET", "/jobs/query/\(id)/results")
            #expect(r.status == 200)
            #expect(r.headers["content-type"] == "text/csv")
            #expect(r.headers["sforce-locator"] == "null")
            #expect(r.headers["sforce-numberofrecords"] == "2")
            #expect(r.text == """
            "LastName","Account.Name","Email","HasOptedOutOfEmail"
            "Line
            Break","Acme ""Intl"", Inc","a@acme.example","false"
            "Solo","","","true"

            """)
        }
    }

    @Test("Results page by maxRecords and locator; the last page's Sforce-Locator is null")
    func paging() async throws {
        try await withOrg { org in
            let leads = (0..<5).map { ["attributes": ["type": "Lead"], "LastName": "L\($0)", "Company": "C"] }
            _ = try await org.call("POST", "/composite/sobjects", json: ["records": leads])
            let id = try #require(try await Self.job(org, "SELECT LastName FROM Lead ORDER BY LastName").object["id"] as? String)
            _ = try await Self.finish(org, id)
            var locator: String?
            var names: [String] = []
            var pages = 0
            repeat {
                let r = try await org.call("GET", "/jobs/query/\(id)/results?maxRecords=2" + (locator.map { "&locator=\($0)" } ?? ""))
                #expect(r.status == 200)
                let lines = r.text.split(separator: "\n").map(String.init)
                #expect(lines.first == "\"LastName\"")
                #expect(r.headers["sforce-numberofrecords"] == String(lines.count - 1))
                names += lines.dropFirst()
                locator = r.headers["sforce-locator"]
                pages += 1
            } while locator != "null" && pages < 10
            #expect(pages == 3)
            #expect(names == (0..<5).map { "\"L\($0)\"" })
            let bad = try await org.call("GET", "/jobs/query/\(id)/results?locator=%21%21")
            #expect(bad.status == 400)
            #expect(bad.firstError["errorCode"] as? String == "INVALID_QUERY_LOCATOR")
            let other = try await Wire.send("GET", org.sim.baseURL + "/services/data/v59.0/jobs/query/\(id)/results",
                                            headers: ["Authorization": "Bearer \(org.token)"])
            #expect(other.status == 409)
        }
    }

    @Test("queryAll jobs include soft-deleted rows, query jobs do not")
    func queryAll() async throws {
        try await withOrg { org in
            let gone = try await org.create("Lead", ["LastName": "Gone", "Company": "C"])
            _ = try await org.create("Lead", ["LastName": "Here", "Company": "C"])
            _ = try await org.call("DELETE", "/sobjects/Lead/\(gone)")
            for (op, expected) in [("query", 1), ("queryAll", 2)] {
                let id = try #require(try await Self.job(org, "SELECT Id, IsDeleted FROM Lead", operation: op).object["id"] as? String)
                let info = try await Self.finish(org, id)
                #expect((info["numberRecordsProcessed"] as? NSNumber)?.intValue == expected)
                #expect(info["operation"] as? String == op)
            }
        }
    }

    @Test("Bad SOQL, COUNT(), subqueries, a bad operation and unknown jobs are refused")
    func errors() async throws {
        try await withOrg { org in
            let field = try await Self.job(org, "SELECT Nope FROM Lead")
            #expect(field.status == 400)
            #expect(field.firstError["errorCode"] as? String == "INVALID_FIELD")
            let type = try await Self.job(org, "SELECT Id FROM Nope__c")
            #expect(type.firstError["errorCode"] as? String == "INVALID_TYPE")
            let count = try await Self.job(org, "SELECT COUNT() FROM Lead")
            #expect(count.status == 400)
            #expect(count.firstError["errorCode"] as? String == "INVALIDJOB")
            let sub = try await Self.job(org, "SELECT Id, (SELECT Id FROM Contacts) FROM Account")
            #expect(sub.firstError["errorCode"] as? String == "INVALIDJOB")
            let op = try await Self.job(org, "SELECT Id FROM Lead", operation: "insert")
            #expect(op.firstError["message"] as? String == "Invalid operation: 'insert'. A query job's operation is query or queryAll")
            let missing = RecordID.make(prefix: "750", seq: 999)
            for method in ["GET", "DELETE"] {
                let r = try await org.call(method, "/jobs/query/\(missing)")
                #expect(r.status == 404)
                #expect(r.firstError["errorCode"] as? String == "NOT_FOUND")
            }
        }
    }

    @Test("Abort, delete and list; an aborted job cannot be aborted again")
    func abortDelete() async throws {
        try await withOrg { org in
            let id = try #require(try await Self.job(org, "SELECT Id FROM Lead").object["id"] as? String)
            let abort = try await org.call("PATCH", "/jobs/query/\(id)", json: ["state": "Aborted"])
            #expect(abort.status == 200)
            #expect(abort.object["state"] as? String == "Aborted")
            let again = try await org.call("PATCH", "/jobs/query/\(id)", json: ["state": "Aborted"])
            #expect(again.status == 400)
            #expect(again.firstError["errorCode"] as? String == "INVALIDJOBSTATE")
            let list = try await org.call("GET", "/jobs/query")
            #expect(list.object["done"] as? Bool == true)
            #expect((list.object["records"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            #expect(try await org.call("DELETE", "/jobs/query/\(id)").status == 204)
            #expect(try await org.call("GET", "/jobs/query/\(id)").status == 404)
        }
    }

    @Test("An injected failure ends the next job Failed with its errorMessage")
    func injectedFailure() async throws {
        try await withOrg { org in
            let set = try await org.admin("POST", "bulk", json: ["failNextJob": ["errorMessage": "InternalServerError : retries exhausted"]])
            #expect((set.object["pendingFailures"] as? NSNumber)?.intValue == 1)
            let id = try #require(try await Self.job(org, "SELECT Id FROM Lead").object["id"] as? String)
            let info = try await Self.finish(org, id)
            #expect(info["state"] as? String == "Failed")
            #expect(info["errorMessage"] as? String == "InternalServerError : retries exhausted")
            #expect(try await org.call("GET", "/jobs/query/\(id)/results").status == 400)
            let next = try #require(try await Self.job(org, "SELECT Id FROM Lead").object["id"] as? String)
            #expect(try await Self.finish(org, next)["state"] as? String == "JobComplete")
        }
    }

    @Test("With a delay policy the job completes only once the simulator clock has moved on")
    func delay() async throws {
        let clock = TestClock()
        try await withOrg(SimulatorConfiguration(now: { clock.now })) { org in
            _ = try await org.admin("POST", "bulk", json: ["pollsBeforeComplete": 0, "delayMs": 5000])
            let id = try #require(try await Self.job(org, "SELECT Id FROM Lead").object["id"] as? String)
            #expect(try await org.call("GET", "/jobs/query/\(id)").object["state"] as? String == "InProgress")
            clock.advance(5)
            #expect(try await org.call("GET", "/jobs/query/\(id)").object["state"] as? String == "JobComplete")
        }
    }
}
