/// How a job talks to Salesforce (`api:`).
public enum APIMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// REST for small work, Bulk API 2.0 above the engine's threshold (first loads, backfills).
    case auto
    /// REST only (query pages, sObject Collections).
    case rest
    /// Bulk API 2.0 only.
    case bulk
}

/// The budget priority override of a job (`priority:`); without it imports are `import`,
/// export backfills `backfill` and real-time export `realtime`.
public enum JobPriority: String, Sendable, Hashable, CaseIterable, Codable {
    case realtime, backfill
    case importing = "import"

    /// The budget's priority class.
    public var callPriority: CallPurpose.Priority {
        switch self {
        case .realtime: return .realtimeExport
        case .backfill: return .backfill
        case .importing: return .importing
        }
    }
}
