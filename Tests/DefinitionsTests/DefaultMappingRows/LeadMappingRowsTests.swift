import ConnectorCore
import Testing

/// The seed's default mapping table of the salesforce_leads stream, row by row.
@Suite("Default mapping rows: Lead")
struct LeadMappingRowsTests {
    static let rows: [MappingRow] = [
        MappingRow("lead_id", "Id", "salesforce_lead_ids", .stringList, unique: true),
        MappingRow("lead_email", "Email", "email", .string, unique: true),
        MappingRow("lead_email", "Email", "emaildomains", .stringList, derive: .emailDomain),
        MappingRow("salesforce_last_user_imported", nil, "salesforce_last_user_imported", .date, derive: .importTime),
        MappingRow("lead_company", "Company", "salesforce_lead_company", .string),
        MappingRow("lead_converted_date", "ConvertedDate", "salesforce_lead_converted_date", .date),
        MappingRow("lead_created_date", "CreatedDate", "salesforce_lead_created_date", .date),
        MappingRow("lead_email_bounced_date", "EmailBouncedDate", "salesforce_lead_email_bounced_date", .date),
        MappingRow("lead_email_bounced_reason", "EmailBouncedReason", "salesforce_lead_email_bounced_reason", .string),
        MappingRow("lead_first_name", "FirstName", "salesforce_lead_first_name", .string),
        MappingRow("lead_has_opted_out_of_email", "HasOptedOutOfEmail", "salesforce_lead_has_opted_out_of_email", .bool),
        MappingRow("lead_industry", "Industry", "salesforce_lead_industry", .string),
        MappingRow("lead_is_converted", "IsConverted", "salesforce_lead_is_converted", .bool),
        MappingRow("lead_last_modified_date", "LastModifiedDate", "salesforce_lead_last_modified_date", .date),
        MappingRow("lead_last_name", "LastName", "salesforce_lead_last_name", .string),
        MappingRow("lead_mobile_phone", "MobilePhone", "salesforce_lead_mobile_phone", .string),
        MappingRow("lead_name", "Name", "salesforce_lead_name", .string),
        MappingRow("lead_number_of_employees", "NumberOfEmployees", "salesforce_lead_number_of_employees", .int),
        MappingRow("lead_phone", "Phone", "salesforce_lead_phone", .string),
        MappingRow("lead_postal_code", "PostalCode", "salesforce_lead_postal_code", .string),
        MappingRow("lead_record_type", "RecordType.Name", "salesforce_lead_record_type", .string),
        MappingRow("lead_salutation", "Salutation", "salesforce_lead_salutation", .string),
        // The seed's "lead_source, lead_lead_source" row: one row per source name.
        MappingRow("lead_source", "LeadSource", "salesforce_lead_source", .string),
        MappingRow("lead_lead_source", "LeadSource", "salesforce_lead_source", .string),
        MappingRow("lead_status", "Status", "salesforce_lead_status", .string),
        MappingRow("lead_title", "Title", "salesforce_lead_title", .string),
        MappingRow("lead_website", "Website", "salesforce_lead_website", .string),
    ]

    @Test("every row of the salesforce_leads table is in mappings/lead.yaml with its fields, type and unique id")
    func everyRow() throws {
        try MappingRow.check(object: "Lead", stream: "salesforce_leads", expected: Self.rows)
    }
}
