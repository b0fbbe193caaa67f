import Foundation

/// One page to store: its records and the checkpoint that follows them.
public struct PageCommit: Sendable {
    public var job: String
    public var stream: String
    public var object: String
    public var records: [MappedRecord]
    /// User fields that identify a profile (the mapping's unique ids).
    public var uniqueIDFields: [String]
    public var checkpoint: ImportCheckpoint

    public init(job: String, stream: String, object: String, records: [MappedRecord],
                uniqueIDFields: [String], checkpoint: ImportCheckpoint) {
        self.job = job
        self.stream = stream
        self.object = object
        self.records = records
        self.uniqueIDFields = uniqueIDFields
        self.checkpoint = checkpoint
    }
}

/// What a commit did.
public struct CommitResult: Sendable, Hashable {
    /// Record versions (and tombstones) stored.
    public var stored: Int
    /// Versions dropped because (object, Id, timestamp) was already stored (lookback re-reads).
    public var duplicates: Int
    public init(stored: Int, duplicates: Int) {
        self.stored = stored
        self.duplicates = duplicates
    }
}

/// Where pages go: the Store, or a fake in tests. `commit` must write the records and the
/// checkpoint in one transaction (both or neither).
public protocol ImportSink: Sendable {
    /// The stream's last committed checkpoint for this job; nil before the first page.
    func checkpoint(job: String, stream: String) async throws -> ImportCheckpoint?
    /// Stores a page and its checkpoint atomically, dropping versions already stored.
    func commit(_ page: PageCommit) async throws -> CommitResult
    /// Records a finished (or paused, or failed) run.
    func record(run: ImportRunReport) async throws
}
