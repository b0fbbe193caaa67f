import ConnectorCore
import Foundation

/// `GET /limits` (§5.1): each limit's `Max` and `Remaining`.
public struct OrgLimits: Sendable, Hashable {
    public struct Limit: Sendable, Hashable {
        public var max: Int
        public var remaining: Int
    }
    /// By Salesforce's names: `DailyApiRequests`, `DailyBulkV2QueryJobs`, …
    public var limits: [String: Limit]

    public subscript(name: String) -> Limit? { limits[name] }

    /// The daily API requests as usage (used = max − remaining).
    public var dailyAPIRequests: APIUsage? {
        limits["DailyApiRequests"].map { APIUsage(used: Swift.max(0, $0.max - $0.remaining), max: $0.max) }
    }
}

/// The wire shape: `{"Name": {"Max": n, "Remaining": n, …per-app sub-objects}}`.
struct OrgLimitsBody: Decodable {
    var limits: [String: OrgLimits.Limit]

    private struct Entry: Decodable {
        var Max: Int?
        var Remaining: Int?
    }

    init(from decoder: any Decoder) throws {
        let raw = try [String: Entry](from: decoder)
        limits = raw.compactMapValues { e in
            guard let m = e.Max, let r = e.Remaining else { return nil }
            return OrgLimits.Limit(max: m, remaining: r)
        }
    }
}

/// `GET /sobjects/{Object}/deleted/?start=…&end=…`: records deleted in a window.
public struct DeletedRecords: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// Salesforce's `deletedDate` text, e.g. `2024-01-31T17:05:09.000+0000`.
        public var deletedDate: String
    }
    public var records: [Entry]
    public var earliestDateAvailable: String?
    public var latestDateCovered: String?
}

struct DeletedRecordsBody: Decodable {
    struct Entry: Decodable { var id: String; var deletedDate: String }
    var deletedRecords: [Entry]
    var earliestDateAvailable: String?
    var latestDateCovered: String?
}

struct RecordCountBody: Decodable {
    struct Entry: Decodable { var name: String; var count: Int }
    var sObjects: [Entry]
}
