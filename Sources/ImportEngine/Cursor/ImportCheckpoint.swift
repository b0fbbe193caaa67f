import Foundation

/// The `(timestamp, Id)` of the last row stored; the keyset resumes strictly after it.
public struct KeysetPosition: Sendable, Hashable, Codable {
    public var timestamp: Date
    public var id: String
    public init(timestamp: Date, id: String) {
        self.timestamp = timestamp
        self.id = id
    }
}

/// What part of a window is being read.
public enum WindowPhase: String, Sendable, Hashable, Codable {
    /// Live rows, `query`.
    case records
    /// Deleted rows, `queryAll … IsDeleted = true`, stored as tombstones.
    case deletes
}

/// A window `[low, high)` of the timestamp field that is being read and is not finished.
public struct PendingWindow: Sendable, Hashable, Codable {
    /// Inclusive lower bound; nil reads from the beginning (a first load without `since`).
    public var low: Date?
    /// Exclusive upper bound: the run's start minus the lag.
    public var high: Date
    public var phase: WindowPhase
    /// Last row stored in this phase (REST, ordered).
    public var after: KeysetPosition?
    /// The API reading this phase.
    public var api: QueryAPI
    /// For Bulk: continues the result pages after the last stored one.
    public var resumeToken: String?
    /// Whether the window reads deletes after the live rows (not on a first load).
    public var readsDeletes: Bool

    public init(low: Date?, high: Date, phase: WindowPhase = .records, after: KeysetPosition? = nil,
                api: QueryAPI = .rest, resumeToken: String? = nil, readsDeletes: Bool) {
        self.low = low
        self.high = high
        self.phase = phase
        self.after = after
        self.api = api
        self.resumeToken = resumeToken
        self.readsDeletes = readsDeletes
    }
}

/// The typed checkpoint of one stream of one job, written in the same transaction as the page
/// it follows: it never runs ahead of the stored data.
public struct ImportCheckpoint: Sendable, Hashable, Codable {
    /// The upper bound of the last fully read window; the next window starts here minus the
    /// lookback. Nil until the first load completes.
    public var completedHigh: Date?
    /// The window being read, when a run stopped inside it.
    public var pending: PendingWindow?

    public init(completedHigh: Date? = nil, pending: PendingWindow? = nil) {
        self.completedHigh = completedHigh
        self.pending = pending
    }
}
