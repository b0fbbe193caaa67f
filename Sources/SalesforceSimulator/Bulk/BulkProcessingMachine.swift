import Foundation

/// The processing half of every Bulk job: queued (`UploadComplete`) → `InProgress` → outcome.
/// Pure: the caller runs the query or applies the rows when `observe` returns `.run`.
struct BulkProcessingMachine: Sendable, Equatable {
    enum Action: Sendable, Equatable {
        /// Nothing to do: still waiting, or already terminal.
        case none
        /// Do the work now and report the outcome (`JobComplete`, or `Failed` when `failure` is set).
        case run(failure: BulkInjectedFailure?)
    }

    private(set) var state: BulkJobState
    private(set) var polls = 0
    private var queuedAt: Date?
    let policy: BulkCompletionPolicy
    let failure: BulkInjectedFailure?

    init(state: BulkJobState, queuedAt: Date?, policy: BulkCompletionPolicy, failure: BulkInjectedFailure?) {
        self.state = state
        self.queuedAt = queuedAt
        self.policy = policy
        self.failure = failure
    }

    /// Processing was requested (ingest `UploadComplete`).
    mutating func queue(at now: Date) {
        state = .uploadComplete
        queuedAt = now
    }

    /// A client looked at the job (job-info GET). Moves it on and says whether to do the work now.
    mutating func observe(now: Date) -> Action {
        guard state == .uploadComplete || state == .inProgress, let queuedAt else { return .none }
        if polls >= policy.pollsBeforeComplete, now.timeIntervalSince(queuedAt) >= policy.delay {
            state = failure == nil ? .jobComplete : .failed
            return .run(failure: failure)
        }
        polls += 1
        state = .inProgress
        return .none
    }

    /// The work of `.run` could not be done (a malformed upload): the outcome becomes `Failed`.
    mutating func fail() {
        if state == .jobComplete || state == .inProgress { state = .failed }
    }

    /// `PATCH {"state":"Aborted"}`.
    mutating func abort() throws(BulkAPIError) {
        guard !state.isTerminal else {
            throw .invalidState("Cannot abort a job in state \(state.rawValue)")
        }
        state = .aborted
    }
}
