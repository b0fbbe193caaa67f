import Foundation

/// One version of one record in a stream: a Salesforce record as read at its timestamp-field
/// value, or an ingested event. The store de-duplicates versions by (stream, ``id``, ``timestamp``).
public struct StreamRecord: Sendable, Hashable {
    /// The Salesforce record Id (`_id` for ingested records).
    public var id: String
    /// The value of the job's timestamp field (`SystemModstamp` by default); `_ts` when ingested.
    public var timestamp: Date
    /// A tombstone: the record was deleted in Salesforce (`IsDeleted = true` from `queryAll`).
    public var isDeleted: Bool
    /// The stream's source fields (`lead_email`, …) keyed by the mapping's `source` names.
    public var fields: [String: JSONValue]

    public init(id: String, timestamp: Date, isDeleted: Bool = false, fields: [String: JSONValue]) {
        self.id = id
        self.timestamp = timestamp
        self.isDeleted = isDeleted
        self.fields = fields
    }
}

extension ObjectMapping {
    /// The Salesforce object, or nil for an ingest-only mapping (a file with `stream:` and no
    /// `object:`, whose rows name no `salesforce` field).
    public var salesforceObject: String? { object.isEmpty ? nil : object }
}
