import Foundation

/// Mutable simulator state behind a lock: sessions, refresh tokens, counters and faults.
final class SimulatorState: @unchecked Sendable {
    struct Faults: Sendable {
        var latencyMs: Int = 0
        var serverUnavailableRate: Double = 0
        var connectionResetRate: Double = 0
        var unableToLockRowRate: Double = 0
        var queryTimeoutRate: Double = 0
    }

    private let lock = NSLock()
    private var sessions: [String: Date] = [:]
    private var refreshTokens: Set<String> = []
    private var preAuthorized: Set<String>
    private var apiCalls: [Date] = []
    private var endpointCalls: [String: Int] = [:]
    private var faults = Faults()
    private var rng = SplitMix64(seed: 0x5F_C0_11_EC)

    init(refreshToken: String, username: String) {
        refreshTokens = [refreshToken]
        preAuthorized = [username]
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func addSession(_ token: String, expires: Date) { locked { sessions[token] = expires } }
    func isValidSession(_ token: String, now: Date) -> Bool {
        locked { sessions[token].map { $0 > now } ?? false }
    }
    func expireAllSessions() { locked { sessions.removeAll() } }

    func isValidRefreshToken(_ token: String) -> Bool { locked { refreshTokens.contains(token) } }
    func addRefreshToken(_ token: String) { _ = locked { refreshTokens.insert(token) } }
    func revokeRefreshToken(_ token: String) { _ = locked { refreshTokens.remove(token) } }

    func isPreAuthorized(_ user: String) -> Bool { locked { preAuthorized.contains(user) } }
    func setPreAuthorized(_ user: String, _ allowed: Bool) {
        _ = locked { allowed ? preAuthorized.insert(user).inserted : preAuthorized.remove(user) != nil }
    }

    /// Usage in the rolling 24 h window, without counting.
    func usage(now: Date) -> Int {
        locked {
            pruneCalls(now: now)
            return apiCalls.count
        }
    }

    /// Counts one API call unless the limit is reached. Returns (allowed, used-after).
    func countCall(now: Date, limit: Int) -> (allowed: Bool, used: Int) {
        locked {
            pruneCalls(now: now)
            if apiCalls.count >= limit { return (false, apiCalls.count) }
            apiCalls.append(now)
            return (true, apiCalls.count)
        }
    }

    private func pruneCalls(now: Date) {
        let cutoff = now.addingTimeInterval(-86400)
        if let first = apiCalls.firstIndex(where: { $0 > cutoff }) {
            apiCalls.removeFirst(first)
        } else {
            apiCalls.removeAll()
        }
    }

    func recordEndpoint(_ key: String) { locked { endpointCalls[key, default: 0] += 1 } }
    func endpointCounters() -> [String: Int] { locked { endpointCalls } }
    func resetCounters() {
        locked {
            endpointCalls.removeAll()
            apiCalls.removeAll()
        }
    }

    func setFaults(_ f: Faults) { locked { faults = f } }
    func currentFaults() -> Faults { locked { faults } }

    /// Draws against one fault rate.
    func roll(_ rate: KeyPath<Faults, Double>) -> Bool {
        locked {
            let r = faults[keyPath: rate]
            guard r > 0 else { return false }
            return Double(rng.next() >> 11) / Double(1 << 53) < r
        }
    }
    /// The latency to inject and whether this request should fail with 503.
    func drawFault() -> (latencyMs: Int, unavailable: Bool) {
        locked {
            let roll = Double(rng.next() >> 11) / Double(1 << 53)
            return (faults.latencyMs, roll < faults.serverUnavailableRate)
        }
    }
}

/// Deterministic RNG for fault injection.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
