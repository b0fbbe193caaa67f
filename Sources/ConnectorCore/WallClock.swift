import Foundation
import Synchronization

/// Wall-clock time, injected so that schedules, token expiry and the budget window can be
/// tested without waiting.
public protocol WallClock: Sendable {
    func now() -> Date
    /// Sleeps until `date` (returns at once if it has passed). Throws on task cancellation.
    func sleep(until date: Date) async throws
}

/// The real clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(until date: Date) async throws {
        let seconds = date.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)) }
    }
}

/// A clock that moves only when told; `sleep(until:)` advances it to the wake-up time at
/// once, so code that waits for a window to free finishes without real waiting.
public final class ManualWallClock: WallClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
    public func set(_ date: Date) { current.withLock { $0 = date } }
    public func sleep(until date: Date) async throws {
        try Task.checkCancellation()
        current.withLock { if $0 < date { $0 = date } }
        await Task.yield()
    }
}
