import Foundation

/// What one export pass did: members queued by the backfill and by the change feed, records
/// sent and rejected, what is still waiting, the audiences field overflow and the calls used.
public struct ExportRunReport: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// Everything queued was sent, or left pending only because Salesforce asked to retry later.
        case completed
        /// The API budget is spent; pending records wait in the outbox until `until`.
        case paused(until: Date?)
        /// Stopped by a signal; pending records wait in the outbox.
        case cancelled
        /// Salesforce or the store refused the run; the sentence says what to fix.
        case failed(String, configuration: Bool)
    }

    public var job: String
    public var object: String
    /// Members queued by the first run's backfill (0 once the backfill is queued).
    public var backfilled = 0
    /// Members queued because their exported audiences or trigger fields changed.
    public var changed = 0
    public var sent = 0
    public var rejected = 0
    /// Members not written because the lookup found no record and `create_missing` is false
    /// (not counted in `sent`).
    public var skipped = 0
    /// Outbox entries still waiting after the pass.
    public var pending = 0
    /// Members whose exported audiences did not all fit in the audiences field.
    public var overflowMembers = 0
    /// The audience names left out of some member's audiences field.
    public var overflowNames: [String] = []
    public var apiCalls = 0
    public var outcome: Outcome = .completed

    public init(job: String, object: String) {
        self.job = job
        self.object = object
    }

    /// Adds a later pass of the same job (real time) to this one.
    mutating func add(_ other: ExportRunReport) {
        backfilled += other.backfilled
        changed += other.changed
        sent += other.sent
        rejected += other.rejected
        skipped += other.skipped
        pending = other.pending
        overflowMembers = max(overflowMembers, other.overflowMembers)
        overflowNames = Array(Set(overflowNames + other.overflowNames)).sorted()
        apiCalls = other.apiCalls
        outcome = other.outcome
    }
}
