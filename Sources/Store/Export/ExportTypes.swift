import ConnectorCore
import Foundation

/// What an export job last sent for one profile.
public struct ExportState: Sendable, Hashable {
    /// Extensible status of a profile in an export job.
    public struct Status: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let sent = Status(rawValue: "sent")
        public static let rejected = Status(rawValue: "rejected")
        /// Left every exported audience; its Salesforce record was cleared.
        public static let exited = Status(rawValue: "exited")
        public var description: String { rawValue }
    }

    public var job: String
    public var profileID: Int64
    /// The exported audiences the profile was in when last sent, sorted.
    public var audiences: [String]
    /// A hash of the trigger-field values last sent.
    public var triggerHash: String?
    /// The Salesforce record written.
    public var salesforceID: String?
    public var status: Status
    public var updatedAt: Date?

    public init(job: String, profileID: Int64, audiences: [String], triggerHash: String?, salesforceID: String?,
                status: Status, updatedAt: Date? = nil) {
        self.job = job
        self.profileID = profileID
        self.audiences = audiences
        self.triggerHash = triggerHash
        self.salesforceID = salesforceID
        self.status = status
        self.updatedAt = updatedAt
    }
}

/// Work an export job must send, written before it is sent (the outbox). One pending entry per
/// (job, profile): enqueueing again replaces the pending payload.
public struct OutboxEntry: Sendable, Hashable {
    /// Assigned by the store (0 before enqueueing).
    public var id: Int64
    public var job: String
    public var profileID: Int64
    /// What to do, e.g. `upsert`, `update`, `create`, `clear`; the exporter's vocabulary.
    public var operation: String
    /// The Salesforce field values to write (explicit nulls kept).
    public var payload: [String: JSONValue]
    /// The audiences this send reflects (becomes ``ExportState/audiences`` when done).
    public var audiences: [String]
    public var triggerHash: String?
    public var createdAt: Date?

    public init(id: Int64 = 0, job: String, profileID: Int64, operation: String, payload: [String: JSONValue],
                audiences: [String], triggerHash: String?, createdAt: Date? = nil) {
        self.id = id
        self.job = job
        self.profileID = profileID
        self.operation = operation
        self.payload = payload
        self.audiences = audiences
        self.triggerHash = triggerHash
        self.createdAt = createdAt
    }
}

/// A record Salesforce refused, kept with its error for `rejected list` and `rejected retry`.
public struct RejectedRecord: Sendable, Hashable {
    public var id: Int64
    public var job: String
    public var profileID: Int64
    /// Salesforce's `errorCode`, e.g. `REQUIRED_FIELD_MISSING`.
    public var errorCode: String
    public var message: String
    public var payload: [String: JSONValue]
    public var at: Date
    /// Set by ``Store/markRejectedForRetry(job:)``; the exporter re-sends these.
    public var retryRequested: Bool
}
