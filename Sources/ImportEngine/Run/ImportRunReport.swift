import Foundation

/// How a run ended.
public enum RunOutcome: Sendable, Hashable {
    case completed
    /// The budget is spent; the run stopped at its checkpoint and may resume at `until`.
    case paused(until: Date?)
    /// Cancelled (SIGINT/SIGTERM) after the last committed page.
    case cancelled
    case failed
}

/// What one object's import did in a run.
public struct ObjectRunStats: Sendable, Hashable {
    public var object: String
    public var stream: String
    public var api: QueryAPI?
    /// Rows the source returned (live rows and deletes).
    public var rowsRead: Int = 0
    /// Versions stored (tombstones included).
    public var stored: Int = 0
    public var tombstones: Int = 0
    /// Versions already stored (lookback re-reads), dropped.
    public var duplicates: Int = 0
    public var pages: Int = 0

    public init(object: String, stream: String) {
        self.object = object
        self.stream = stream
    }
}

/// The record of one run: start, end, records, API calls, warnings, errors.
public struct ImportRunReport: Sendable, Hashable {
    public var job: String
    public var started: Date
    public var ended: Date
    public var outcome: RunOutcome
    public var objects: [ObjectRunStats]
    public var apiCalls: Int
    public var warnings: [String]
    public var errors: [String]
    /// The run failed for a reason only a change to the job, mapping or org can fix (exit 78);
    /// false for outages and other failures worth retrying.
    public var configurationFailure = false

    public init(job: String, started: Date, ended: Date, outcome: RunOutcome, objects: [ObjectRunStats],
                apiCalls: Int, warnings: [String], errors: [String]) {
        self.job = job
        self.started = started
        self.ended = ended
        self.outcome = outcome
        self.objects = objects
        self.apiCalls = apiCalls
        self.warnings = warnings
        self.errors = errors
    }

    /// Versions stored over all objects.
    public var stored: Int { objects.reduce(0) { $0 + $1.stored } }
}
