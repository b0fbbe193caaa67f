import ConnectorCore
import Testing

/// The seed's default mapping table of the salesforce_contacts stream, row by row.
@Suite("Default mapping rows: Contact")
struct ContactMappingRowsTests {
    static let rows: [MappingRow] = [
        MappingRow("contact_id", "Id", "salesforce_contact_ids", .stringList, unique: true),
        MappingRow("contact_email", "Email", "email", .string, unique: true),
        MappingRow("contact_email", "Email", "emaildomains", .stringList, derive: .emailDomain),
        MappingRow("contact_birthdate", "Birthdate", "salesforce_contact_birthdate", .date),
        MappingRow("contact_city", "MailingCity", "salesforce_contact_city", .string),
        MappingRow("contact_country_code", "MailingCountryCode", "salesforce_contact_country", .string),
        MappingRow("contact_created_date", "CreatedDate", "salesforce_contact_created_date", .date),
        MappingRow("contact_department", "Department", "salesforce_contact_department", .string),
        MappingRow("contact_email_bounced_reason", "EmailBouncedReason", "salesforce_contact_email_bounced_reason", .string),
        MappingRow("contact_has_opted_out_of_email", "HasOptedOutOfEmail", "salesforce_contact_has_opted_out_of_email", .bool),
        MappingRow("contact_is_email_bounced", "IsEmailBounced", "salesforce_contact_is_email_bounced", .bool),
        MappingRow("contact_last_cu_request_date", "LastCURequestDate", "salesforce_contact_last_cu_request_date", .date),
        MappingRow("contact_email_bounced_date", "EmailBouncedDate", "salesforce_contact_last_email_bounced_date", .date),
        MappingRow("contact_last_modified_date", "LastModifiedDate", "salesforce_contact_last_modified_date", .date),
        MappingRow("contact_latitude", "MailingLatitude", "salesforce_contact_latitude", .number),
        MappingRow("contact_longitude", "MailingLongitude", "salesforce_contact_longitude", .number),
        MappingRow("contact_salutation", "Salutation", "salesforce_contact_salutation", .string),
        MappingRow("contact_title", "Title", "salesforce_contact_title", .string),
        MappingRow("salesforce_last_user_imported", nil, "salesforce_last_user_imported", .date, derive: .importTime),
        MappingRow("contact_lead_source", "LeadSource", "salesforce_lead_source", .string),
    ]

    @Test("every row of the salesforce_contacts table is in mappings/contact.yaml with its fields, type and unique id")
    func everyRow() throws {
        try MappingRow.check(object: "Contact", stream: "salesforce_contacts", expected: Self.rows)
    }
}
