/// An audience: a named set of profiles, selected either by a boolean SQL expression over
/// profile fields (by their user-field names) or by an explicit list of unique-id values.
/// Named `ResolvedAudience` to keep it apart from the job-file type `AudienceDefinition`.
public struct ResolvedAudience: Sendable, Hashable {
    public enum Selection: Sendable, Hashable {
        /// `salesforce_lead_status = 'Working' AND salesforce_lead_industry IN ('Technology','Media')`
        case expression(String)
        /// Unique-id values (emails, lead ids, contact ids); a profile holding any of them is a member.
        case members([String])
    }

    public var name: String
    public var description: String
    public var selection: Selection

    public init(name: String, description: String = "", selection: Selection) {
        self.name = name
        self.description = description
        self.selection = selection
    }
}
