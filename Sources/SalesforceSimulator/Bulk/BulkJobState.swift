import Foundation

/// Bulk API 2.0 job states, spelled as on the wire (§7.1, §7.2).
enum BulkJobState: String, Sendable, Equatable {
    case open = "Open"
    case uploadComplete = "UploadComplete"
    case inProgress = "InProgress"
    case jobComplete = "JobComplete"
    case failed = "Failed"
    case aborted = "Aborted"

    /// No further transition is possible.
    var isTerminal: Bool { self == .jobComplete || self == .failed || self == .aborted }
}

/// When a queued job finishes: after `pollsBeforeComplete` job-info reads that still show it
/// running, and no earlier than `delay` seconds (simulator clock) after processing was requested.
/// Both are deterministic, so tests can drive the whole lifecycle without sleeping.
struct BulkCompletionPolicy: Sendable, Equatable {
    /// Job-info reads answered with a non-terminal state before the job reports its outcome.
    var pollsBeforeComplete: Int = 1
    /// Minimum seconds between `UploadComplete` and the outcome.
    var delay: TimeInterval = 0
}

/// A failure injected into the next Bulk jobs (admin endpoint): the job ends `Failed` with
/// `errorMessage`; an ingest job first applies `processRecords` rows, the rest stay unprocessed.
struct BulkInjectedFailure: Sendable, Equatable {
    var errorMessage: String
    var processRecords: Int = 0
}

/// A control-endpoint failure in the REST error-array shape (§7.3).
struct BulkAPIError: Error, Sendable, Equatable {
    var status: Int
    var errorCode: String
    var message: String

    static func invalidState(_ message: String) -> BulkAPIError {
        BulkAPIError(status: 400, errorCode: "INVALIDJOBSTATE", message: message)
    }

    static func multipleContents(jobId: String) -> BulkAPIError {
        BulkAPIError(status: 400, errorCode: "BULK_API_ERROR", message:
            "Found multipe contents for job: <\(jobId)>, please 'Close' / 'Abort' / 'Delete' the current Job "
            + "then create a new Job and make sure you only do 'PUT' once on a given Job.")
    }

    static let notFound = BulkAPIError(status: 404, errorCode: "NOT_FOUND",
                                       message: "The requested resource does not exist")
}
