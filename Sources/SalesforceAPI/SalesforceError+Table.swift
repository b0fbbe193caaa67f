import ConnectorCore
import Foundation
import HTTPTransport

/// The one table from Salesforce error codes, HTTP statuses and transport failures to what to
/// do next. Engines branch on the `Disposition`, never on raw codes.
public enum ErrorTable {
    /// Codes that clear up on their own: retry with backoff.
    static let transientCodes: Set<String> = ["UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "QUERY_TIMEOUT_RETRY",
                                              "TXN_SECURITY_METERING_ERROR",
                                              // The client's own code for a Bulk row Salesforce never processed.
                                              "UNPROCESSED_RECORD"]
    /// Codes that mean the job's configuration is wrong.
    static let configurationCodes: Set<String> = ["INVALID_FIELD", "INVALID_TYPE", "MALFORMED_QUERY",
                                                  "INVALID_QUERY_FILTER_OPERATOR", "QUERY_TOO_COMPLICATED",
                                                  "QUERY_TIMEOUT", "INVALID_QUERY_LOCATOR", "NOT_FOUND"]
    static let permissionCodes: Set<String> = ["API_DISABLED_FOR_ORG", "INSUFFICIENT_ACCESS",
                                               "INSUFFICIENT_ACCESS_OR_READONLY", "API_CURRENTLY_DISABLED",
                                               "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY"]

    /// Classifies a REST failure.
    public static func kind(status: Int?, errorCode: String?) -> SalesforceError.Kind {
        let code = errorCode ?? ""
        if code == "INVALID_SESSION_ID" || status == 401 { return .sessionExpired }
        if code == "REQUEST_LIMIT_EXCEEDED" { return .requestLimitExceeded }
        if status == 414 || status == 431 { return .requestTooLong }
        if transientCodes.contains(code) { return .transient }
        if code == "NOT_FOUND" || code == "ENTITY_IS_DELETED" { return .notFound }
        if configurationCodes.contains(code) { return .configuration }
        if permissionCodes.contains(code) { return .permission }
        if let status, status >= 500 { return .transient }
        if !code.isEmpty, status == 400 || status == nil { return .recordRejected }
        if status == 403 { return .permission }
        return .server
    }

    /// What to do after a REST failure on the `attempt`-th retry (0 = first failure).
    public static func disposition(status: Int?, errorCode: String?, attempt: Int) -> Disposition {
        disposition(kind: kind(status: status, errorCode: errorCode), attempt: attempt)
    }

    /// What to do about `error` on the `attempt`-th retry (0 = first failure).
    public static func disposition(_ error: SalesforceError, attempt: Int) -> Disposition {
        disposition(kind: error.kind, attempt: attempt)
    }

    /// What to do about an error of `kind` on the `attempt`-th retry (0 = first failure).
    public static func disposition(kind: SalesforceError.Kind, attempt: Int) -> Disposition {
        switch kind {
        case .sessionExpired: return attempt == 0 ? .refreshTokenThenRetry : .failSystem
        case .requestLimitExceeded: return .stopForBudget(until: nil)
        case .transient: return attempt < Backoff.maxAttempts ? .retry(after: Backoff.delay(attempt: attempt)) : .failSystem
        case .configuration, .permission, .notFound, .invalidRequest, .requestTooLong: return .failConfiguration
        case .recordRejected, .ambiguousMatch: return .skipRecord
        default: return .failSystem
        }
    }

    /// What to do after a transport failure (no HTTP response).
    public static func disposition(transport error: TransportError, attempt: Int) -> Disposition {
        switch error.kind {
        case .timeout, .connectionReset, .connectionRefused, .dns, .proxy:
            return attempt < Backoff.maxAttempts ? .retry(after: Backoff.delay(attempt: attempt)) : .failSystem
        default:
            // TLS and malformed requests do not get better by retrying.
            return .failSystem
        }
    }
}

/// Exponential backoff with full jitter, bounded.
public enum Backoff {
    public static let maxAttempts = 6
    public static let base: TimeInterval = 0.5
    public static let cap: TimeInterval = 30

    /// A delay in `[0.5 × d, d]` where `d = min(cap, base × 2^attempt)`.
    public static func delay(attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval {
        let ceiling = min(cap, base * pow(2, Double(max(0, attempt))))
        return ceiling * (0.5 + 0.5 * min(1, max(0, random)))
    }
}
