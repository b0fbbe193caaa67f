import Foundation

/// A Bulk API 2.0 job's state (§7.1, §7.2).
public enum BulkJobState: Sendable, Hashable, Decodable, CustomStringConvertible {
    case open, uploadComplete, inProgress, jobComplete, failed, aborted
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "Open": self = .open
        case "UploadComplete": self = .uploadComplete
        case "InProgress": self = .inProgress
        case "JobComplete": self = .jobComplete
        case "Failed": self = .failed
        case "Aborted": self = .aborted
        default: self = .other(rawValue)
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public var isTerminal: Bool { self == .jobComplete || self == .failed || self == .aborted }

    public var description: String {
        switch self {
        case .open: return "Open"
        case .uploadComplete: return "UploadComplete"
        case .inProgress: return "InProgress"
        case .jobComplete: return "JobComplete"
        case .failed: return "Failed"
        case .aborted: return "Aborted"
        case .other(let s): return s
        }
    }
}

/// Job info as `POST /jobs/{query|ingest}` and `GET /jobs/…/{id}` return it.
public struct BulkJobInfo: Sendable, Hashable, Decodable {
    public var id: String
    public var state: BulkJobState
    public var object: String?
    public var operation: String?
    public var errorMessage: String?
    public var numberRecordsProcessed: Int?
    public var numberRecordsFailed: Int?
}
