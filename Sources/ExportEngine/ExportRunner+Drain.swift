import ConnectorCore
import Foundation
import SalesforceAPI
import Store

/// How ``ExportRunner/drain(maxAttempts:)`` sends a round of outbox entries.
public enum ExportSendPath: String, Sendable, Hashable {
    /// sObject Collections, `batch_size` records per call.
    case collections
    /// Bulk API 2.0 ingest: one job (create, upload, close, polls, three result files) per
    /// round of up to ``ExportRunner/bulkRoundSize`` entries.
    case bulk
}

extension ExportRunner {
    /// With `api: auto`, a round is sent by Bulk API 2.0 ingest while more than this many outbox
    /// entries are pending (a backfill), else by sObject Collections (real-time changes, the last
    /// few retries). This is Salesforce's own guidance: above ~2,000 records, use Bulk.
    public static let bulkThreshold = 2_000
    /// The most outbox entries one Bulk round sends (the client splits the CSV into several jobs
    /// above its upload limit).
    public static let bulkRoundSize = 100_000

    /// The path for a round with `pending` entries: `api: rest` → Collections; `api: bulk` →
    /// Bulk (real-time changes too: each round is a Bulk job, so prefer `auto`); `api: auto` →
    /// Bulk when `pending` > ``bulkThreshold``.
    public func sendPath(pending: Int) -> ExportSendPath {
        switch job.api {
        case .rest: return .collections
        case .bulk: return .bulk
        case .auto: return pending > Self.bulkThreshold ? .bulk : .collections
        }
    }

    /// The loop behind ``drain(maxAttempts:)``: each round picks its path from the pending count.
    func drainOutbox(maxAttempts: Int) async throws -> (sent: Int, rejected: Int) {
        var sent = 0, rejected = 0, retryRounds = 0
        while true {
            let pending = try store.pendingExportCount(job: job.name, upTo: Self.bulkThreshold + 1)
            guard pending > 0 else { break }
            let path = sendPath(pending: pending)
            let batch = try store.pendingExports(job: job.name, limit: path == .bulk ? Self.bulkRoundSize : job.batchSize)
            guard !batch.isEmpty else { break }
            let records = try recordsToSend(batch)
            let outcomes: [RecordOutcome]
            switch path {
            case .collections: outcomes = try await sender.send(records)
            case .bulk: outcomes = try await ExportBulkSender(batch: sender, batchSize: job.batchSize).send(records)
            }
            let counts = try recordOutcomes(batch, records: records, outcomes)
            sent += counts.sent
            rejected += counts.rejected
            if counts.retried > 0 {
                retryRounds += 1
                if retryRounds >= maxAttempts { break }
            }
        }
        return (sent, rejected)
    }

    /// The payloads of `batch`; with no match field, a profile this job already created in
    /// Salesforce carries that record's `Id`, so it is updated rather than created again.
    func recordsToSend(_ batch: [OutboxEntry]) throws -> [SalesforceRecord] {
        guard sender.plan.match == .create else { return batch.map(\.payload) }
        let states = try store.exportStates(job: job.name, profileIDs: batch.map(\.profileID))
        return batch.map { entry in
            var record = entry.payload
            if let id = states[entry.profileID]?.salesforceID { record["Id"] = .string(id) }
            return record
        }
    }

    /// Records each outcome: sent → the export state with the Salesforce id; rejected → a
    /// rejected record with Salesforce's code and message, then the state (keeping the `Id` the
    /// record was sent to, if any); retry → left pending; skipped (no match under
    /// `create_missing: false`) → the state `skipped`, counted in ``ExportRunner/warnings``, so it
    /// is not looked up again until it changes. One transaction for the states.
    func recordOutcomes(_ batch: [OutboxEntry], records: [SalesforceRecord], _ outcomes: [RecordOutcome]) throws
        -> (sent: Int, rejected: Int, retried: Int) {
        var done: [(id: Int64, state: ExportState)] = []
        var sent = 0, rejected = 0, retried = 0, skipped = 0
        let now = Date()
        for ((entry, record), outcome) in zip(zip(batch, records), outcomes) {
            func state(_ id: String?, _ status: ExportState.Status) -> ExportState {
                ExportState(job: job.name, profileID: entry.profileID, audiences: entry.audiences,
                            triggerHash: entry.triggerHash, salesforceID: id, status: status)
            }
            switch outcome {
            case .sent(let id):
                done.append((entry.id, state(id, .sent)))
                sent += 1
            case .rejected(let code, let message):
                try store.recordRejected(job: job.name, profileID: entry.profileID, errorCode: code,
                                         message: message, payload: entry.payload, at: now)
                done.append((entry.id, state(record["Id"]?.stringValue, .rejected)))
                rejected += 1
            case .retry:
                retried += 1
            case .skipped:
                done.append((entry.id, state(nil, .skipped)))
                skipped += 1
            }
        }
        try store.completeExports(done)
        warnings.noteSkipped(skipped)
        return (sent, rejected, retried)
    }
}

extension ExportState.Status {
    /// The lookup found no record and `create_missing` is false: nothing was written. Like `sent`,
    /// the member is queued again only when its exported audiences or trigger fields change.
    public static let skipped = ExportState.Status(rawValue: "skipped")
}
