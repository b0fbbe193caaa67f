import Foundation

/// Options that change the org's schema.
public struct OrgOptions: Sendable {
    /// State and Country/Territory Picklists: when on, every address has `*StateCode` and `*CountryCode`.
    public var stateCountryPicklists: Bool
    /// Lead record type names; empty means Lead has no `RecordTypeId` field.
    public var leadRecordTypes: [String]

    public init(stateCountryPicklists: Bool = true, leadRecordTypes: [String] = ["Standard", "Partner"]) {
        self.stateCountryPicklists = stateCountryPicklists
        self.leadRecordTypes = leadRecordTypes
    }
}

/// The standard objects of a new org: User, RecordType, Account, Contact, Lead, Opportunity,
/// OpportunityContactRole, Campaign, CampaignMember, CampaignMemberStatus and Task.
enum StandardObjects {
    static func all(_ o: OrgOptions) -> [ObjectDescribe] {
        [user(), recordType(), account(o), contact(o), lead(o), opportunity(o), contactRole(), campaign(),
         campaignMember(o), campaignMemberStatus(), task()]
    }

    static func user() -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [
            K.text("Username", 80).required().lookupKey().with { $0.unique = true },
            K.text("LastName", 80).required(), K.text("FirstName", 40),
            K.text("Name", 121, label: "Full Name").formula().named(),
            K.text("Alias", 8).required(), K.typed("Email", .email, 128).required(),
            K.bool("IsActive", label: "Active"), K.text("Title", 80), K.text("Department", 80),
            K.text("CompanyName", 80), K.picklist("TimeZoneSidKey", ["America/Los_Angeles", "Europe/London"],
                                                  default: "America/Los_Angeles", label: "Time Zone"),
        ]
        var d = ObjectDescribe(name: "User", keyPrefix: "005", fields: fields)
        d.deletable = false; d.undeletable = false
        return d
    }

    static func recordType() -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [
            K.text("Name", 80, label: "Record Type Label").required().named(),
            K.text("DeveloperName", 80, label: "Record Type Name").required(),
            K.picklist("SobjectType", ["Account", "Contact", "Lead", "Opportunity", "Campaign", "Task"],
                       restricted: true, length: 40).required(),
            K.bool("IsActive", label: "Active"), K.area("Description", 255),
        ]
        var d = ObjectDescribe(name: "RecordType", keyPrefix: "012", fields: fields)
        d.deletable = false; d.undeletable = false
        return d
    }

    static func contactRole() -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [
            K.ref("OpportunityId", to: ["Opportunity"], rel: "Opportunity", child: "OpportunityContactRoles",
                  label: "Opportunity ID").required().createOnly(),
            K.ref("ContactId", to: ["Contact"], rel: "Contact", child: "OpportunityContactRoles",
                  label: "Contact ID").required(),
            K.picklist("Role", SampleValues.contactRoles), K.bool("IsPrimary", label: "Primary"),
        ]
        return ObjectDescribe(name: "OpportunityContactRole", label: "Opportunity Contact Role", keyPrefix: "00K",
                              fields: fields)
    }

    static func campaign() -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [K.owner(),
            K.text("Name", 80, label: "Campaign Name").required().named(),
            K.ref("ParentId", to: ["Campaign"], rel: "Parent", child: "ChildCampaigns", label: "Parent Campaign ID"),
            K.picklist("Type", SampleValues.campaignTypes), K.picklist("Status", SampleValues.campaignStatuses),
            K.typed("StartDate", .date), K.typed("EndDate", .date), K.bool("IsActive", label: "Active"),
            K.area("Description", 32000), K.typed("BudgetedCost", .currency), K.typed("ActualCost", .currency),
            K.typed("ExpectedRevenue", .currency), K.typed("NumberSent", .double),
            K.typed("NumberOfLeads", .int, label: "Leads in Campaign").formula(),
            K.typed("NumberOfContacts", .int, label: "Contacts in Campaign").formula(),
            K.typed("NumberOfResponses", .int, label: "Responses in Campaign").formula(),
        ]
        return ObjectDescribe(name: "Campaign", keyPrefix: "701", fields: fields)
    }

    static func campaignMember(_ o: OrgOptions) -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [
            K.ref("CampaignId", to: ["Campaign"], rel: "Campaign", child: "CampaignMembers", label: "Campaign ID")
                .required().createOnly(),
            K.ref("LeadId", to: ["Lead"], rel: "Lead", child: "CampaignMembers", label: "Lead ID").createOnly(),
            K.ref("ContactId", to: ["Contact"], rel: "Contact", child: "CampaignMembers", label: "Contact ID")
                .createOnly(),
            K.picklist("Status", [], length: 40).defaulted(),
            K.bool("HasResponded", label: "Responded").readOnly(),
            K.typed("FirstRespondedDate", .date).readOnly(), K.text("Type", 40).readOnly(),
            K.ref("LeadOrContactId", to: ["Contact", "Lead"], rel: nil, label: "Contact or Lead ID").readOnly(),
            K.ref("LeadOrContactOwnerId", to: ["User"], rel: nil, label: "Contact or Lead Owner ID").readOnly(),
            K.text("Name", 121).readOnly(), K.text("FirstName", 40).readOnly(), K.text("LastName", 80).readOnly(),
            K.typed("Email", .email, 80).readOnly(), K.text("CompanyOrAccount", 255).readOnly(),
            K.text("Title", 128).readOnly(), K.text("City", 40).readOnly(), K.typed("Phone", .phone, 40).readOnly(),
        ]
        return ObjectDescribe(name: "CampaignMember", label: "Campaign Member", keyPrefix: "00v", fields: fields)
    }

    static func campaignMemberStatus() -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [
            K.ref("CampaignId", to: ["Campaign"], rel: "Campaign", label: "Campaign ID").required().createOnly(),
            K.text("Label", 765, label: "Member Status").required(), K.bool("IsDefault", label: "Default"),
            K.bool("HasResponded", label: "Responded"), K.typed("SortOrder", .int, label: "Sort Order"),
        ]
        return ObjectDescribe(name: "CampaignMemberStatus", label: "Campaign Member Status", keyPrefix: "01Y",
                              fields: fields)
    }

    static func task() -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [K.owner(),
            K.ref("WhoId", to: ["Contact", "Lead"], rel: "Who", child: "Tasks", label: "Name ID"),
            K.ref("WhatId", to: ["Account", "Opportunity", "Campaign"], rel: "What", child: "Tasks",
                  label: "Related To ID"),
            K.typed("Subject", .combobox, 255), K.typed("ActivityDate", .date, label: "Due Date Only"),
            K.picklist("Status", SampleValues.taskStatuses, default: "Not Started", length: 40).required(),
            K.picklist("Priority", SampleValues.taskPriorities, default: "Normal", length: 40).required(),
            K.bool("IsHighPriority", label: "High Priority").readOnly(),
            K.area("Description", 32000, label: "Comments"),
            K.picklist("Type", SampleValues.taskTypes), K.picklist("TaskSubtype", SampleValues.taskSubtypes,
                                                                  length: 40).createOnly(),
            K.bool("IsClosed", label: "Closed").readOnly(), K.typed("CompletedDateTime", .datetime).readOnly(),
            K.ref("AccountId", to: ["Account"], rel: "Account", label: "Account ID").readOnly(),
        ]
        var d = ObjectDescribe(name: "Task", keyPrefix: "00T", fields: fields)
        d.feedEnabled = true
        return d
    }
}

extension FieldDescribe {
    func with(_ change: (inout FieldDescribe) -> Void) -> FieldDescribe { var f = self; change(&f); return f }
}

extension StandardObjects {
    /// Lower-cased names of the standard objects.
    static let names: Set<String> = Set(all(OrgOptions()).map { $0.name.lowercased() })
}
