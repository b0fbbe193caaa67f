import Foundation

/// Lead, Contact, Account and Opportunity with the fields of salesforce-api.md §9.
extension StandardObjects {
    typealias K = FieldKit

    static func account(_ o: OrgOptions) -> ObjectDescribe {
        var fields = [K.id()] + K.audit() + [K.owner(),
            K.text("Name", 255, label: "Account Name").required().named(),
            K.picklist("Type", SampleValues.accountTypes, label: "Account Type"),
            K.ref("ParentId", to: ["Account"], rel: "Parent", child: "ChildAccounts", label: "Parent Account ID"),
        ]
        fields += K.address("Billing", picklists: o.stateCountryPicklists)
        fields += K.address("Shipping", picklists: o.stateCountryPicklists)
        fields += [
            K.typed("Phone", .phone, 40, label: "Account Phone"), K.typed("Fax", .phone, 40, label: "Account Fax"),
            K.text("AccountNumber", 40), K.typed("Website", .url, 255), K.text("Sic", 20, label: "SIC Code"),
            K.picklist("Industry", SampleValues.industries), K.typed("AnnualRevenue", .currency),
            K.typed("NumberOfEmployees", .int, label: "Employees"), K.picklist("Ownership", SampleValues.ownership),
            K.text("TickerSymbol", 20), K.area("Description", 32000, label: "Account Description"),
            K.picklist("Rating", SampleValues.ratings, label: "Account Rating"), K.text("Site", 80, label: "Account Site"),
            K.picklist("AccountSource", SampleValues.leadSources, label: "Account Source"),
            K.typed("LastActivityDate", .date).readOnly(),
        ]
        var d = ObjectDescribe(name: "Account", keyPrefix: "001", fields: fields)
        d.mergeable = true; d.feedEnabled = true
        return d
    }

    static func contact(_ o: OrgOptions) -> ObjectDescribe {
        var fields = [K.id()] + K.audit() + [K.owner(),
            K.ref("AccountId", to: ["Account"], rel: "Account", child: "Contacts", label: "Account ID"),
            K.text("LastName", 80).required(), K.text("FirstName", 40),
            K.picklist("Salutation", SampleValues.salutations),
            K.text("Name", 121, label: "Full Name").formula().named(),
            K.ref("ReportsToId", to: ["Contact"], rel: "ReportsTo", label: "Reports To ID"),
        ]
        fields += K.address("Mailing", picklists: o.stateCountryPicklists)
        fields += [
            K.typed("Phone", .phone, 40, label: "Business Phone"), K.typed("Fax", .phone, 40, label: "Business Fax"),
            K.typed("MobilePhone", .phone, 40), K.typed("HomePhone", .phone, 40),
            K.typed("Email", .email, 80).lookupKey(), K.text("Title", 128), K.text("Department", 80),
            K.text("AssistantName", 40, label: "Assistant's Name"), K.typed("Birthdate", .date),
            K.picklist("LeadSource", SampleValues.leadSources),
            K.area("Description", 32000, label: "Contact Description"),
            K.bool("HasOptedOutOfEmail", label: "Email Opt Out"), K.bool("HasOptedOutOfFax", label: "Fax Opt Out"),
            K.bool("DoNotCall"), K.bool("IsEmailBounced"), K.text("EmailBouncedReason", 255),
            K.typed("EmailBouncedDate", .datetime),
            K.typed("LastCURequestDate", .datetime, label: "Last Stay-in-Touch Request Date").readOnly(),
            K.typed("LastCUUpdateDate", .datetime, label: "Last Stay-in-Touch Save Date").readOnly(),
            K.typed("LastActivityDate", .date).readOnly(),
        ]
        var d = ObjectDescribe(name: "Contact", keyPrefix: "003", fields: fields)
        d.mergeable = true; d.feedEnabled = true
        return d
    }

