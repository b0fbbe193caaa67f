import Foundation

/// Ingest job lifecycle (§7.2): `Open` (one upload) → `UploadComplete` → `InProgress` →
/// `JobComplete` | `Failed` | `Aborted`. Pure value type; the job store owns the data.
struct BulkIngestMachine: Sendable, Equatable {
    let jobId: String
    private(set) var uploaded = false
    private(set) var processing: BulkProcessingMachine

    init(jobId: String, policy: BulkCompletionPolicy, failure: BulkInjectedFailure?) {
        self.jobId = jobId
        processing = BulkProcessingMachine(state: .open, queuedAt: nil, policy: policy, failure: failure)
    }

    var state: BulkJobState { processing.state }

    /// `PUT …/batches`: only once per job, only while `Open`.
    mutating func upload() throws(BulkAPIError) {
        if uploaded { throw .multipleContents(jobId: jobId) }
        guard state == .open else {
            throw .invalidState("Data can only be uploaded to a job in state Open; this job is \(state.rawValue)")
        }
        uploaded = true
    }

    /// `PATCH {"state":"UploadComplete"}`.
    mutating func close(now: Date) throws(BulkAPIError) {
        guard state == .open else {
            throw .invalidState("Only an Open job can be set to UploadComplete; this job is \(state.rawValue)")
        }
        processing.queue(at: now)
    }

    mutating func abort() throws(BulkAPIError) { try processing.abort() }

    mutating func fail() { processing.fail() }

    mutating func observe(now: Date) -> BulkProcessingMachine.Action { processing.observe(now: now) }
}
