import Foundation
import Testing
@testable import SalesforceSimulator

@Suite("Simulator CampaignMember, CampaignMemberStatus and Task over the wire")
struct CampaignWireTests {
    @Test("a new campaign gets Sent (default) and Responded; an unknown status falls back to the default; re-adding is DUPLICATE_VALUE")
    func members() async throws {
        try await withOrg { org in
            let campaign = try await org.create("Campaign", ["Name": "Spring \"Launch\""])
            let lead = try await org.create("Lead", ["LastName": "Ng", "Company": "Acme", "Email": "ng@example.com"])
            let statuses = try await Wire.query(org.sim, "SELECT Label, IsDefault, HasResponded FROM CampaignMemberStatus WHERE CampaignId = '\(campaign)' ORDER BY SortOrder", token: org.token)
            let rows = try #require(statuses.object["records"] as? [[String: Any]])
            #expect(rows.map { $0["Label"] as? String } == ["Sent", "Responded"])
            #expect(rows.map { $0["IsDefault"] as? Bool } == [true, false])

            let member = try await org.create("CampaignMember", ["CampaignId": campaign, "LeadId": lead, "Status": "Opened"])
            let got = try await org.get("CampaignMember", member)
            #expect(got["Status"] as? String == "Sent")
            #expect(got["HasResponded"] as? Bool == false)
            #expect(got["Type"] as? String == "Lead" && got["LeadOrContactId"] as? String == lead)

            let again = try await org.call("POST", "/sobjects/CampaignMember", json: ["CampaignId": campaign, "LeadId": lead])
            #expect(again.status == 400)
            #expect(again.firstError["errorCode"] as? String == "DUPLICATE_VALUE")
            #expect(again.firstError["message"] as? String == "Already a campaign member.")

            let patch = try await org.call("PATCH", "/sobjects/CampaignMember/\(member)", json: ["Status": "responded"])
            #expect(patch.status == 204)
            let after = try await org.get("CampaignMember", member)
            #expect(after["Status"] as? String == "Responded" && after["HasResponded"] as? Bool == true)
        }
    }

    @Test("a member needs a live campaign and a lead or contact")
    func memberErrors() async throws {
        try await withOrg { org in
            let campaign = try await org.create("Campaign", ["Name": "C"])
            let none = try await org.call("POST", "/sobjects/CampaignMember", json: ["CampaignId": campaign])
            #expect(none.status == 400 && none.firstError["errorCode"] as? String == "REQUIRED_FIELD_MISSING")
            let badLead = try await org.call("POST", "/sobjects/CampaignMember",
                                             json: ["CampaignId": campaign, "LeadId": RecordID.make(prefix: "00Q", seq: 999)])
            #expect(badLead.status == 400 && badLead.firstError["errorCode"] as? String == "INVALID_CROSS_REFERENCE_KEY")
        }
    }

    @Test("a Task on a lead cannot have a WhatId; Completed closes it")
    func tasks() async throws {
        try await withOrg { org in
            let lead = try await org.create("Lead", ["LastName": "Ng", "Company": "Acme"])
            let account = try await org.create("Account", ["Name": "Acme"])
            let bad = try await org.call("POST", "/sobjects/Task", json: ["Subject": "Call", "WhoId": lead, "WhatId": account])
            #expect(bad.status == 400 && bad.firstError["errorCode"] as? String == "FIELD_INTEGRITY_EXCEPTION")
            let task = try await org.create("Task", ["Subject": "Call", "WhoId": lead, "Status": "Completed"])
            let got = try await org.get("Task", task)
            #expect(got["IsClosed"] as? Bool == true)
            #expect(got["CompletedDateTime"] is String)
        }
    }
}
