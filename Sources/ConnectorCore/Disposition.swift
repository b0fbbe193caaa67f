import Foundation

/// What to do next about a failed call or record. Engines branch on this, never on raw
/// Salesforce codes; the client fills it from one table (`SalesforceError+Table`).
public enum Disposition: Sendable, Hashable, CustomStringConvertible {
    /// Transient: try again after the delay (backoff is the caller's loop).
    case retry(after: TimeInterval)
    /// The session expired: refresh the token once, then retry.
    case refreshTokenThenRetry
    /// The API budget or Salesforce's daily limit is spent: pause with the checkpoint saved.
    case stopForBudget(until: Date?)
    /// The job's configuration is wrong (unknown field or object, permissions): fix and rerun.
    case failConfiguration
    /// Something outside the job failed (auth, network after retries, server bug).
    case failSystem
    /// This record was rejected; store it as rejected and go on with the others.
    case skipRecord

    public var description: String {
        switch self {
        case .retry(let s): return "retry after \(s)s"
        case .refreshTokenThenRetry: return "refresh token then retry"
        case .stopForBudget(let d): return "stop for budget until \(d.map { "\($0)" } ?? "the window frees")"
        case .failConfiguration: return "fail: configuration"
        case .failSystem: return "fail: system"
        case .skipRecord: return "skip record"
        }
    }
}
