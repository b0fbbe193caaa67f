import Foundation

/// Who is asking the budget for calls, and how urgent the work is.
public struct CallPurpose: Sendable, Hashable {
    /// Work classes, most urgent first. The budget serves scarce calls in this order.
    public enum Priority: Int, Sendable, Hashable, Comparable, Codable, CaseIterable {
        case realtimeExport = 0, backfill = 1, importing = 2, other = 3
        public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
    }

    public var job: String
    public var priority: Priority

    public init(job: String, priority: Priority) {
        self.job = job
        self.priority = priority
    }
}

/// The API budget as the Salesforce client sees it: every call asks first, and every
/// response's usage is reported back. Implemented by `BudgetScheduler`; the client
/// depends only on this protocol so that the layers stay in order.
public protocol APICallGate: Sendable {
    /// Waits until `cost` calls may be spent for `purpose`, or throws when the job must
    /// pause (the thrown error says until when).
    func acquire(cost: Int, for purpose: CallPurpose) async throws
    /// Records the org's usage read from a response's `Sforce-Limit-Info` or `/limits`.
    func observe(_ usage: APIUsage) async
    /// Records that Salesforce answered `REQUEST_LIMIT_EXCEEDED`.
    func observeLimitExceeded(for purpose: CallPurpose) async
}

/// A gate that lets every call through; for tools and tests that do not meter calls.
public struct UnmeteredGate: APICallGate {
    public init() {}
    public func acquire(cost: Int, for purpose: CallPurpose) async throws {}
    public func observe(_ usage: APIUsage) async {}
    public func observeLimitExceeded(for purpose: CallPurpose) async {}
}
