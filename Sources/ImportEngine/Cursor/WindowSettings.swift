import Foundation

/// How windows are bounded. Defaults: a 2-minute lag, a 5-minute lookback, no `since`.
public struct WindowSettings: Sendable, Hashable {
    /// Each run reads up to its start minus this, so that transactions still in flight when
    /// the run starts are read by the next run (default 120 s).
    public var lag: TimeInterval
    /// Each window starts this long before the previous window's end and re-reads it; versions
    /// already stored are dropped by `(object, Id, timestamp)` (default 300 s).
    public var lookback: TimeInterval
    /// The oldest timestamp to import (the job's `since`); nil imports everything.
    public var since: Date?

    public init(lag: TimeInterval = 120, lookback: TimeInterval = 300, since: Date? = nil) {
        self.lag = lag
        self.lookback = lookback
        self.since = since
    }
}
