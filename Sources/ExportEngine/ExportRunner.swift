import ConnectorCore
import Foundation
import SalesforceAPI
import Store

/// The durable export loop: what must be sent goes into the store's outbox first, then it is
/// sent in batches and each outcome is recorded. A kill at any point leaves the unsent entries
/// pending; the next run replays them (updates and upserts are idempotent).
public struct ExportRunner: Sendable {
    public var job: ExportAudiencesJob
    public var builder: ExportRecordBuilder
    public var sender: ExportBatchSender
    public var store: Store
    /// Overflowing audience fields seen while building entries.
    public let warnings = ExportWarnings()

    public init(job: ExportAudiencesJob, plan: ExportPlan, client: SalesforceClient, store: Store) {
        self.job = job
        self.builder = ExportRecordBuilder(job: job, plan: plan)
        self.sender = ExportBatchSender(plan: plan, client: client, onDuplicate: job.onDuplicate,
                                        onConvertedLead: job.onConvertedLead)
        self.store = store
    }

    /// Enqueues every current member whose audiences or trigger fields differ from what was
    /// last sent, and returns how many were enqueued.
    @discardableResult
    public func enqueueMembers() throws -> Int {
        var ids = Set<Int64>()
        for audience in job.audiences { ids.formUnion(try store.members(of: audience)) }
        let entries = try ids.sorted().compactMap { try entry(for: $0, leaving: false) }
        try store.enqueueExports(entries)
        return entries.count
    }

    /// The outbox entry for `id` when what it should hold differs from what was last sent. With
    /// `leaving`, a profile no longer in any exported audience that was sent before gets an entry
    /// clearing it from the audiences field (its Salesforce record stays). A member whose last
    /// attempt was rejected is not queued again until it changes, unless `retrying` (`rejected retry`).
    func entry(for id: Int64, leaving: Bool, retrying: Bool = false) throws -> OutboxEntry? {
        let profile = try store.profile(id: id)
        let audiences = Set(profile.audiences).intersection(job.audiences).sorted()
        let state = try store.exportState(job: job.name, profileID: id)
        if audiences.isEmpty && !(leaving && state.map { !$0.audiences.isEmpty } == true) { return nil }
        let hash = builder.triggerHash(fields: profile.fields)
        if let state, state.status == .sent || state.status == .skipped || (state.status == .rejected && !retrying),
           state.audiences == audiences, state.triggerHash == hash { return nil }
        let record = builder.record(fields: profile.fields, audiences: audiences)
        warnings.noteOverflow(profileID: id, names: record.omitted)
        return OutboxEntry(job: job.name, profileID: id, operation: "write", payload: record.payload,
                           audiences: audiences, triggerHash: hash)
    }

    /// Sends pending outbox entries until none is left, each round by the path
    /// ``sendPath(pending:)`` picks from `api` and the pending count: sObject Collections in
    /// batches of `batch_size`, or Bulk API 2.0 ingest for large backfills (more than
    /// ``bulkThreshold`` pending under `api: auto`). Entries Salesforce asks to retry are tried up
    /// to `maxAttempts` rounds, then left pending. Returns records sent and rejected.
    /// - Throws: ``SalesforceError`` for a call Salesforce refuses as a whole (auth, budget), or
    ///   ``StoreError``; what was not recorded stays pending.
    @discardableResult
    public func drain(maxAttempts: Int = 3) async throws -> (sent: Int, rejected: Int) {
        try await drainOutbox(maxAttempts: maxAttempts)
    }
}