    static func lead(_ o: OrgOptions) -> ObjectDescribe {
        var fields = [K.id()] + K.audit() + [K.owner(),
            K.text("LastName", 80).required(), K.text("FirstName", 40),
            K.picklist("Salutation", SampleValues.salutations),
            K.text("Name", 121, label: "Full Name").formula().named(), K.text("Title", 128),
            K.text("Company", 255).required(),
        ]
        if !o.leadRecordTypes.isEmpty {
            fields.append(K.ref("RecordTypeId", to: ["RecordType"], rel: "RecordType", label: "Record Type ID")
                .defaulted())
        }
        fields += K.address("", picklists: o.stateCountryPicklists)
        fields += [
            K.typed("Phone", .phone, 40), K.typed("MobilePhone", .phone, 40), K.typed("Fax", .phone, 40),
            K.typed("Email", .email, 80).lookupKey(), K.typed("Website", .url, 255),
            K.area("Description", 32000), K.picklist("LeadSource", SampleValues.leadSources),
            K.picklist("Status", SampleValues.leadStatuses, default: "Open - Not Contacted", length: 40).required(),
            K.picklist("Industry", SampleValues.industries), K.picklist("Rating", SampleValues.ratings),
            K.typed("AnnualRevenue", .currency), K.typed("NumberOfEmployees", .int, label: "Employees"),
            K.bool("HasOptedOutOfEmail", label: "Email Opt Out"), K.bool("HasOptedOutOfFax", label: "Fax Opt Out"),
            K.bool("DoNotCall"), K.bool("IsConverted", label: "Converted").readOnly(),
            K.typed("ConvertedDate", .date).readOnly(),
            K.ref("ConvertedAccountId", to: ["Account"], rel: "ConvertedAccount", label: "Converted Account ID")
                .readOnly(),
            K.ref("ConvertedContactId", to: ["Contact"], rel: "ConvertedContact", label: "Converted Contact ID")
                .readOnly(),
            K.ref("ConvertedOpportunityId", to: ["Opportunity"], rel: "ConvertedOpportunity",
                  label: "Converted Opportunity ID").readOnly(),
            K.bool("IsUnreadByOwner", label: "Unread By Owner"), K.typed("LastActivityDate", .date).readOnly(),
            K.text("EmailBouncedReason", 255), K.typed("EmailBouncedDate", .datetime),
        ]
        var d = ObjectDescribe(name: "Lead", keyPrefix: "00Q", fields: fields)
        d.feedEnabled = true; d.mergeable = true
        return d
    }

    static func opportunity(_ o: OrgOptions) -> ObjectDescribe {
        let fields = [K.id()] + K.audit() + [K.owner(),
            K.ref("AccountId", to: ["Account"], rel: "Account", child: "Opportunities", label: "Account ID"),
            K.text("Name", 120).required().named(), K.area("Description", 32000),
            K.picklist("StageName", SampleValues.stages, length: 255, label: "Stage").required(),
            K.typed("Amount", .currency), K.typed("Probability", .percent, label: "Probability (%)").defaulted(),
            K.typed("ExpectedRevenue", .currency).formula(), K.typed("CloseDate", .date).required(),
            K.picklist("Type", SampleValues.opportunityTypes, label: "Opportunity Type"),
            K.text("NextStep", 255), K.picklist("LeadSource", SampleValues.leadSources),
            K.bool("IsClosed", label: "Closed").readOnly(), K.bool("IsWon", label: "Won").readOnly(),
            K.picklist("ForecastCategory", SampleValues.forecastCategories, restricted: true, length: 40).readOnly(),
            K.picklist("ForecastCategoryName", SampleValues.forecastCategoryNames, label: "Forecast Category"),
            K.ref("CampaignId", to: ["Campaign"], rel: "Campaign", child: "Opportunities", label: "Campaign ID"),
            K.ref("ContactId", to: ["Contact"], rel: "Contact", label: "Contact ID").createOnly(),
            K.bool("HasOpenActivity").readOnly(), K.bool("HasOverdueTask").readOnly(),
            K.text("Fiscal", 6, label: "Fiscal Period").readOnly(),
            K.typed("FiscalQuarter", .int, label: "Fiscal Quarter").readOnly(),
            K.typed("FiscalYear", .int, label: "Fiscal Year").readOnly(),
            K.typed("LastActivityDate", .date).readOnly(),
        ]
        var d = ObjectDescribe(name: "Opportunity", keyPrefix: "006", fields: fields)
        d.feedEnabled = true
        return d
    }
}
