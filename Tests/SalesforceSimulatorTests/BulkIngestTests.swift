import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator Bulk API 2.0 ingest jobs")
struct BulkIngestTests {
    static func open(_ org: Org, _ object: String, _ operation: String, external: String? = nil) async throws -> String {
        var body: [String: Any] = ["object": object, "operation": operation, "contentType": "CSV", "lineEnding": "LF"]
        if let external { body["externalIdFieldName"] = external }
        let r = try await org.call("POST", "/jobs/ingest", json: body)
        #expect(r.status == 200, "\(r.text)")
        #expect(r.object["state"] as? String == "Open")
        return try #require(r.object["id"] as? String)
    }

    /// Upload, close, poll to the end; returns the final job info.
    static func run(_ org: Org, _ id: String, _ csv: String) async throws -> [String: Any] {
        let put = try await org.raw("PUT", "/jobs/ingest/\(id)/batches", body: csv, contentType: "text/csv")
        #expect(put.status == 201)
        #expect(put.body.isEmpty)
        let close = try await org.call("PATCH", "/jobs/ingest/\(id)", json: ["state": "UploadComplete"])
        #expect(close.object["state"] as? String == "UploadComplete")
        return try await BulkQueryTests.finish(org, id, path: "ingest")
    }

    @Test("Insert applies rows with REST validation and writes sf__ result files")
    func insert() async throws {
        try await withOrg { org in
            let id = try await Self.open(org, "Lead", "insert")
            let info = try await Self.run(org, id, #"""
            LastName,Company,Email,Description
            Smith,Acme,s@acme.example,"multi
            line, ""quoted"""
            Jones,,j@acme.example,
            Brown,Beta,not-an-email,x

            """#)
            #expect(info["state"] as? String == "JobComplete")
            #expect(info["jobType"] as? String == "V2Ingest")
            #expect(info["contentUrl"] as? String == "services/data/v60.0/jobs/ingest/\(id)/batches")
            #expect((info["numberRecordsProcessed"] as? NSNumber)?.intValue == 3)
            #expect((info["numberRecordsFailed"] as? NSNumber)?.intValue == 2)
            let ok = try await org.call("GET", "/jobs/ingest/\(id)/successfulResults/")
            #expect(ok.headers["content-type"] == "text/csv")
            let okLines = ok.text.components(separatedBy: "\n")
            #expect(okLines[0] == "\"sf__Id\",\"sf__Created\",\"LastName\",\"Company\",\"Email\",\"Description\"")
            #expect(okLines[1].hasPrefix("\"00Q") && okLines[1].contains("\",\"true\",\"Smith\",\"Acme\""))
            let created = try #require(okLines[1].split(separator: "\"").first.map(String.init))
            #expect(try await org.get("Lead", created)["Description"] as? String == "multi\nline, \"quoted\"")
            let failed = try await org.call("GET", "/jobs/ingest/\(id)/failedResults/")
            #expect(failed.text == """
            "sf__Id","sf__Error","LastName","Company","Email","Description"
            "","REQUIRED_FIELD_MISSING:Required fields are missing: [Company]:Company--","Jones","","j@acme.example",""
            "","INVALID_EMAIL_ADDRESS:Email: invalid email address: not-an-email:Email--","Brown","Beta","not-an-email","x"

            """)
            let none = try await org.call("GET", "/jobs/ingest/\(id)/unprocessedrecords/")
            #expect(none.text == "\"LastName\",\"Company\",\"Email\",\"Description\"\n")
        }
    }

    @Test("Update leaves empty cells unchanged and sets #N/A to null; upsert matches the external id")
    func updateUpsert() async throws {
        try await withOrg { org in
            let lead = try await org.create("Lead", ["LastName": "A", "Company": "X", "Title": "CEO", "Phone": "555"])
            let update = try await Self.open(org, "Lead", "update")
            let info = try await Self.run(org, update, "Id,Title,Phone\n\(lead),,#N/A\n")
            #expect((info["numberRecordsFailed"] as? NSNumber)?.intValue == 0)
            let got = try await org.get("Lead", lead)
            #expect(got["Title"] as? String == "CEO")
            #expect(got["Phone"] is NSNull)
            let existing = try await org.create("Contact", ["LastName": "Old", "Ext_Id__c": "C-1"])
            let upsert = try await Self.open(org, "Contact", "upsert", external: "Ext_Id__c")
            _ = try await Self.run(org, upsert, "Ext_Id__c,LastName\nc-1,Renamed\nC-2,New\n,NoKey\n")
            let ok = try await org.call("GET", "/jobs/ingest/\(upsert)/successfulResults/")
            #expect(ok.text.contains("\"\(existing)\",\"false\",\"c-1\",\"Renamed\""))
            #expect(ok.text.contains("\",\"true\",\"C-2\",\"New\""))
            let failed = try await org.call("GET", "/jobs/ingest/\(upsert)/failedResults/")
            #expect(failed.text.contains("\"MISSING_ARGUMENT:Ext_Id__c not specified:--\",\"\",\"NoKey\""))
            #expect(try await org.get("Contact", existing)["LastName"] as? String == "Renamed")
        }
    }

    @Test("Delete soft-deletes by Id; an unknown Id fails its row")
    func delete() async throws {
        try await withOrg { org in
            let lead = try await org.create("Lead", ["LastName": "A", "Company": "X"])
            let id = try await Self.open(org, "Lead", "delete")
            let missing = RecordID.make(prefix: "00Q", seq: 999_999)
            let info = try await Self.run(org, id, "Id\n\(lead)\n\(missing)\n")
            #expect((info["numberRecordsProcessed"] as? NSNumber)?.intValue == 2)
            #expect((info["numberRecordsFailed"] as? NSNumber)?.intValue == 1)
            #expect(try await org.call("GET", "/sobjects/Lead/\(lead)").firstError["errorCode"] as? String == "ENTITY_IS_DELETED")
            let failed = try await org.call("GET", "/jobs/ingest/\(id)/failedResults/")
            #expect(failed.text.contains("\"\(missing)\",\"INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--\""))
        }
    }

    @Test("A second PUT gets the exact BULK_API_ERROR text")
    func secondUpload() async throws {
        try await withOrg { org in
            let id = try await Self.open(org, "Lead", "insert")
            #expect(try await org.raw("PUT", "/jobs/ingest/\(id)/batches", body: "LastName,Company\nA,B\n",
                                      contentType: "text/csv").status == 201)
            let r = try await org.raw("PUT", "/jobs/ingest/\(id)/batches", body: "LastName,Company\nC,D\n", contentType: "text/csv")
            #expect(r.status == 400)
            #expect(r.firstError["errorCode"] as? String == "BULK_API_ERROR")
            #expect(r.firstError["message"] as? String == "Found multipe contents for job: <\(id)>, please 'Close' / "
                    + "'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.")
        }
    }

    @Test("An unknown column or malformed CSV fails the job and leaves every row unprocessed")
    func badUpload() async throws {
        try await withOrg { org in
            let id = try await Self.open(org, "Lead", "insert")
            let info = try await Self.run(org, id, "LastName,Company,Nope__c\nA,B,C\n")
            #expect(info["state"] as? String == "Failed")
            #expect(info["errorMessage"] as? String == "InvalidBatch : Field name not found : Nope__c")
            let rows = try await org.call("GET", "/jobs/ingest/\(id)/unprocessedrecords/")
            #expect(rows.text == "\"LastName\",\"Company\",\"Nope__c\"\n\"A\",\"B\",\"C\"\n")
            let csv = try await Self.open(org, "Lead", "insert")
            let bad = try await Self.run(org, csv, "LastName,Company\nA,\"B\n")
            #expect(bad["state"] as? String == "Failed")
            #expect(bad["errorMessage"] as? String == "InvalidBatch : Failed to parse CSV. Found an unterminated quoted value")
        }
    }

    @Test("An injected failure applies the first rows only; the rest are unprocessed")
    func injectedFailure() async throws {
        try await withOrg { org in
            _ = try await org.admin("POST", "bulk", json: ["failNextJob": ["errorMessage": "InternalServerError : boom",
                                                                           "processRecords": 1]])
            let id = try await Self.open(org, "Lead", "insert")
            let info = try await Self.run(org, id, "LastName,Company\nA,X\nB,X\nC,X\n")
            #expect(info["state"] as? String == "Failed")
            #expect(info["errorMessage"] as? String == "InternalServerError : boom")
            #expect((info["numberRecordsProcessed"] as? NSNumber)?.intValue == 1)
            let rows = try await org.call("GET", "/jobs/ingest/\(id)/unprocessedrecords/")
            #expect(rows.text == "\"LastName\",\"Company\"\n\"B\",\"X\"\n\"C\",\"X\"\n")
            #expect((try await org.admin("GET", "records/Lead").object["totalSize"] as? NSNumber)?.intValue == 1)
        }
    }

    @Test("Job creation and state changes refuse bad input")
    func controlErrors() async throws {
        try await withOrg { org in
            let cases: [([String: Any], String)] = [
                (["object": "Nope__c", "operation": "insert"], "Unable to find object: Nope__c"),
                (["object": "Lead", "operation": "merge"], "Invalid operation: 'merge'. Use insert, update, upsert, delete or hardDelete"),
                (["object": "Lead", "operation": "upsert"], "An upsert job needs externalIdFieldName"),
                (["object": "Lead", "operation": "upsert", "externalIdFieldName": "Email"],
                 "Field name provided, Email is not an External ID or indexed field for Lead"),
                (["object": "Lead", "operation": "insert", "columnDelimiter": "COLON"],
                 "Invalid columnDelimiter: COLON. Use one of BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON, TAB"),
            ]
            for (body, message) in cases {
                let r = try await org.call("POST", "/jobs/ingest", json: body)
                #expect(r.status == 400)
                #expect(r.firstError["errorCode"] as? String == "INVALIDJOB")
                #expect(r.firstError["message"] as? String == message)
            }
            let id = try await Self.open(org, "Lead", "insert")
            let early = try await org.call("GET", "/jobs/ingest/\(id)/successfulResults/")
            #expect(early.firstError["errorCode"] as? String == "INVALIDJOBSTATE")
            let abort = try await org.call("PATCH", "/jobs/ingest/\(id)", json: ["state": "Aborted"])
            #expect(abort.object["state"] as? String == "Aborted")
            let close = try await org.call("PATCH", "/jobs/ingest/\(id)", json: ["state": "UploadComplete"])
            #expect(close.firstError["errorCode"] as? String == "INVALIDJOBSTATE")
            let put = try await org.raw("PUT", "/jobs/ingest/\(id)/batches", body: "LastName\nA\n", contentType: "text/csv")
            #expect(put.firstError["errorCode"] as? String == "INVALIDJOBSTATE")
            #expect(try await org.call("DELETE", "/jobs/ingest/\(id)").status == 204)
            #expect(try await org.call("GET", "/jobs/ingest/\(id)").status == 404)
        }
    }
}
