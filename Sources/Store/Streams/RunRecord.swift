import Foundation

/// One run of a job: when, how much, and how it ended.
public struct RunRecord: Sendable, Hashable {
    /// How a run stands. Extensible.
    public struct State: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let running = State(rawValue: "running")
        public static let succeeded = State(rawValue: "succeeded")
        /// Stopped at its checkpoint because the API budget is spent.
        public static let paused = State(rawValue: "paused")
        public static let failed = State(rawValue: "failed")
        public var description: String { rawValue }
    }

    /// Assigned by the store.
    public var id: Int64
    public var job: String
    public var startedAt: Date
    public var endedAt: Date?
    public var records: Int
    public var apiCalls: Int
    public var warnings: Int
    public var errors: Int
    public var state: State
    /// A one-line summary (the error sentence of a failed run).
    public var message: String?

    public init(id: Int64 = 0, job: String, startedAt: Date, endedAt: Date? = nil, records: Int = 0, apiCalls: Int = 0,
                warnings: Int = 0, errors: Int = 0, state: State = .running, message: String? = nil) {
        self.id = id
        self.job = job
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.records = records
        self.apiCalls = apiCalls
        self.warnings = warnings
        self.errors = errors
        self.state = state
        self.message = message
    }
}
