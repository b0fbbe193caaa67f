/// Faults a simulator starts with: the settings of `POST /__admin/faults`, given up front (the
/// `sfconnect simulator` flags `--latency-ms`, `--unavailable-rate`, `--reset-rate`, `--lock-rate`,
/// `--query-timeout-rate`). The admin endpoint replaces them later.
public struct SimulatorFaultSettings: Sendable, Equatable {
    /// Milliseconds added before every answer (admin endpoints excepted).
    public var latencyMs: Int
    /// Share of requests answered `503 SERVER_UNAVAILABLE` (0–1).
    public var serverUnavailableRate: Double
    /// Share of requests whose connection is cut after the headers (0–1).
    public var connectionResetRate: Double
    /// Share of record writes that fail with `UNABLE_TO_LOCK_ROW` (0–1).
    public var unableToLockRowRate: Double
    /// Share of queries answered `400 QUERY_TIMEOUT` (0–1).
    public var queryTimeoutRate: Double

    /// The longest latency accepted: ten minutes, Salesforce's REST call timeout.
    public static let maxLatencyMs = 600_000

    public init(latencyMs: Int = 0, serverUnavailableRate: Double = 0, connectionResetRate: Double = 0,
                unableToLockRowRate: Double = 0, queryTimeoutRate: Double = 0) {
        self.latencyMs = latencyMs
        self.serverUnavailableRate = serverUnavailableRate
        self.connectionResetRate = connectionResetRate
        self.unableToLockRowRate = unableToLockRowRate
        self.queryTimeoutRate = queryTimeoutRate
    }

    /// Whether a rate is a share between 0 and 1 (NaN is not).
    public static func isRate(_ r: Double) -> Bool { r >= 0 && r <= 1 }

    /// Whether a latency is between 0 and ``maxLatencyMs``.
    public static func isLatency(_ ms: Int) -> Bool { (0...maxLatencyMs).contains(ms) }

    var state: SimulatorState.Faults {
        SimulatorState.Faults(latencyMs: latencyMs, serverUnavailableRate: serverUnavailableRate,
                              connectionResetRate: connectionResetRate, unableToLockRowRate: unableToLockRowRate,
                              queryTimeoutRate: queryTimeoutRate)
    }
}
