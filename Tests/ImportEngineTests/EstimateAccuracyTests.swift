import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import Logging
import SalesforceAPI
import SalesforceConnector
import SalesforceSimulator
import Store
import Testing

/// `sfconnect estimate`'s first-run calls against what the real import then costs, measured by
/// the simulator's `/__admin/calls` counters: within ±5 % at three data sizes.
@Suite struct EstimateAccuracyTests {
    @Test(arguments: [1_500, 12_000, 45_000])
    func firstRunEstimateMatchesMeasuredCalls(leads: Int) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("est-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jobFile = dir + "/est_leads.yaml"
        try "kind: import\nauthorization: simulator\napi: auto\nleads: {}\n".write(toFile: jobFile, atomically: true, encoding: .utf8)
        let job = try JobLoader.load(file: jobFile, now: Date())
        let mappings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("mappings").path
        let specs = try ImportJobSpecs.specs(for: job, defaults: MappingLoader.loadAll(directory: mappings))

        var config = SimulatorConfiguration(tls: true)
        config.org = OrgSetup(sizes: OrgSizes(leads: leads, contacts: 0, accounts: 0, opportunities: 0, campaigns: 0))
        let sim = try await SalesforceSimulatorServer.start(config)
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile))
        defer { transport.closeIdleConnections() }
        let token = try await Self.login(sim, transport)
        let gate = CountingGate(wrapping: UnmeteredGate())
        let client = SalesforceClient(configuration: .init(), transport: transport, tokens: FixedToken(token: token), gate: gate,
                                      purpose: CallPurpose(job: job.name, priority: .importing), clock: SystemWallClock())
        let report = try await EstimateJob.estimate(job: job, specs: specs, client: client, calls: { gate.calls }, now: Date())

        try await Self.admin(sim, transport, "POST", "/__admin/reset-counters")
        let store = try Store(path: dir + "/store.sqlite")
        let runner = ImportRunner(source: ImportClientSource(client: client), sink: ImportStoreSink(store: store),
                                  clock: SystemWallClock(), apiCalls: { gate.calls }, logger: Logger(label: "test"))
        let run = await runner.run(job: job.name, objects: specs)
        let measured = try await Self.measuredCalls(sim, transport)
        await sim.stop()
        #expect(run.outcome == .completed)
        #expect(run.stored == leads)
        let error = abs(Double(report.firstRunCalls - measured)) / Double(measured)
        print("estimate-accuracy leads=\(leads) estimated=\(report.firstRunCalls) measured=\(measured) error=\(error)")
        #expect(error <= 0.05, "estimated \(report.firstRunCalls) first-run calls, measured \(measured)")
    }

    struct FixedToken: AccessTokenProviding {
        let token: AccessToken
        func token() async throws -> AccessToken { token }
        func refresh(after rejected: AccessToken) async throws -> AccessToken { token }
    }

    @discardableResult
    static func admin(_ sim: RunningSimulator, _ t: CurlTransport, _ method: String, _ path: String) async throws -> HTTPResponse {
        try await t.send(HTTPRequest(method: method, url: sim.baseURL + path, headers: [:], body: nil))
    }

    static func measuredCalls(_ sim: RunningSimulator, _ t: CurlTransport) async throws -> Int {
        struct Body: Decodable { var endpoints: [String: Int] }
        let r = try await admin(sim, t, "GET", "/__admin/calls")
        let body = try JSONDecoder().decode(Body.self, from: r.body)
        return body.endpoints.filter { $0.key.contains(" /services/data/") }.values.reduce(0, +)
    }

    static func login(_ sim: RunningSimulator, _ t: CurlTransport) async throws -> AccessToken {
        let c = sim.credentials
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let form = [("grant_type", "password"), ("client_id", c.clientId), ("client_secret", c.clientSecret),
                    ("username", c.username), ("password", c.passwordWithToken)]
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }.joined(separator: "&")
        let r = try await t.send(HTTPRequest(method: "POST", url: sim.baseURL + "/services/oauth2/token",
                                             headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8)))
        struct Body: Decodable { var access_token: String; var instance_url: String }
        let b = try JSONDecoder().decode(Body.self, from: r.body)
        return AccessToken(token: Secret(b.access_token), instanceURL: b.instance_url, identityURL: nil, issuedAt: Date())
    }
}
