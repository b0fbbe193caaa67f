import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator sObject Collections")
struct CollectionsTests {
    static func lead(_ last: String, _ extra: [String: Any] = [:]) -> [String: Any] {
        ["attributes": ["type": "Lead"], "LastName": last, "Company": "Acme"].merging(extra) { _, b in b }
    }

    @Test("Create answers 200 with per-record results in request order, statusCode for failures")
    func create() async throws {
        try await withOrg { org in
            let r = try await org.call("POST", "/composite/sobjects", json: ["allOrNone": false, "records": [
                Self.lead("A"), ["attributes": ["type": "Lead"], "Email": "x@y.example"],
                ["attributes": ["type": "Contact"], "LastName": "C"]]])
            #expect(r.status == 200)
            let results = r.array
            #expect(results.count == 3)
            #expect(results[0]["success"] as? Bool == true)
            #expect((results[0]["id"] as? String)?.hasPrefix("00Q") == true)
            #expect(results[0]["created"] == nil)
            #expect(results[1]["success"] as? Bool == false)
            #expect(results[1]["id"] is NSNull)
            let e = try #require((results[1]["errors"] as? [[String: Any]])?.first)
            #expect(e["statusCode"] as? String == "REQUIRED_FIELD_MISSING")
            #expect(e["errorCode"] == nil)
            #expect(e["message"] as? String == "Required fields are missing: [LastName, Company]")
            #expect(e["fields"] as? [String] == ["LastName", "Company"])
            #expect((results[2]["id"] as? String)?.hasPrefix("003") == true)
            #expect(r.headers["sforce-limit-info"] == "api-usage=1/100000")
        }
    }

