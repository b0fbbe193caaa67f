import ConnectorCore
import Foundation

/// A stream as `streams list` shows it.
public struct StreamSummary: Sendable, Hashable {
    public var name: String
    /// The Salesforce object, or nil for an ingested stream.
    public var object: String?
    /// Record versions stored (a new version of a record counts again; re-reads do not).
    public var recordCount: Int
    /// When the last page landed.
    public var lastImport: Date?
}

/// A stored record version with its place in the stream.
public struct StoredRecord: Sendable, Hashable {
    /// The arrival order within the store (increasing).
    public var sequence: Int64
    public var stream: String
    public var record: StreamRecord
    public var importedAt: Date

    /// One NDJSON line: `_id`, `_ts` (ISO 8601, UTC, milliseconds), `_deleted` and the source
    /// fields, keys sorted.
    public var ndjsonLine: String {
        var o = record.fields
        o["_id"] = .string(record.id)
        o["_ts"] = .string(ISOTime.format(record.timestamp))
        o["_deleted"] = .bool(record.isDeleted)
        return JSONText.encode(o, sortedKeys: true)
    }
}

/// What one page append did.
public struct AppendResult: Sendable, Hashable {
    /// Record versions stored.
    public var stored: Int
    /// Record versions already in the stream (same stream, Id and timestamp), skipped.
    public var duplicates: Int
    /// Profiles whose resolved fields changed.
    public var profilesChanged: Int
    /// The highest change-feed sequence after the page.
    public var lastChange: Int64
}
