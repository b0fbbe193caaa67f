import ConnectorCore
import Testing

/// The seed's default mapping table of the salesforce_opportunities stream, row by row.
@Suite("Default mapping rows: Opportunity")
struct OpportunityMappingRowsTests {
    static let rows: [MappingRow] = [
        MappingRow("opportunity_contact_id", "OpportunityContactRoles.ContactId", "salesforce_contact_ids", .stringList,
                   unique: true, derive: .childIds),
        MappingRow("opportunity_lead_source", "LeadSource", "salesforce_lead_source", .string),
        MappingRow("opportunity_amount", "Amount", "salesforce_opportunity_amount", .number),
        MappingRow("opportunity_close_date", "CloseDate", "salesforce_opportunity_close_date", .date),
        MappingRow("opportunity_created_date", "CreatedDate", "salesforce_opportunity_created_date", .date),
        MappingRow("opportunity_fiscal", "Fiscal", "salesforce_opportunity_fiscal", .string),
        MappingRow("opportunity_fiscal_quarter", "FiscalQuarter", "salesforce_opportunity_fiscal_quarter", .string),
        MappingRow("opportunity_fiscal_year", "FiscalYear", "salesforce_opportunity_fiscal_year", .int),
        MappingRow("opportunity_forecast_category", "ForecastCategory", "salesforce_opportunity_forecast_category", .string),
        MappingRow("opportunity_forecast_category_name", "ForecastCategoryName", "salesforce_opportunity_forecast_category_name", .string),
        MappingRow("opportunity_has_open_activity", "HasOpenActivity", "salesforce_opportunity_has_open_activity", .bool),
        MappingRow("opportunity_is_closed", "IsClosed", "salesforce_opportunity_is_closed", .bool),
        MappingRow("opportunity_is_won", "IsWon", "salesforce_opportunity_is_won", .bool),
        MappingRow("opportunity_last_modified_date", "LastModifiedDate", "salesforce_opportunity_last_modified_date", .date),
        MappingRow("opportunity_name", "Name", "salesforce_opportunity_name", .string),
        MappingRow("opportunity_next_step", "NextStep", "salesforce_opportunity_next_step", .string),
        MappingRow("opportunity_probability", "Probability", "salesforce_opportunity_probability", .number),
        MappingRow("opportunity_stage_name", "StageName", "salesforce_opportunity_stage_name", .string),
        MappingRow("opportunity_type", "Type", "salesforce_opportunity_type", .string),
    ]

    @Test("every row of the salesforce_opportunities table is in mappings/opportunity.yaml with its fields, type and unique id")
    func everyRow() throws {
        try MappingRow.check(object: "Opportunity", stream: "salesforce_opportunities", expected: Self.rows)
    }
}
