import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator single-record REST writes")
struct WriteRouteTests {
    @Test("POST /sobjects creates a record: 201 with id, success and errors, readable by GET")
    func create() async throws {
        try await withOrg { org in
            let r = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "Smith", "Company": "Acme",
                                                                          "Email": "s@acme.example"])
            #expect(r.status == 201)
            let id = try #require(r.object["id"] as? String)
            #expect(id.count == 18 && id.hasPrefix("00Q"))
            #expect(r.object["success"] as? Bool == true)
            #expect((r.object["errors"] as? [Any])?.isEmpty == true)
            let got = try await org.call("GET", "/sobjects/Lead/\(id)")
            #expect(got.status == 200)
            #expect(got.object["LastName"] as? String == "Smith")
            #expect(got.object["Status"] as? String == "Open - Not Contacted")
            let attributes = try #require(got.object["attributes"] as? [String: Any])
            #expect(attributes["type"] as? String == "Lead")
            #expect(attributes["url"] as? String == "/services/data/v60.0/sobjects/Lead/\(id)")
            #expect(got.object["Phone"] is NSNull)
            let some = try await org.call("GET", "/sobjects/Lead/\(id)?fields=Id,Email")
            #expect(Set(some.object.keys) == ["attributes", "Id", "Email"])
        }
    }

    static let long = String(repeating: "x", count: 81)

    @Test("Validation failures answer 400 with the REST error array in Salesforce's words", arguments: [
        (#"{"Email": "a@b.example"}"#, "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName, Company]",
         ["LastName", "Company"]),
        (#"{"LastName": "\#(long)", "Company": "A"}"#, "STRING_TOO_LONG",
         "Last Name: data value too large: \(long) (max length=80)", ["LastName"]),
        (#"{"LastName": "S", "Company": "A", "Email": "not-an-email"}"#, "INVALID_EMAIL_ADDRESS",
         "Email: invalid email address: not-an-email", ["Email"]),
        (#"{"LastName": "S", "Company": "A", "CountryCode": "ZZ"}"#, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
         "Country Code: bad value for restricted picklist field: ZZ", ["CountryCode"]),
        (#"{"LastName": "S", "Company": "A", "IsConverted": true}"#, "INVALID_FIELD_FOR_INSERT_UPDATE",
         "Unable to create/update fields: IsConverted. Please check the security settings of this field and verify "
         + "that it is read/write for your profile or permission set.", ["IsConverted"]),
    ])
    func validation(body: String, code: String, message: String, errorFields: [String]) async throws {
        try await withOrg { org in
            let r = try await org.raw("POST", "/sobjects/Lead", body: body, contentType: "application/json")
            #expect(r.status == 400)
            #expect(r.array.count == 1)
            #expect(r.firstError["errorCode"] as? String == code)
            #expect(r.firstError["message"] as? String == message)
            #expect(r.firstError["fields"] as? [String] == errorFields)
            #expect(r.firstError["statusCode"] == nil)
        }
    }

    @Test("An unknown field, a bad body and an unknown sobject are refused")
    func requestErrors() async throws {
        try await withOrg { org in
            let unknown = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "S", "Company": "A", "Foo__c": 1])
            #expect(unknown.status == 400)
            #expect(unknown.firstError["errorCode"] as? String == "INVALID_FIELD")
            #expect(unknown.firstError["message"] as? String == "No such column 'Foo__c' on sobject of type Lead")
            let bad = try await org.raw("POST", "/sobjects/Lead", body: "{not json", contentType: "application/json")
            #expect(bad.status == 400)
            #expect(bad.firstError["errorCode"] as? String == "JSON_PARSER_ERROR")
            let type = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "S", "Company": "A",
                                                                           "NumberOfEmployees": "many"])
            #expect(type.firstError["errorCode"] as? String == "JSON_PARSER_ERROR")
            let object = try await org.call("POST", "/sobjects/Nope__c", json: ["Name": "x"])
            #expect(object.status == 404)
            #expect(object.firstError["errorCode"] as? String == "NOT_FOUND")
            #expect(object.firstError["message"] as? String == "The requested resource does not exist")
        }
    }

    @Test("PATCH updates with 204, DELETE soft-deletes with 204, then the record is ENTITY_IS_DELETED")
    func updateDelete() async throws {
        try await withOrg { org in
            let id = try await org.create("Lead", ["LastName": "Smith", "Company": "Acme"])
            let patch = try await org.call("PATCH", "/sobjects/Lead/\(id)", json: ["Title": "CTO", "Phone": NSNull()])
            #expect(patch.status == 204)
            #expect(patch.body.isEmpty)
            #expect(try await org.get("Lead", id)["Title"] as? String == "CTO")
            let bad = try await org.call("PATCH", "/sobjects/Lead/\(id)", json: ["Company": NSNull()])
            #expect(bad.status == 400)
            #expect(bad.firstError["errorCode"] as? String == "REQUIRED_FIELD_MISSING")
            let delete = try await org.call("DELETE", "/sobjects/Lead/\(id)")
            #expect(delete.status == 204)
            for method in ["GET", "PATCH", "DELETE"] {
                let gone = try await org.call(method, "/sobjects/Lead/\(id)", json: method == "PATCH" ? ["Title": "x"] : nil)
                #expect(gone.status == 404)
                #expect(gone.firstError["errorCode"] as? String == "ENTITY_IS_DELETED")
                #expect(gone.firstError["message"] as? String == "entity is deleted")
            }
            let deleted = try await org.admin("GET", "records/Lead?includeDeleted=true")
            let rows = try #require(deleted.object["records"] as? [[String: Any]])
            #expect(rows.contains { $0["Id"] as? String == id && $0["IsDeleted"] as? Bool == true })
        }
    }

    @Test("An Id that does not exist or belongs to another object is 404 NOT_FOUND")
    func unknownId() async throws {
        try await withOrg { org in
            let contact = try await org.create("Contact", ["LastName": "Jones"])
            for id in ["\(RecordID.make(prefix: "00Q", seq: 999_999))", contact] {
                let r = try await org.call("PATCH", "/sobjects/Lead/\(id)", json: ["Title": "x"])
                #expect(r.status == 404)
                #expect(r.firstError["errorCode"] as? String == "NOT_FOUND")
            }
        }
    }

    @Test("Every write request counts as one API call")
    func counting() async throws {
        try await withOrg { org in
            _ = try await org.admin("POST", "reset-counters")
            let id = try await org.create("Lead", ["LastName": "A", "Company": "B"])
            let r = try await org.call("PATCH", "/sobjects/Lead/\(id)", json: ["Title": "x"])
            #expect(r.headers["sforce-limit-info"] == "api-usage=2/100000")
            let calls = try await org.admin("GET", "calls")
            #expect((calls.object["total"] as? NSNumber)?.intValue == 2)
        }
    }
}
