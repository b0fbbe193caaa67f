import BudgetScheduler
import ConnectorCore
import Definitions
import Foundation
import HTTPTransport
import ImportEngine
import SalesforceAPI
import SalesforceConnector
import SalesforceSimulator
import Testing

/// `sfconnect estimate` against the simulator: the `COUNT()` honours the job's `since`, and the
/// estimate's own calls are a handful, equal to what the simulator counted.
@Suite struct EstimateSinceTests {
    /// Lead SystemModstamps as the simulator stores them (its admin endpoint, no API call).
    static func leadStamps(_ sim: RunningSimulator, _ t: CurlTransport) async throws -> [Date] {
        let r = try await EstimateAccuracyTests.admin(sim, t, "GET", "/__admin/records/Lead")
        let body = try #require(try JSONSerialization.jsonObject(with: r.body) as? [String: Any])
        let records = try #require(body["records"] as? [[String: Any]])
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        return try records.map { try #require(($0["SystemModstamp"] as? String).flatMap(f.date(from:)), "\($0)") }
    }

    @Test("COUNT() counts only records at or after the job's since, and the estimate spends exactly the calls the simulator counts")
    func countHonoursSince() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("est-since-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = SimulatorConfiguration(tls: true)
        config.org = OrgSetup(sizes: OrgSizes(leads: 1_000, contacts: 0, accounts: 0, opportunities: 0, campaigns: 0))
        let sim = try await SalesforceSimulatorServer.start(config)
        let transport = CurlTransport(configuration: TransportConfiguration(caFile: sim.caFile))
        let token = try await EstimateAccuracyTests.login(sim, transport)
        let mappings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("mappings").path
        let defaults = try MappingLoader.loadAll(directory: mappings)

        // The synthetic leads' stamps spread over the last 30 days; since cuts that span.
        let now = Date()
        let since = Date(timeIntervalSince1970: (now.timeIntervalSince1970 - 10 * 86_400).rounded(.down))
        let stamps = try await Self.leadStamps(sim, transport)
        let expected = stamps.filter { $0 >= since }.count
        #expect(stamps.count == 1_000 && expected > 0 && expected < 1_000, "\(expected) of \(stamps.count) after \(since)")

        func estimate(_ name: String, _ leads: String) async throws -> (EstimateReport, Int, Int) {
            let file = dir + "/\(name).yaml"
            try "kind: import\nauthorization: simulator\napi: rest\nimport_contacts: false\nimport_accounts: false\nimport_opportunities: false\nleads: \(leads)\n"
                .write(toFile: file, atomically: true, encoding: .utf8)
            let job = try JobLoader.load(file: file, now: now)
            let specs = try ImportJobSpecs.specs(for: job, defaults: defaults)
            let gate = CountingGate(wrapping: UnmeteredGate())
            let client = SalesforceClient(configuration: .init(), transport: transport, tokens: EstimateAccuracyTests.FixedToken(token: token),
                                          gate: gate, purpose: CallPurpose(job: job.name, priority: .importing), clock: SystemWallClock())
            try await EstimateAccuracyTests.admin(sim, transport, "POST", "/__admin/reset-counters")
            let report = try await EstimateJob.estimate(job: job, specs: specs, client: client, calls: { gate.calls }, now: now)
            return (report, try await EstimateAccuracyTests.measuredCalls(sim, transport), gate.calls)
        }

        let (withSince, measured, gated) = try await estimate("est_since", "{since: \(SalesforceDate.format(since))}")
        #expect(withSince.objects.first?.records == expected, "since \(SalesforceDate.format(since)): \(withSince.objects)")
        #expect(withSince.totalRecords == expected)
        // One /limits and three COUNT()s (since, last day, last week) for the one object.
        #expect(withSince.estimateCalls == 4)
        #expect(measured == 4 && gated == 4, "simulator counted \(measured), the gate \(gated)")

        let (everything, measuredAll, _) = try await estimate("est_all", "{}")
        #expect(everything.objects.first?.records == 1_000)
        #expect(everything.estimateCalls == 4 && measuredAll == 4)
        transport.closeIdleConnections()
        await sim.stop()
    }
}
