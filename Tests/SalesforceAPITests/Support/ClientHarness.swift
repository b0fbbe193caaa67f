import ConnectorCore
import Foundation
import HTTPTransport
import SalesforceAPI
import SalesforceSimulator
import Synchronization

/// A clock that runs `onSleep` each time the client sleeps, then advances like `ManualWallClock`.
final class HookedClock: WallClock {
    let base = ManualWallClock()
    private let state = Mutex<(hook: (@Sendable () async -> Void)?, sleeps: [TimeInterval])>((nil, []))

    func onSleep(_ h: @escaping @Sendable () async -> Void) { state.withLock { $0.hook = h } }
    func now() -> Date { base.now() }
    func sleep(until date: Date) async throws {
        let now = base.now()
        let h = state.withLock { s in
            s.sleeps.append(date.timeIntervalSince(now))
            return s.hook
        }
        await h?()
        try await base.sleep(until: date)
    }
    var sleeps: [TimeInterval] { state.withLock { $0.sleeps } }
}

/// A simulator over HTTPS on loopback and a real client against it.
struct ClientHarness {
    let sim: RunningSimulator
    let transport: CurlTransport
    let tokens: SimulatorTokens
    let gate: RecordingGate
    let clock: HookedClock
    let client: SalesforceClient
    static let purpose = CallPurpose(job: "test-job", priority: .importing)

    /// Calls the simulator's admin endpoint.
    @discardableResult
    func admin(_ method: String, _ path: String, json: String? = nil) async throws -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if json != nil { headers.set("Content-Type", "application/json") }
        return try await transport.send(HTTPRequest(method: method, url: sim.baseURL + path, headers: headers,
                                                    body: json.map { Data($0.utf8) }))
    }

    /// `/__admin/calls` counters: endpoint key → count.
    func calls() async throws -> [String: Int] {
        let r = try await admin("GET", "/__admin/calls")
        struct Body: Decodable { var endpoints: [String: Int] }
        return try JSONDecoder().decode(Body.self, from: r.body).endpoints
    }

    func calls(matching prefix: String) async throws -> Int {
        try await calls().filter { $0.key.hasPrefix(prefix) }.values.reduce(0, +)
    }
}

/// Runs `body` against a fresh HTTPS simulator with a real client, then stops it.
func withClient<T>(_ simConfig: SimulatorConfiguration = .init(tls: true),
                   providers: [any SimulatorRouteProvider] = [],
                   client clientConfig: SalesforceClient.Configuration = .init(),
                   gate: RecordingGate = RecordingGate(),
                   _ body: (ClientHarness) async throws -> T) async throws -> T {
    var config = simConfig
    config.tls = true
    let sim = try await SalesforceSimulatorServer.start(config, providers: providers)
    let transport = CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile))
    let tokens = SimulatorTokens(sim, transport: transport)
    let clock = HookedClock()
    let client = SalesforceClient(configuration: clientConfig, transport: transport, tokens: tokens, gate: gate,
                                  purpose: ClientHarness.purpose, clock: clock)
    let harness = ClientHarness(sim: sim, transport: transport, tokens: tokens, gate: gate, clock: clock, client: client)
    do {
        let result = try await body(harness)
        transport.closeIdleConnections()
        await sim.stop()
        return result
    } catch {
        transport.closeIdleConnections()
        await sim.stop()
        throw error
    }
}
