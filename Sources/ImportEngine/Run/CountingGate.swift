import ConnectorCore
import Synchronization

/// Wraps the API budget gate and counts the calls that pass, for the run record.
public final class CountingGate: APICallGate {
    private let inner: any APICallGate
    private let counted = Mutex(0)

    public init(wrapping inner: any APICallGate) { self.inner = inner }

    /// Calls acquired so far.
    public var calls: Int { counted.withLock { $0 } }

    public func acquire(cost: Int, for purpose: CallPurpose) async throws {
        try await inner.acquire(cost: cost, for: purpose)
        counted.withLock { $0 += cost }
    }
    public func observe(_ usage: APIUsage) async { await inner.observe(usage) }
    public func observeLimitExceeded(for purpose: CallPurpose) async { await inner.observeLimitExceeded(for: purpose) }
}
