import Foundation

/// The lifecycle of one Bulk API 2.0 job as a pure state machine: the client performs each
/// returned ``Action`` and reports what happened as the next ``Event``. No I/O, no clock.
///
/// Query: create → poll (backoff) → JobComplete → fetch results → finished.
/// Ingest: create → upload (one PUT) → close (`UploadComplete`) → poll → fetch results →
/// finished. An ingest job that ends `Failed` still has its results fetched (failed and
/// unprocessed rows) before ``Action/fail(jobID:message:)``. A job that outlives `maxWait`
/// is aborted.
public struct BulkJobStateMachine: Sendable {
    public enum Kind: Sendable, Hashable { case query, ingest }

    public enum Action: Sendable, Hashable {
        case createJob
        case upload(jobID: String)
        case closeJob(jobID: String)
        /// Wait `after` seconds, then ask for the job's state.
        case poll(jobID: String, after: TimeInterval)
        case fetchResults(jobID: String)
        case abort(jobID: String)
        case finish(jobID: String)
        case fail(jobID: String?, message: String)
    }

    public enum Event: Sendable, Hashable {
        case start
        case created(jobID: String, state: BulkJobState)
        case uploaded
        case closed
        /// A poll answered `state`; `elapsed` is the time since the job was created.
        case polled(state: BulkJobState, errorMessage: String?, elapsed: TimeInterval)
        case resultsFetched
        case aborted
    }

    private enum State: Sendable, Hashable {
        case idle, creating, uploading(String), closing(String), polling(String, delay: TimeInterval)
        case fetching(String, failure: String?), aborting(String), done
    }

    public let kind: Kind
    public let pollInitial: TimeInterval
    public let pollMax: TimeInterval
    public let maxWait: TimeInterval
    private var state: State = .idle

    public init(kind: Kind, pollInitial: TimeInterval = 1, pollMax: TimeInterval = 30, maxWait: TimeInterval = 4 * 3600) {
        self.kind = kind
        self.pollInitial = pollInitial
        self.pollMax = pollMax
        self.maxWait = maxWait
    }

    /// Whether the machine has handed out its last action (finish or fail).
    public var isDone: Bool { state == .done }

    public mutating func event(_ event: Event) -> Action {
        switch (state, event) {
        case (.idle, .start):
            state = .creating
            return .createJob
        case (.creating, .created(let id, let jobState)):
            if kind == .ingest && jobState == .open {
                state = .uploading(id)
                return .upload(jobID: id)
            }
            if kind == .query && !jobState.isTerminal || jobState == .jobComplete {
                return poll(id, delay: pollInitial, first: true)
            }
            return fail(id, "the new job is \(jobState)")
        case (.uploading(let id), .uploaded):
            state = .closing(id)
            return .closeJob(jobID: id)
        case (.closing(let id), .closed):
            return poll(id, delay: pollInitial, first: true)
        case (.polling(let id, let delay), .polled(let jobState, let message, let elapsed)):
            switch jobState {
            case .jobComplete:
                state = .fetching(id, failure: nil)
                return .fetchResults(jobID: id)
            case .failed where kind == .ingest:
                state = .fetching(id, failure: "the job failed: \(message ?? "no reason given")")
                return .fetchResults(jobID: id)
            case .failed:
                return fail(id, "the job failed: \(message ?? "no reason given")")
            case .aborted:
                return fail(id, "the job was aborted")
            default:
                guard elapsed < maxWait else {
                    state = .aborting(id)
                    return .abort(jobID: id)
                }
                return poll(id, delay: min(pollMax, delay * 2), first: false)
            }
        case (.fetching(let id, let failure), .resultsFetched):
            state = .done
            if let failure { return .fail(jobID: id, message: failure) }
            return .finish(jobID: id)
        case (.aborting(let id), .aborted):
            return fail(id, "the job did not finish within \(Int(maxWait)) seconds and was aborted")
        default:
            return fail(nil, "unexpected \(event) while \(state); report this as a bug")
        }
    }

    private mutating func poll(_ id: String, delay: TimeInterval, first: Bool) -> Action {
        let d = first ? pollInitial : delay
        state = .polling(id, delay: d)
        return .poll(jobID: id, after: d)
    }

    private mutating func fail(_ id: String?, _ message: String) -> Action {
        state = .done
        return .fail(jobID: id, message: message)
    }
}
