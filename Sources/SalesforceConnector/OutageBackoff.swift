import Foundation

/// How long a long-running job (`run` without `--once`, `serve`) waits after passes that failed
/// for a reason other than configuration (Salesforce down past the client's retries, the network
/// gone): 30 s, doubling to at most 10 minutes. The pass then resumes at its checkpoint.
public enum OutageBackoff {
    public static func delay(afterFailures failures: Int) -> TimeInterval {
        min(600, 30 * pow(2, Double(min(max(failures, 1), 6) - 1)))
    }
}
