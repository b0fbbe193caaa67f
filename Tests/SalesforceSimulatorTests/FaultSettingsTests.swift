import Foundation
import Testing
@testable import SalesforceSimulator

/// Faults given in the configuration (what the `sfconnect simulator` fault flags set) and the
/// latency they add, over raw HTTP.
@Suite("Simulator faults from the configuration")
struct FaultSettingsTests {
    static func config(_ faults: SimulatorFaultSettings) -> SimulatorConfiguration {
        var c = SimulatorConfiguration()
        c.faults = faults
        return c
    }

    /// How long `body` takes on the monotonic clock.
    static func elapsed(_ body: () async throws -> Void) async rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return clock.now - start
    }

    @Test("a configured latency delays a counted call and the versions list by at least that much")
    func configuredLatency() async throws {
        try await withSimulator(Self.config(.init(latencyMs: 300))) { sim in
            let token = try await Wire.accessToken(sim)
            var limits: WireResponse?
            let counted = try await Self.elapsed { limits = try await Wire.get(sim, "/services/data/v60.0/limits", token: token) }
            #expect(limits?.status == 200)
            #expect(counted >= .milliseconds(300))
            var versions: WireResponse?
            let free = try await Self.elapsed { versions = try await Wire.get(sim, "/services/data/", token: nil) }
            #expect(versions?.status == 200)
            #expect(free >= .milliseconds(300))
        }
    }

    @Test("latency set through POST /__admin/faults delays the next answer by at least that much")
    func adminLatency() async throws {
        try await withSimulator { sim in
            let set = try await Wire.send("POST", sim.baseURL + "/__admin/faults",
                                          headers: ["Content-Type": "application/json"],
                                          body: Data(#"{"latencyMs":250}"#.utf8))
            #expect(set.status == 200)
            var r: WireResponse?
            let took = try await Self.elapsed { r = try await Wire.get(sim, "/services/data/", token: nil) }
            #expect(r?.status == 200)
            #expect(took >= .milliseconds(250))
        }
    }

    @Test("an unavailable rate of 1 answers every call 503 SERVER_UNAVAILABLE with Salesforce's error array")
    func unavailable() async throws {
        try await withSimulator(Self.config(.init(serverUnavailableRate: 1))) { sim in
            let token = try await Wire.passwordGrant(sim)
            #expect(token.status == 503)
            let r = try await Wire.get(sim, "/services/data/", token: nil)
            #expect(r.status == 503)
            #expect(r.array.first?["errorCode"] as? String == "SERVER_UNAVAILABLE")
            #expect(r.array.first?["message"] as? String == "Server is unavailable")
            // The admin endpoint replaces the configured faults.
            _ = try await Wire.send("POST", sim.baseURL + "/__admin/faults", body: Data("{}".utf8))
            #expect(try await Wire.get(sim, "/services/data/", token: nil).status == 200)
        }
    }

    @Test("a reset rate of 1 cuts every connection after the headers")
    func reset() async throws {
        try await withSimulator(Self.config(.init(connectionResetRate: 1))) { sim in
            await #expect(throws: (any Error).self) { _ = try await Wire.get(sim, "/services/data/", token: nil) }
            _ = try await Wire.send("POST", sim.baseURL + "/__admin/faults", body: Data("{}".utf8))
            #expect(try await Wire.get(sim, "/services/data/", token: nil).status == 200)
        }
    }

    @Test("a lock rate of 1 fails every record write with UNABLE_TO_LOCK_ROW and writes nothing")
    func lock() async throws {
        try await withOrg(Self.config(.init(unableToLockRowRate: 1))) { org in
            let r = try await org.call("POST", "/sobjects/Lead", json: ["LastName": "Locked", "Company": "Acme"])
            #expect(r.status == 400)
            #expect(r.firstError["errorCode"] as? String == "UNABLE_TO_LOCK_ROW")
            #expect((r.firstError["message"] as? String)?.hasPrefix("unable to obtain exclusive access to this record") == true)
            #expect(org.sim.store.count("Lead") == 0)
        }
    }

    @Test("a query-timeout rate of 1 answers queries 400 QUERY_TIMEOUT")
    func queryTimeout() async throws {
        try await withSimulator(Self.config(.init(queryTimeoutRate: 1))) { sim in
            let token = try await Wire.accessToken(sim)
            let r = try await Wire.query(sim, "SELECT Id FROM Lead", token: token)
            #expect(r.status == 400)
            #expect(r.array.first?["errorCode"] as? String == "QUERY_TIMEOUT")
        }
    }

    @Test("rates must be shares between 0 and 1 and latency at most ten minutes")
    func ranges() {
        #expect(SimulatorFaultSettings.isRate(0) && SimulatorFaultSettings.isRate(0.25) && SimulatorFaultSettings.isRate(1))
        #expect(!SimulatorFaultSettings.isRate(-0.1) && !SimulatorFaultSettings.isRate(1.5) && !SimulatorFaultSettings.isRate(.nan))
        #expect(SimulatorFaultSettings.isLatency(0) && SimulatorFaultSettings.isLatency(600_000))
        #expect(!SimulatorFaultSettings.isLatency(-1) && !SimulatorFaultSettings.isLatency(600_001))
    }
}
