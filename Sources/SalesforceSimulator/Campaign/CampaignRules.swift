import Foundation

/// Record rules of CampaignMember and Task (§8), applied to a create or update before it is stored.
///
/// CampaignMember: lead XOR contact (both sent → only `ContactId` is kept); re-adding a member of
/// the campaign → `DUPLICATE_VALUE` "Already a campaign member."; a `Status` the campaign does not
/// define silently becomes the campaign's default status (kept as sent when the campaign has none);
/// `HasResponded` follows the status; `Type`, `LeadOrContactId` and the name/email mirrors are derived.
/// Task: a lead `WhoId` cannot go with a `WhatId`; `IsClosed`/`CompletedDateTime` follow `Status`.
struct CampaignRules {
    let object: String

    func prepare(_ record: inout [String: SimValue], existing: SimRecord?, _ batch: OrgWriteBatch) throws(WriteError) {
        switch object {
        case "CampaignMember": try member(&record, existing: existing, batch)
        case "Task": try task(&record, existing: existing, batch)
        default: return
        }
    }

    private func member(_ r: inout [String: SimValue], existing: SimRecord?, _ batch: OrgWriteBatch) throws(WriteError) {
        let campaignId: String
        if let existing {
            guard case .string(let c) = existing["CampaignId"] else { return }
            campaignId = c
        } else {
            guard case .string(let c)? = r["CampaignId"] else { throw .requiredMissing(["CampaignId"]) }
            campaignId = try live(c, prefix: "701", field: "CampaignId", batch)
            r["CampaignId"] = .string(campaignId)
            if r["ContactId"].map({ !$0.isNull }) ?? false { r["LeadId"] = nil }
            let personField: String
            if case .string(let contact)? = r["ContactId"] {
                personField = "ContactId"
                r["ContactId"] = .string(try live(contact, prefix: "003", field: "ContactId", batch))
            } else if case .string(let lead)? = r["LeadId"] {
                personField = "LeadId"
                r["LeadId"] = .string(try live(lead, prefix: "00Q", field: "LeadId", batch))
            } else {
                throw .requiredMissing(["LeadId", "ContactId"])
            }
            let person = r[personField]!
            let already = batch.find("CampaignMember", field: "CampaignId", equalsIgnoringCase: campaignId)
                .contains { $0[personField] == person }
            if already { throw WriteError(code: "DUPLICATE_VALUE", message: "Already a campaign member.") }
            mirror(&r, personField: personField, person: person, batch)
        }
        guard existing == nil || r["Status"] != nil else { return }
        let statuses = batch.find("CampaignMemberStatus", field: "CampaignId", equalsIgnoringCase: campaignId)
        var chosen = statuses.first { s in
            if case .string(let wanted)? = r["Status"], case .string(let label) = s["Label"] {
                return label.lowercased() == wanted.lowercased()
            }
            return false
        }
        if chosen == nil { chosen = statuses.first { $0["IsDefault"] == .bool(true) } }
        if let chosen { r["Status"] = chosen["Label"] }
        let responded = chosen?["HasResponded"] == .bool(true)
        r["HasResponded"] = .bool(responded)
        if responded, (existing?["FirstRespondedDate"] ?? .null).isNull {
            r["FirstRespondedDate"] = .date(String(BulkCSVWriter.datetime(batch.stamp).prefix(10)))
        }
    }

    /// The canonical Id of a live record of the expected object, or `INVALID_CROSS_REFERENCE_KEY`.
    private func live(_ id: String, prefix: String, field: String, _ batch: OrgWriteBatch) throws(WriteError) -> String {
        guard RecordID.parse(id)?.prefix == prefix, let rec = batch.record(id: id), rec["IsDeleted"] != .bool(true),
              let canonical = rec.id else {
            throw WriteError(code: "INVALID_CROSS_REFERENCE_KEY", message: "invalid cross reference id",
                             fields: [field])
        }
        return canonical
    }

    private func mirror(_ r: inout [String: SimValue], personField: String, person: SimValue, _ batch: OrgWriteBatch) {
        guard case .string(let id) = person, let p = batch.record(id: id) else { return }
        let isLead = personField == "LeadId"
        r["Type"] = .string(isLead ? "Lead" : "Contact")
        r["LeadOrContactId"] = person
        r["LeadOrContactOwnerId"] = p["OwnerId"]
        for f in ["Name", "FirstName", "LastName", "Email", "Title", "Phone"] { r[f] = p[f] }
        r["City"] = isLead ? p["City"] : p["MailingCity"]
        if isLead {
            r["CompanyOrAccount"] = p["Company"]
        } else if case .string(let account) = p["AccountId"], let a = batch.record(id: account) {
            r["CompanyOrAccount"] = a["Name"]
        }
    }

    private func task(_ r: inout [String: SimValue], existing: SimRecord?, _ batch: OrgWriteBatch) throws(WriteError) {
        let who = r["WhoId"] ?? existing?["WhoId"] ?? .null
        let what = r["WhatId"] ?? existing?["WhatId"] ?? .null
        if case .string(let w) = who, w.hasPrefix("00Q"), !what.isNull {
            throw WriteError(code: "FIELD_INTEGRITY_EXCEPTION", message:
                "Related To ID: a task whose Name ID is a lead cannot also be related to a record", fields: ["WhatId"])
        }
        if case .string(let status)? = r["Status"] {
            let closed = status == "Completed"
            r["IsClosed"] = .bool(closed)
            r["CompletedDateTime"] = closed ? .datetime(batch.stamp) : .null
        }
        if case .string(let w) = what, w.hasPrefix("001") {
            r["AccountId"] = what
        } else if case .string(let w) = who, w.hasPrefix("003"), let c = batch.record(id: w) {
            r["AccountId"] = c["AccountId"]
        }
    }
}
