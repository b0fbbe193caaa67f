import Foundation

/// Calls one job spent at one moment, as the budget's rolling ledger keeps them.
public struct APICallEntry: Sendable, Hashable {
    public var job: String
    public var at: Date
    public var count: Int

    public init(job: String, at: Date, count: Int) {
        self.job = job
        self.at = at
        self.count = count
    }
}

/// How a job stands, for `sfconnect status`. Extensible.
public struct JobState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let running = JobState(rawValue: "running")
    /// Waiting for calls to age out of the budget window (see ``JobStatus/pausedUntil``).
    public static let paused = JobState(rawValue: "paused")
    public static let idle = JobState(rawValue: "idle")
    public static let failed = JobState(rawValue: "failed")
    public var description: String { rawValue }
}

/// A job's saved state.
public struct JobStatus: Sendable, Hashable {
    public var job: String
    public var state: JobState
    public var pausedUntil: Date?
    public var updatedAt: Date
}
