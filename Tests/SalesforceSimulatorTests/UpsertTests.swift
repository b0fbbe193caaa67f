import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator upsert and read by external id")
struct UpsertTests {
    @Test("Upsert inserts with 201 created:true, then updates with 200 created:false (case-insensitive match)")
    func upsert() async throws {
        try await withOrg { org in
            let first = try await org.call("PATCH", "/sobjects/Contact/Ext_Id__c/C-1", json: ["LastName": "Smith"])
            #expect(first.status == 201)
            let id = try #require(first.object["id"] as? String)
            #expect(first.object["created"] as? Bool == true)
            #expect(first.object["success"] as? Bool == true)
            let second = try await org.call("PATCH", "/sobjects/Contact/Ext_Id__c/c-1", json: ["Title": "VP"])
            #expect(second.status == 200)
            #expect(second.object["id"] as? String == id)
            #expect(second.object["created"] as? Bool == false)
            let got = try await org.call("GET", "/sobjects/Contact/Ext_Id__c/C-1")
            #expect(got.status == 200)
            #expect(got.object["Id"] as? String == id)
            #expect(got.object["Title"] as? String == "VP")
            #expect(got.object["Ext_Id__c"] as? String == "C-1")
        }
    }

    @Test("An external id value with spaces and slashes is matched after percent-decoding")
    func encodedValue() async throws {
        try await withOrg { org in
            let r = try await org.call("PATCH", "/sobjects/Contact/Ext_Id__c/a%20b%2Fc", json: ["LastName": "S"])
            #expect(r.status == 201)
            let id = try #require(r.object["id"] as? String)
            #expect(try await org.get("Contact", id)["Ext_Id__c"] as? String == "a b/c")
        }
    }

    @Test("An upsert or GET matching several records answers 300 with the record URLs and writes nothing")
    func multiple() async throws {
        try await withOrg { org in
            let a = try await org.create("Lead", ["LastName": "A", "Company": "X", "Ext_Key__c": "K-1"])
            let b = try await org.create("Lead", ["LastName": "B", "Company": "X", "Ext_Key__c": "k-1"])
            let r = try await org.call("PATCH", "/sobjects/Lead/Ext_Key__c/K-1", json: ["Title": "changed"])
            #expect(r.status == 300)
            let urls = try #require(try JSONSerialization.jsonObject(with: r.body) as? [String])
            #expect(Set(urls) == ["/services/data/v60.0/sobjects/Lead/\(a)", "/services/data/v60.0/sobjects/Lead/\(b)"])
            #expect(try await org.get("Lead", a)["Title"] is NSNull)
            let got = try await org.call("GET", "/sobjects/Lead/Ext_Key__c/K-1")
            #expect(got.status == 300)
        }
    }

    @Test("An unknown or non-External-ID field in the URL is 404 NOT_FOUND; no match on GET is 404")
    func unknownField() async throws {
        try await withOrg { org in
            for path in ["/sobjects/Contact/Nope__c/1", "/sobjects/Contact/Email/a@b.example"] {
                let r = try await org.call("PATCH", path, json: ["LastName": "S"])
                #expect(r.status == 404)
                #expect(r.firstError["errorCode"] as? String == "NOT_FOUND")
                #expect(r.firstError["message"] as? String == "The requested resource does not exist")
            }
            let none = try await org.call("GET", "/sobjects/Contact/Ext_Id__c/none")
            #expect(none.status == 404)
        }
    }

    @Test("An upsert that fails validation answers 400 and creates nothing")
    func invalid() async throws {
        try await withOrg { org in
            let r = try await org.call("PATCH", "/sobjects/Contact/Ext_Id__c/C-9", json: ["Email": "bad"])
            #expect(r.status == 400)
            #expect(r.array.map { $0["errorCode"] as? String } == ["REQUIRED_FIELD_MISSING"])
            #expect(try await org.call("GET", "/sobjects/Contact/Ext_Id__c/C-9").status == 404)
        }
    }

    @Test("A unique field taken by another record (any case) is DUPLICATE_VALUE naming that record")
    func duplicateValue() async throws {
        try await withOrg { org in
            let first = try await org.create("Contact", ["LastName": "A", "Ext_Id__c": "abc"])
            let r = try await org.call("POST", "/sobjects/Contact", json: ["LastName": "B", "Ext_Id__c": "ABC"])
            #expect(r.status == 400)
            #expect(r.firstError["errorCode"] as? String == "DUPLICATE_VALUE")
            #expect(r.firstError["message"] as? String ==
                    "duplicate value found: Ext_Id__c duplicates value on record with id: \(first)")
            let other = try await org.create("Contact", ["LastName": "C", "Ext_Id__c": "xyz"])
            let patch = try await org.call("PATCH", "/sobjects/Contact/\(other)", json: ["Ext_Id__c": "Abc"])
            #expect(patch.firstError["errorCode"] as? String == "DUPLICATE_VALUE")
            let same = try await org.call("PATCH", "/sobjects/Contact/\(first)", json: ["Ext_Id__c": "ABC"])
            #expect(same.status == 204)
        }
    }
}
