import ConnectorCore
import Foundation

/// One record version as the import maps it (named apart from the store's `StreamRecord`): the Salesforce Id, the timestamp field's value,
/// whether it is a tombstone, the stream's source fields, and the user (profile) fields the
/// mapping derives from them. De-duplication key: (object, `id`, `timestamp`).
public struct MappedRecord: Sendable, Hashable {
    public var id: String
    public var timestamp: Date
    public var deleted: Bool
    /// Source fields (`lead_email`, …), typed per mapping; empty for a tombstone.
    public var fields: [String: JSONValue]
    /// User fields (`email`, `emaildomains`, `salesforce_lead_ids`, …); empty for a tombstone.
    public var userFields: [String: JSONValue]

    public init(id: String, timestamp: Date, deleted: Bool = false, fields: [String: JSONValue] = [:],
                userFields: [String: JSONValue] = [:]) {
        self.id = id
        self.timestamp = timestamp
        self.deleted = deleted
        self.fields = fields
        self.userFields = userFields
    }
}
