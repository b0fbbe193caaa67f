import Foundation

/// Where an import job stands on one object: the keyset position `(timestamp, lastID)` of the
/// last record durably stored, the run's upper bound, and the phase. Written in the same
/// transaction as the page it follows, so it never runs ahead of the data.
public struct Checkpoint: Sendable, Hashable {
    /// The stage of an object's sync. Extensible: engines may add their own phases.
    public struct Phase: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The first load (REST or Bulk API 2.0) has not finished.
        public static let firstLoad = Phase(rawValue: "first_load")
        /// Incremental runs: new versions since the checkpoint.
        public static let incremental = Phase(rawValue: "incremental")
        /// Reading deleted records through `queryAll`.
        public static let deletes = Phase(rawValue: "deletes")
        /// The run finished this object up to `windowUpperBound`.
        public static let complete = Phase(rawValue: "complete")
        public var description: String { rawValue }
    }

    public var job: String
    public var object: String
    /// The timestamp-field value of the last stored record (keyset part 1); nil before any.
    public var timestamp: Date?
    /// The Id of the last stored record at ``timestamp`` (keyset part 2).
    public var lastID: String?
    /// The run's upper bound (run start minus the lag); records above it wait for the next run.
    public var windowUpperBound: Date?
    public var phase: Phase
    /// When the checkpoint was written (set by the store).
    public var updatedAt: Date?

    public init(job: String, object: String, timestamp: Date? = nil, lastID: String? = nil,
                windowUpperBound: Date? = nil, phase: Phase, updatedAt: Date? = nil) {
        self.job = job
        self.object = object
        self.timestamp = timestamp
        self.lastID = lastID
        self.windowUpperBound = windowUpperBound
        self.phase = phase
        self.updatedAt = updatedAt
    }
}
