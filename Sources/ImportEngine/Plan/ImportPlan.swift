import ConnectorCore

/// What to read from one object and how to map it: fields = default mapping ∩ describe +
/// additional fields (+ the user's own mapping rows), with child subqueries for child paths.
public struct ImportPlan: Sendable, Hashable {
    /// The object's API name as describe spells it.
    public var object: String
    public var stream: String
    /// The incremental timestamp field (a datetime field; default `SystemModstamp`).
    public var timestampField: String
    /// The plain and parent-path fields to SELECT, `Id` and the timestamp first.
    public var selectFields: [String]
    /// Parent-to-child subqueries: relationship name → child fields.
    public var children: [ChildSelect]
    public var columns: [PlannedColumn]
    /// The mapping rows kept (default rows the org has, then the user's rows): the Store feeds
    /// profiles through them.
    public var mappingRows: [FieldMapping]
    /// Default mapping fields this org lacks (skipped).
    public var skippedDefaults: [String]
    /// Selected fields Bulk API 2.0 cannot read (compound, base64, child subqueries).
    public var bulkIncompatible: [String]

    /// A child subquery: `(SELECT Id FROM Contacts)`.
    public struct ChildSelect: Sendable, Hashable {
        public var relationship: String
        public var fields: [String]
        public init(relationship: String, fields: [String]) {
            self.relationship = relationship
            self.fields = fields
        }
    }

    /// The one warning about skipped default fields, or nil when none were skipped.
    public var skippedWarning: String? {
        guard !skippedDefaults.isEmpty else { return nil }
        return "\(object): this org lacks \(skippedDefaults.count) default mapping field(s), skipped: "
            + skippedDefaults.joined(separator: ", ")
            + ". They need an org feature (State and Country/Territory Picklists for *Code fields, record types for RecordType.Name, partner portals for IsPartner); enable it to import them."
    }
}