    @Test("allOrNone rolls everything back; valid records report ALL_OR_NONE_OPERATION_ROLLED_BACK")
    func allOrNone() async throws {
        try await withOrg { org in
            let r = try await org.call("POST", "/composite/sobjects", json: ["allOrNone": true, "records": [
                Self.lead("A", ["Email": "a@acme.example"]), Self.lead("B", ["Email": "bad"])]])
            #expect(r.status == 200)
            let first = try #require((r.array[0]["errors"] as? [[String: Any]])?.first)
            #expect(r.array[0]["success"] as? Bool == false)
            #expect(r.array[0]["id"] is NSNull)
            #expect(first["statusCode"] as? String == "ALL_OR_NONE_OPERATION_ROLLED_BACK")
            #expect(first["message"] as? String ==
                    "Record rolled back because not all records were valid and the request was using AllOrNone header")
            #expect(first["fields"] as? [String] == [])
            #expect((r.array[1]["errors"] as? [[String: Any]])?.first?["statusCode"] as? String == "INVALID_EMAIL_ADDRESS")
            let leads = try await org.admin("GET", "records/Lead")
            #expect((leads.object["totalSize"] as? NSNumber)?.intValue == 0)
        }
    }

    @Test("More than 200 records, a bad body or an unknown field fail the whole request with 400")
    func requestErrors() async throws {
        try await withOrg { org in
            let many = (0..<201).map { Self.lead("L\($0)") }
            let r = try await org.call("POST", "/composite/sobjects", json: ["records": many])
            #expect(r.status == 400)
            #expect(r.firstError["errorCode"] as? String == "EXCEEDED_ID_LIMIT")
            #expect(r.firstError["message"] as? String == "record limit reached. cannot submit more than 200 records into this call")
            let ok = try await org.call("POST", "/composite/sobjects", json: ["records": Array(many.prefix(200))])
            #expect(ok.array.count == 200)
            let noRecords = try await org.call("POST", "/composite/sobjects", json: ["allOrNone": true])
            #expect(noRecords.firstError["errorCode"] as? String == "JSON_PARSER_ERROR")
            let unknown = try await org.call("POST", "/composite/sobjects", json: ["records": [Self.lead("A", ["Foo__c": 1])]])
            #expect(unknown.status == 400)
            #expect(unknown.firstError["message"] as? String == "No such column 'Foo__c' on sobject of type Lead")
        }
    }

    @Test("A record without or with an unknown attributes.type gets INVALID_TYPE")
    func types() async throws {
        try await withOrg { org in
            let r = try await org.call("POST", "/composite/sobjects", json: ["records": [
                ["LastName": "A"], ["attributes": ["type": "Nope__c"], "Name": "x"]]])
            #expect(r.status == 200)
            let codes = r.array.map { ($0["errors"] as? [[String: Any]])?.first?["statusCode"] as? String }
            #expect(codes == ["INVALID_TYPE", "INVALID_TYPE"])
        }
    }

    @Test("Update by Id: missing Id, deleted record, converted lead and Id in a create are per-record errors")
    func update() async throws {
        try await withOrg { org in
            let a = try await org.create("Lead", ["LastName": "A", "Company": "X"])
            let gone = try await org.create("Lead", ["LastName": "G", "Company": "X"])
            _ = try await org.call("DELETE", "/sobjects/Lead/\(gone)")
            let conv = try await org.create("Lead", ["LastName": "C", "Company": "X"])
            _ = try await org.admin("POST", "convert-lead", json: ["leadId": conv])
            let r = try await org.call("PATCH", "/composite/sobjects", json: ["records": [
                ["attributes": ["type": "Lead"], "Id": a, "Title": "CEO"],
                ["attributes": ["type": "Lead"], "Title": "no id"],
                ["attributes": ["type": "Lead"], "Id": gone, "Title": "x"],
                ["attributes": ["type": "Lead"], "Id": conv, "Title": "x"]]])
            #expect(r.status == 200)
            #expect(r.array[0]["success"] as? Bool == true)
            #expect(r.array[0]["id"] as? String == a)
            let errors = r.array.map { ($0["errors"] as? [[String: Any]])?.first }
            #expect(errors[1]?["statusCode"] as? String == "MISSING_ARGUMENT")
            #expect(errors[1]?["message"] as? String == "Id not specified in an update call")
            #expect(errors[2]?["statusCode"] as? String == "ENTITY_IS_DELETED")
            #expect(errors[3]?["statusCode"] as? String == "CANNOT_UPDATE_CONVERTED_LEAD")
            #expect(errors[3]?["message"] as? String == "cannot reference converted lead")
            #expect(try await org.get("Lead", a)["Title"] as? String == "CEO")
            let withId = try await org.call("POST", "/composite/sobjects", json: ["records": [Self.lead("Z", ["Id": a])]])
            let e = (withId.array.first?["errors"] as? [[String: Any]])?.first
            #expect(e?["statusCode"] as? String == "INVALID_FIELD_FOR_INSERT_UPDATE")
            #expect(e?["message"] as? String == "cannot specify Id in an insert call")
        }
    }

    @Test("Upsert by external id reports created per record; several matches and a missing key fail that record")
    func upsert() async throws {
        try await withOrg { org in
            let existing = try await org.create("Contact", ["LastName": "Old", "Ext_Id__c": "C-1"])
            _ = try await org.create("Lead", ["LastName": "A", "Company": "X", "Ext_Key__c": "K"])
            _ = try await org.create("Lead", ["LastName": "B", "Company": "X", "Ext_Key__c": "k"])
            let r = try await org.call("PATCH", "/composite/sobjects/Contact/Ext_Id__c", json: ["records": [
                ["attributes": ["type": "Contact"], "Ext_Id__c": "c-1", "Title": "VP"],
                ["attributes": ["type": "Contact"], "Ext_Id__c": "C-2", "LastName": "New"],
                ["attributes": ["type": "Contact"], "LastName": "NoKey"]]])
            #expect(r.status == 200)
            #expect(r.array[0]["id"] as? String == existing)
            #expect(r.array[0]["created"] as? Bool == false)
            #expect(r.array[1]["created"] as? Bool == true)
            #expect((r.array[2]["errors"] as? [[String: Any]])?.first?["statusCode"] as? String == "MISSING_ARGUMENT")
            let multi = try await org.call("PATCH", "/composite/sobjects/Lead/Ext_Key__c", json: ["records": [
                ["attributes": ["type": "Lead"], "Ext_Key__c": "K", "Title": "x"]]])
            let e = try #require((multi.array.first?["errors"] as? [[String: Any]])?.first)
            #expect(e["statusCode"] as? String == "DUPLICATE_EXTERNAL_ID")
            #expect((e["message"] as? String)?.hasPrefix("Ext Key: more than one record found for external id field: [") == true)
            let unknown = try await org.call("PATCH", "/composite/sobjects/Contact/Email", json: ["records": [[String: Any]]()])
            #expect(unknown.status == 404)
        }
    }

    @Test("A duplicate-rule hit is a per-record DUPLICATES_DETECTED with the nested duplicateResut detail")
    func duplicates() async throws {
        try await withOrg { org in
            let first = try await org.create("Lead", ["LastName": "A", "Company": "X", "Email": "d@acme.example"])
            _ = try await org.admin("POST", "duplicate-rule", json: ["mode": "alert"])
            let body: [String: Any] = ["records": [Self.lead("B", ["Email": "D@acme.example"]), Self.lead("C")]]
            let r = try await org.call("POST", "/composite/sobjects", json: body)
            let e = try #require((r.array[0]["errors"] as? [[String: Any]])?.first)
            #expect(e["statusCode"] as? String == "DUPLICATES_DETECTED")
            let detail = try #require(e["duplicateResut"] as? [String: Any])
            let match = (detail["matchResults"] as? [[String: Any]])?.first?["matchRecords"] as? [[String: Any]]
            #expect((match?.first?["record"] as? [String: Any])?["Id"] as? String == first)
            #expect(r.array[1]["success"] as? Bool == true)
            let bypass = try await org.call("POST", "/composite/sobjects", json: body,
                                            headers: ["Sforce-Duplicate-Rule-Header": "allowSave=true"])
            #expect(bypass.array.allSatisfy { $0["success"] as? Bool == true })
        }
    }

    @Test("Delete by ids soft-deletes and reports per record")
    func delete() async throws {
        try await withOrg { org in
            let a = try await org.create("Lead", ["LastName": "A", "Company": "X"])
            let r = try await org.call("DELETE", "/composite/sobjects?ids=\(a),\(RecordID.make(prefix: "00Q", seq: 999_999)),bogus")
            #expect(r.status == 200)
            #expect(r.array[0]["success"] as? Bool == true)
            let codes = r.array.dropFirst().map { ($0["errors"] as? [[String: Any]])?.first?["statusCode"] as? String }
            #expect(codes == ["INVALID_CROSS_REFERENCE_KEY", "MALFORMED_ID"])
            #expect(try await org.call("GET", "/sobjects/Lead/\(a)").status == 404)
        }
    }
}
