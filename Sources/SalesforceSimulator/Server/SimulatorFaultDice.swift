/// Fault rolls for route handlers: each call draws from the simulator's deterministic RNG against the rate
/// set with `POST /__admin/faults`.
public struct SimulatorFaultDice: Sendable {
    let state: SimulatorState

    /// True when this write should fail with `UNABLE_TO_LOCK_ROW` (rate `unableToLockRowRate`).
    public func unableToLockRow() -> Bool { state.roll(\.unableToLockRowRate) }

    /// True when this query should fail with `QUERY_TIMEOUT` (rate `queryTimeoutRate`).
    public func queryTimeout() -> Bool { state.roll(\.queryTimeoutRate) }
}
