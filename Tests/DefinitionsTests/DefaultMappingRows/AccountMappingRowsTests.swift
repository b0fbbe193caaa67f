import ConnectorCore
import Testing

/// The seed's default mapping table of the salesforce_accounts stream, row by row: both variants
/// of billing and shipping country and state (free text and ISO code).
@Suite("Default mapping rows: Account")
struct AccountMappingRowsTests {
    static let rows: [MappingRow] = [
        MappingRow("account_contact_id", "Contacts.Id", "salesforce_contact_ids", .stringList, unique: true, derive: .childIds),
        MappingRow("account_annual_revenue", "AnnualRevenue", "salesforce_account_annual_revenue", .number),
        MappingRow("account_billing_city", "BillingCity", "salesforce_account_billing_city", .string),
        MappingRow("account_billing_country", "BillingCountry", "salesforce_account_billing_country", .string),
        MappingRow("account_billing_country_code", "BillingCountryCode", "salesforce_account_billing_country_code", .string),
        MappingRow("account_billing_latitude", "BillingLatitude", "salesforce_account_billing_latitude", .number),
        MappingRow("account_billing_longitude", "BillingLongitude", "salesforce_account_billing_longitude", .number),
        MappingRow("account_billing_postal_code", "BillingPostalCode", "salesforce_account_billing_postal_code", .string),
        MappingRow("account_billing_state", "BillingState", "salesforce_account_billing_state", .string),
        MappingRow("account_billing_state_code", "BillingStateCode", "salesforce_account_billing_state_code", .string),
        MappingRow("account_billing_street", "BillingStreet", "salesforce_account_billing_street", .string),
        MappingRow("account_created_date", "CreatedDate", "salesforce_account_created_date", .date),
        MappingRow("account_id", "Id", "salesforce_account_id", .string),
        MappingRow("account_industry", "Industry", "salesforce_account_industry", .string),
        MappingRow("account_is_partner", "IsPartner", "salesforce_account_is_partner", .bool),
        MappingRow("account_name", "Name", "salesforce_account_name", .string),
        MappingRow("account_number_of_employees", "NumberOfEmployees", "salesforce_account_number_of_employees", .int),
        MappingRow("account_ownership", "Ownership", "salesforce_account_ownership", .string),
        MappingRow("account_rating", "Rating", "salesforce_account_rating", .string),
        MappingRow("account_shipping_city", "ShippingCity", "salesforce_account_shipping_city", .string),
        MappingRow("account_shipping_country", "ShippingCountry", "salesforce_account_shipping_country", .string),
        MappingRow("account_shipping_country_code", "ShippingCountryCode", "salesforce_account_shipping_country_code", .string),
        MappingRow("account_shipping_postal_code", "ShippingPostalCode", "salesforce_account_shipping_postal_code", .string),
        MappingRow("account_shipping_state", "ShippingState", "salesforce_account_shipping_state", .string),
        MappingRow("account_shipping_state_code", "ShippingStateCode", "salesforce_account_shipping_state_code", .string),
        MappingRow("account_shipping_street", "ShippingStreet", "salesforce_account_shipping_street", .string),
        MappingRow("account_source", "AccountSource", "salesforce_account_source", .string),
        MappingRow("account_type", "Type", "salesforce_account_type", .string),
        MappingRow("account_website", "Website", "salesforce_account_website", .string),
    ]

    @Test("every row of the salesforce_accounts table is in mappings/account.yaml with its fields, type and unique id")
    func everyRow() throws {
        try MappingRow.check(object: "Account", stream: "salesforce_accounts", expected: Self.rows)
    }
}
