import ConnectorCore
import Foundation

/// One page to store: its records, the mapping rows that feed profiles, and the checkpoint that
/// follows the records.
public struct PageCommit: Sendable {
    public var job: String
    public var stream: String
    public var object: String
    public var records: [StreamRecord]
    /// The plan's mapping rows (default rows the org has, plus the user's rows): the Store derives
    /// user fields (email, emaildomains, unique ids, …) from the records' source fields by them.
    public var mapping: [FieldMapping]
    public var checkpoint: Checkpoint

    public init(job: String, stream: String, object: String, records: [StreamRecord], mapping: [FieldMapping],
                checkpoint: Checkpoint) {
        self.job = job
        self.stream = stream
        self.object = object
        self.records = records
        self.mapping = mapping
        self.checkpoint = checkpoint
    }
}

/// What a commit did.
public struct CommitResult: Sendable, Hashable {
    /// Record versions (and tombstones) stored.
    public var stored: Int
    /// Versions dropped because (stream, Id, timestamp) was already stored (lookback re-reads).
    public var duplicates: Int
    public init(stored: Int, duplicates: Int) {
        self.stored = stored
        self.duplicates = duplicates
    }
}

/// Where pages go: the Store, or a fake in tests. `commit` must write the records and the
/// checkpoint in one transaction (both or neither).
public protocol ImportSink: Sendable {
    /// The job's last committed checkpoint on `object`; nil before the first page.
    func checkpoint(job: String, object: String) async throws -> Checkpoint?
    /// Stores a page and its checkpoint atomically, dropping versions already stored.
    func commit(_ page: PageCommit) async throws -> CommitResult
    /// Records a finished (or paused, or failed) run.
    func record(run: ImportRunReport) async throws
}
