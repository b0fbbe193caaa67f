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
    /// clearing it from the audiences field (its Salesforce record stays).
    func entry(for id: Int64, leaving: Bool) throws -> OutboxEntry? {
        let profile = try store.profile(id: id)
        let audiences = Set(profile.audiences).intersection(job.audiences).sorted()
        let state = try store.exportState(job: job.name, profileID: id)
        if audiences.isEmpty && !(leaving && state.map { !$0.audiences.isEmpty } == true) { return nil }
        let hash = builder.triggerHash(fields: profile.fields)
        if let state, state.status == .sent, state.audiences == audiences, state.triggerHash == hash { return nil }
        let record = builder.record(fields: profile.fields, audiences: audiences)
        warnings.noteOverflow(profileID: id, names: record.omitted)
        return OutboxEntry(job: job.name, profileID: id, operation: "write", payload: record.payload,
                           audiences: audiences, triggerHash: hash)
    }

    /// Sends pending outbox entries in batches until none is left (entries Salesforce asks to
    /// retry are tried up to `maxAttempts` rounds, then left pending). Returns records sent.
    @discardableResult
    public func drain(maxAttempts: Int = 3) async throws -> (sent: Int, rejected: Int) {
        var sent = 0, rejected = 0, retryRounds = 0
        while true {
            let batch = try store.pendingExports(job: job.name, limit: job.batchSize)
            guard !batch.isEmpty else { break }
            let outcomes = try await sender.send(batch.map(\.payload))
            var retried = 0
            for (entry, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .sent(let id):
                    try store.completeExport(id: entry.id, state: ExportState(
                        job: job.name, profileID: entry.profileID, audiences: entry.audiences,
                        triggerHash: entry.triggerHash, salesforceID: id, status: .sent))
                    sent += 1
                case .rejected(let code, let message):
                    _ = try store.recordRejected(job: job.name, profileID: entry.profileID, errorCode: code,
                                                 message: message, payload: entry.payload, at: Date())
                    try store.completeExport(id: entry.id, state: ExportState(
                        job: job.name, profileID: entry.profileID, audiences: entry.audiences,
                        triggerHash: entry.triggerHash, salesforceID: nil, status: .rejected))
                    rejected += 1
                case .retry:
                    retried += 1
                }
            }
            if retried > 0 {
                retryRounds += 1
                if retryRounds >= maxAttempts { break }
            }
        }
        return (sent, rejected)
    }
}
