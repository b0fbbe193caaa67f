import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator duplicate rule, converted leads and row locks")
struct DuplicateRuleTests {
    static let bypass = ["Sforce-Duplicate-Rule-Header": "allowSave=true; includeRecordDetails=false; runAsCurrentUser=false"]

    @Test("An alert rule blocks a lead with a known email (any case) with the duplicateResut body naming the match")
    func alert() async throws {
        try await withOrg { org in
            let first = try await org.create("Lead", ["LastName": "A", "Company": "X", "Email": "dup@acme.example"])
            let set = try await org.admin("POST", "duplicate-rule", json: ["mode": "alert"])
            #expect(set.object["mode"] as? String == "alert")
            let r = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "B", "Company": "Y",
                                                                       "Email": "DUP@acme.example"])
            #expect(r.status == 400)
            let e = r.firstError
            #expect(e["errorCode"] as? String == "DUPLICATES_DETECTED")
            #expect(e["message"] as? String ==
                    "You're creating a duplicate record. We recommend you use an existing record instead.")
            let detail = try #require(e["duplicateResut"] as? [String: Any])
            #expect(detail["allowSave"] as? Bool == true)
            #expect(detail["duplicateRule"] as? String == "Standard_Lead_Duplicate_Rule")
            #expect(detail["duplicateRuleEntityType"] as? String == "Lead")
            let match = try #require((detail["matchResults"] as? [[String: Any]])?.first)
            #expect((match["size"] as? NSNumber)?.intValue == 1)
            let record = try #require((match["matchRecords"] as? [[String: Any]])?.first?["record"] as? [String: Any])
            #expect(record["Id"] as? String == first)
            let ok = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "B", "Company": "Y",
                                                                        "Email": "dup@acme.example"], headers: Self.bypass)
            #expect(ok.status == 201)
        }
    }

    @Test("A block rule cannot be bypassed; off lets duplicates through; updates are checked too")
    func block() async throws {
        try await withOrg { org in
            _ = try await org.create("Lead", ["LastName": "A", "Company": "X", "Email": "dup@acme.example"])
            let other = try await org.create("Lead", ["LastName": "B", "Company": "X", "Email": "b@acme.example"])
            _ = try await org.admin("POST", "duplicate-rule", json: ["mode": "block", "errorMessage": "Use one of these records?"])
            let r = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "C", "Company": "Y",
                                                                       "Email": "dup@acme.example"], headers: Self.bypass)
            #expect(r.status == 400)
            #expect(r.firstError["message"] as? String == "Use one of these records?")
            #expect((r.firstError["duplicateResut"] as? [String: Any])?["allowSave"] as? Bool == false)
            let patch = try await org.call("PATCH", "/sobjects/Lead/\(other)", json: ["Email": "Dup@Acme.example"])
            #expect(patch.firstError["errorCode"] as? String == "DUPLICATES_DETECTED")
            _ = try await org.admin("POST", "duplicate-rule", json: ["mode": "off"])
            #expect(try await org.call("PATCH", "/sobjects/Lead/\(other)", json: ["Email": "dup@acme.example"]).status == 204)
            let bad = try await org.admin("POST", "duplicate-rule", json: ["mode": "sometimes"])
            #expect(bad.status == 400)
            #expect(bad.firstError["message"] as? String == "mode must be one of off, alert, block")
        }
    }

    @Test("Contacts are not subject to the Lead email rule")
    func contactsUnaffected() async throws {
        try await withOrg { org in
            _ = try await org.admin("POST", "duplicate-rule", json: ["mode": "block"])
            _ = try await org.create("Contact", ["LastName": "A", "Email": "same@acme.example"])
            _ = try await org.create("Contact", ["LastName": "B", "Email": "same@acme.example"])
        }
    }

    @Test("A converted lead refuses updates with CANNOT_UPDATE_CONVERTED_LEAD; conversion creates the contact")
    func converted() async throws {
        try await withOrg { org in
            let lead = try await org.create("Lead", ["FirstName": "Ann", "LastName": "Lee", "Company": "Acme",
                                                     "Email": "ann@acme.example"])
            let c = try await org.admin("POST", "convert-lead", json: ["leadId": lead])
            #expect(c.status == 200)
            let contactId = try #require(c.object["contactId"] as? String)
            let accountId = try #require(c.object["accountId"] as? String)
            let contact = try await org.get("Contact", contactId)
            #expect(contact["Email"] as? String == "ann@acme.example")
            #expect(contact["AccountId"] as? String == accountId)
            #expect(try await org.get("Account", accountId)["Name"] as? String == "Acme")
            let l = try await org.get("Lead", lead)
            #expect(l["IsConverted"] as? Bool == true)
            #expect(l["ConvertedContactId"] as? String == contactId)
            #expect(l["ConvertedAccountId"] as? String == accountId)
            let r = try await org.call("PATCH", "/sobjects/Lead/\(lead)", json: ["Title": "x"])
            #expect(r.status == 400)
            #expect(r.firstError["errorCode"] as? String == "CANNOT_UPDATE_CONVERTED_LEAD")
            #expect(r.firstError["message"] as? String == "cannot reference converted lead")
            let again = try await org.admin("POST", "convert-lead", json: ["leadId": lead])
            #expect(again.status == 400)
            #expect(try await org.admin("POST", "convert-lead", json: ["leadId": "\(RecordID.make(prefix: "00Q", seq: 999_999))"]).status == 404)
        }
    }

    @Test("UNABLE_TO_LOCK_ROW at the configured rate; rate 0 writes again")
    func lockRow() async throws {
        try await withOrg { org in
            let id = try await org.create("Lead", ["LastName": "A", "Company": "X"])
            _ = try await org.admin("POST", "faults", json: ["unableToLockRowRate": 1.0])
            let create = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "B", "Company": "X"])
            #expect(create.status == 400)
            #expect(create.firstError["errorCode"] as? String == "UNABLE_TO_LOCK_ROW")
            let patch = try await org.call("PATCH", "/sobjects/Lead/\(id)", json: ["Title": "x"])
            #expect(patch.firstError["message"] as? String ==
                    "unable to obtain exclusive access to this record or 1 records: \(id)")
            _ = try await org.admin("POST", "faults", json: ["unableToLockRowRate": 0])
            #expect(try await org.call("PATCH", "/sobjects/Lead/\(id)", json: ["Title": "x"]).status == 204)
        }
    }
}
